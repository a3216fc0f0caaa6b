// FBA and pFBA with COBRApy's semantics.
#pragma once
#include <vector>

#include "gem/gem.hpp"
#include "lp/flux_lp.hpp"

namespace minn {

struct FbaSolution {
  double objective = 0.0;       // the GEM objective at the optimum
  std::vector<double> fluxes;   // per reaction, GEM order
};

// Optimises the GEM's objective (COBRApy `model.optimize()`).
FbaSolution fba(const Gem& gem, const std::vector<BoundChange>& changes = {});

struct PfbaSolution {
  double objective = 0.0;       // the GEM objective (>= fraction * optimum)
  double total_flux = 0.0;      // minimised sum_j |v_j| (COBRApy's pfba objective_value)
  std::vector<double> fluxes;
};

// COBRApy `pfba(model, fraction_of_optimum)`: fixes objective >= fraction * optimum
// (<= for a minimised objective), then minimises sum |v| over forward/reverse variables.
PfbaSolution pfba(const Gem& gem, double fraction_of_optimum = 1.0,
                  const std::vector<BoundChange>& changes = {});

// The same on a caller-owned split-variable LP (re-used across many solves): the LP keeps the
// added objective row, which is removed again before returning.
PfbaSolution pfba(FluxLp& lp, const LinearTerms& objective, Sense sense, double fraction_of_optimum);

}  // namespace minn
