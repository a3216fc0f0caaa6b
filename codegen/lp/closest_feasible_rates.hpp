// Measured rates moved to the closest point the GEM can carry. Fixing four measured rates at once
// (glucose and O2 uptake, CO2 evolution, growth) over-determines a GEM: measurement noise puts many
// Ishii experiments outside e_coli_core's solution space (carbon and ATP balances), and pFBA at those
// values is infeasible. The closest feasible rates (Euclidean in relative terms, sum of
// ((v - m) / m)^2, by lp/fit_projection.hpp) equal the measured ones whenever those are feasible, and
// otherwise move them by as small a fraction of their measured values as the GEM allows.
#pragma once
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "lp/flux_lp.hpp"

namespace minn {

// `gem` (unsplit) with `changes` applied (measured uptakes, knockout); `reactions`: the rates to
// move, `measured`: their measured values (signed, unsplit convention). Returns one value per rate.
// minn::Error naming `what` when the GEM with `changes` has no solution at all.
std::vector<double> closest_feasible_rates(const Gem& gem, const std::vector<BoundChange>& changes,
                                           const std::vector<int>& reactions, const std::vector<double>& measured,
                                           const std::string& what);

}  // namespace minn
