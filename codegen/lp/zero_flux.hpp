// Reactions whose flux is zero in every feasible solution for structural reasons alone:
// fixed at [0, 0], or touching a metabolite that no remaining reaction can produce (or none can
// consume), so its balance forces every term to zero. Iterated to a fixpoint. This is exact
// (no tolerance), so FVA can drop these columns before the LP and report [0, 0] for them; on
// iAF1260 it removes most blocked reactions and makes every FVA solve cheaper.
#pragma once
#include <vector>

#include "gem/gem.hpp"

namespace minn {

// `lower`/`upper`: the effective bounds per reaction (GEM bounds after any changes).
// Returns one flag per reaction: 1 = flux forced to zero. A reaction whose bounds exclude 0 is
// never flagged (the LP then reports the infeasibility with its status).
std::vector<char> structurally_zero_reactions(const Gem& gem, const std::vector<double>& lower,
                                              const std::vector<double>& upper);

}  // namespace minn
