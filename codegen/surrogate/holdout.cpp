#include "surrogate/holdout.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

#include "common/error.hpp"
#include "train/rng.hpp"
#include "train/train_job.hpp"

namespace minn::surrogate {
namespace {

// Salted like the sampler's stream (surrogate/flux_sampler.cpp), so one --seed drives independent streams.
constexpr std::uint64_t kHoldoutSalt = 0x40D0F7A11C0FFEEull;

}  // namespace

HoldoutSplit holdout_split(int samples, double fraction, std::uint64_t seed) {
  if (!(fraction >= 0 && fraction < 1))
    throw Error("--holdout " + train::shortest_double(fraction) + ": expected a fraction in [0, 1)");
  int held = static_cast<int>(std::lround(fraction * samples));
  if (fraction > 0) held = std::max(held, 1);
  if (held >= samples)
    throw Error("--holdout " + train::shortest_double(fraction) + " of " + std::to_string(samples) +
                " samples leaves none to train on; draw more --samples or hold out less");
  std::vector<int> order(static_cast<std::size_t>(samples));
  std::iota(order.begin(), order.end(), 0);
  train::Rng rng(seed ^ kHoldoutSalt);
  rng.shuffle(order);
  HoldoutSplit split;
  split.test.assign(order.begin(), order.begin() + held);
  split.train.assign(order.begin() + held, order.end());
  std::sort(split.test.begin(), split.test.end());
  std::sort(split.train.begin(), split.train.end());
  return split;
}

}  // namespace minn::surrogate
