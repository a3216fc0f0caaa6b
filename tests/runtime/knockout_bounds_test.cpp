// minn::knockout_bounds and minn::zero_closed_rows (lib/minn/knockout_bounds.hpp): values
// worked out by hand from the documented rules.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

#include "minn/knockout_bounds.hpp"

namespace {

TEST(KnockoutBounds, AGenotypeInputAtOrAboveOneHalfClosesItsRows) {
  // inputs: rate, rate, ko_A = 1, ko_B = 0.49
  const float in[4] = {3.0f, 7.0f, 1.0f, 0.49f};
  const std::int16_t switches[4] = {-1, 2, 3, 2};
  const float defaults[4] = {INFINITY, INFINITY, 4.5f, 2.0f};
  float vin[4] = {-1.0f, -1.0f, -1.0f, -1.0f};
  minn::knockout_bounds(in, switches, defaults, 4, vin);
  EXPECT_EQ(vin[0], INFINITY);  // no switch: the default
  EXPECT_EQ(vin[1], 0.0f);      // ko_A = 1: closed
  EXPECT_EQ(vin[2], 4.5f);      // ko_B = 0.49 < 0.5: the default
  EXPECT_EQ(vin[3], 0.0f);
  const float half[4] = {0.0f, 0.0f, 0.5f, 0.5f};
  minn::knockout_bounds(half, switches, defaults, 4, vin);
  EXPECT_EQ(vin[1], 0.0f);  // exactly 0.5 closes
  EXPECT_EQ(vin[2], 0.0f);
}

TEST(ZeroClosedRows, SetsRowsWithVinZeroToZeroAndLeavesTheOthers) {
  float v[5] = {5.0f, -2.0f, 3.0f, -1.0f, 0.25f};
  const std::uint8_t pin[4] = {0, 1, 2, 3};
  const float vin[4] = {0.0f, 0.0f, 2.5f, INFINITY};
  minn::zero_closed_rows(pin, vin, 4, v);
  EXPECT_EQ(v[0], 0.0f);   // knocked out, positive -> 0
  EXPECT_EQ(v[1], 0.0f);   // knocked out, negative -> 0
  EXPECT_EQ(v[2], 3.0f);   // Vin 2.5 > 0: the refinement's soft bound only (the paper's uptakes)
  EXPECT_EQ(v[3], -1.0f);  // +inf: untouched
  EXPECT_EQ(v[4], 0.25f);  // not a Pin row
}

}  // namespace
