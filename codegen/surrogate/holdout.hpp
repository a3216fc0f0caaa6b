// Which samples train the surrogate and which are held out to score it: a seeded random fraction.
#pragma once
#include <cstdint>
#include <vector>

namespace minn::surrogate {

struct HoldoutSplit {
  std::vector<int> train, test;  // sample indices, ascending
};

// round(fraction * samples) samples held out, at least one when fraction > 0, and at least one left
// to train on. Throws minn::Error naming --holdout when fraction is outside [0, 1) or leaves no row.
HoldoutSplit holdout_split(int samples, double fraction, std::uint64_t seed);

}  // namespace minn::surrogate
