// Where each reaction of a split GEM comes from in the unsplit one (gem/gem.hpp, split_reversible):
// an irreversible reaction is itself, a reversible one gives <id>_fwd (v > 0) and <id>_rev (v < 0).
// The LPs run on the unsplit GEM; samples and models speak split ids.
#pragma once
#include <vector>

#include "gem/gem.hpp"

namespace minn::surrogate {

struct SplitOrigin {
  int reaction = -1;   // index in the unsplit GEM
  double sign = 1.0;   // split value = max(sign * v, 0) for a half; v itself otherwise
  bool half = false;   // one direction of a reversible reaction
};

// One entry per reaction of `split` (split_reversible(unsplit)); minn::Error if they do not match.
std::vector<SplitOrigin> split_origins(const Gem& unsplit, const Gem& split);

// The split fluxes of one unsplit flux vector, in split-GEM order.
std::vector<double> split_fluxes(const std::vector<SplitOrigin>& origins, const std::vector<double>& unsplit_fluxes);

}  // namespace minn::surrogate
