// Merges fully coupled reactions before FVA. A metabolite that only two remaining columns touch
// (a w_p + b w_q = 0) makes them proportional: w_q = k w_p with k = -a/b. Column q is folded into
// p (its stoichiometry, bounds and objective), the row disappears, and this repeats to a fixpoint.
// The result is an exact, smaller LP: every original flux is factor * (a merged column), so FVA
// solves one min/max pair per merged column instead of per reaction (linear pathways, exchange +
// transport pairs of iAF1260 collapse into one column each).
#pragma once
#include <vector>

#include "gem/gem.hpp"

namespace minn {

struct CoupledColumns {
  Gem lp_gem;                 // one "reaction" per merged column (bounds, objective, stoichiometry)
  std::vector<int> column;    // per input reaction: its merged column in lp_gem
  std::vector<double> factor; // per input reaction: v = factor * w_column (never 0)
};

// `gem` must carry the effective bounds. The objective must be linear in the reactions (it is).
CoupledColumns merge_coupled_reactions(const Gem& gem);

}  // namespace minn
