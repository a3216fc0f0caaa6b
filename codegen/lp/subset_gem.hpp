// A GEM restricted to some of its reactions (reduced GEMs, and the smaller LP FVA solves).
#pragma once
#include <vector>

#include "gem/gem.hpp"

namespace minn {

// A copy of `gem` with only the `kept` reactions (in the order given); metabolites no kept
// reaction uses and genes no kept GPR names are dropped, metabolite indices are renumbered.
Gem subset_gem(const Gem& gem, const std::vector<int>& kept);

}  // namespace minn
