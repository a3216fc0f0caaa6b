// ln without libm (lib/minn/natural_log.hpp) against double-precision std::log over the float range.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "minn/natural_log.hpp"

namespace {

float from_bits(uint32_t bits) {
  float x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

// Relative error against std::log in double; 0 when both are 0 (x = 1).
double relative_error(float x) {
  const double exact = std::log(static_cast<double>(x));
  const double got = minn::ln_positive(x);
  if (exact == 0.0) return got == 0.0 ? 0.0 : 1.0;
  return std::fabs(got - exact) / std::fabs(exact);
}

TEST(NaturalLog, KnownValues) {
  EXPECT_EQ(minn::ln_positive(1.0f), 0.0f);
  EXPECT_NEAR(minn::ln_positive(2.0f), 0.69314718, 1e-7);
  EXPECT_NEAR(minn::ln_positive(0.5f), -0.69314718, 1e-7);
  EXPECT_NEAR(minn::ln_positive(2.7182817f), 1.0, 2e-7);
  EXPECT_NEAR(minn::ln_positive(10.0f), 2.30258509, 5e-7);
}

// Every 65th float bit pattern from the smallest subnormal to the largest finite float (about 33
// million values, both mantissa ends of every exponent), and the floats next to 1 on both sides.
TEST(NaturalLog, WithinOnePpmOfDoubleLogEverywhere) {
  const uint32_t max_finite = 0x7f7fffffu;
  double worst = 0.0;
  uint32_t worst_bits = 0;
  for (uint32_t bits = 1; bits <= max_finite - 65; bits += 65) {
    const double e = relative_error(from_bits(bits));
    if (e > worst) {
      worst = e;
      worst_bits = bits;
    }
  }
  for (uint32_t bits = 0x3f800000u - 4096; bits <= 0x3f800000u + 4096; ++bits) {
    const double e = relative_error(from_bits(bits));
    if (e > worst) {
      worst = e;
      worst_bits = bits;
    }
  }
  for (float x : {std::numeric_limits<float>::denorm_min(), std::numeric_limits<float>::min(),
                   std::numeric_limits<float>::max(), 1.41421356f, 0.70710678f}) {
    EXPECT_LT(relative_error(x), 1e-6) << x;
  }
  EXPECT_LT(worst, 1e-6) << "at x = " << from_bits(worst_bits);
}

TEST(NaturalLog, OutsideTheDomainReturnsZero) {
  for (float x : {0.0f, -0.0f, -1.0f, -std::numeric_limits<float>::denorm_min(),
                  std::numeric_limits<float>::infinity(), -std::numeric_limits<float>::infinity(),
                  std::numeric_limits<float>::quiet_NaN()}) {
    EXPECT_EQ(minn::ln_positive(x), 0.0f) << x;
  }
}

}  // namespace
