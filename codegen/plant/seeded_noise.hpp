// Seeded Gaussian noise for the plant's signals: one independent stream per noise source, so that
// switching one source on or off never changes the numbers another one draws.
#pragma once
#include <cstdint>
#include <random>

namespace minn::plant {

// The noise sources, each its own stream.
enum class NoiseSource : std::uint64_t { biomass = 1, o2_out = 2, co2_out = 3 };

class GaussianStream {
 public:
  // std::mt19937_64 (its output sequence is fixed by the C++ standard) seeded with
  // SplitMix64(seed, source) (Steele, Lea & Flood, OOPSLA 2014), so equal seeds give equal streams
  // with any standard library; std::normal_distribution is not used because its algorithm is left
  // to the implementation.
  GaussianStream(std::uint64_t seed, NoiseSource source);

  // One standard normal deviate by the Box-Muller transform (Box & Muller, Ann. Math. Stat.
  // 29:610-611, 1958) on two 53-bit uniforms; the second deviate of the pair is discarded, so each
  // call consumes exactly two engine outputs. Drawn once per sample whether the noise is used or
  // not (sd 0, a dropout), so a fault never shifts later noise.
  double next();

 private:
  std::mt19937_64 engine_;
};

}  // namespace minn::plant
