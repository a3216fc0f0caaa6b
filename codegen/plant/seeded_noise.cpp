#include "plant/seeded_noise.hpp"

#include <cmath>

namespace minn::plant {
namespace {

// SplitMix64's output function (Steele, Lea & Flood 2014), used to decorrelate nearby seeds.
std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// A uniform in (0, 1]: the top 53 bits, shifted by one so that log() never sees 0.
double unit_interval(std::mt19937_64& engine) {
  return (static_cast<double>(engine() >> 11) + 1.0) * 0x1.0p-53;
}

}  // namespace

GaussianStream::GaussianStream(std::uint64_t seed, NoiseSource source)
    : engine_(splitmix64(seed ^ splitmix64(static_cast<std::uint64_t>(source)))) {}

double GaussianStream::next() {
  constexpr double kTwoPi = 6.283185307179586476925;
  const double u1 = unit_interval(engine_);
  const double u2 = unit_interval(engine_);
  return std::sqrt(-2.0 * std::log(u1)) * std::cos(kTwoPi * u2);
}

}  // namespace minn::plant
