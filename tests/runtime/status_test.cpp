// The fixed status encoding of minn/status.h (the values are the published contract).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "minn/input_guard.hpp"
#include "minn/status.hpp"

namespace {

TEST(Status, CodesFollowTheFixedEncoding) {
  EXPECT_EQ(minn::Status::ok().code(), 0);
  EXPECT_EQ(minn::Status::out_of_envelope(0).code(), 1000);
  EXPECT_EQ(minn::Status::out_of_envelope(140).code(), 1140);
  EXPECT_EQ(minn::Status::non_finite(0).code(), -1);
  EXPECT_EQ(minn::Status::non_finite(140).code(), -141);
  for (int code : {0, 1000, 1007, -1, -42}) EXPECT_EQ(minn::Status::from_code(code).code(), code);
  EXPECT_EQ(minn::Status::from_code(-42).kind(), minn::Status::Kind::NonFinite);
  EXPECT_EQ(minn::Status::from_code(-42).input(), 41);
  EXPECT_EQ(minn::Status::from_code(1007).kind(), minn::Status::Kind::OutOfEnvelope);
  EXPECT_EQ(minn::Status::from_code(1007).input(), 7);
  EXPECT_TRUE(minn::Status::from_code(1007).outputs_valid());
  EXPECT_FALSE(minn::Status::from_code(-1).outputs_valid());
  EXPECT_EQ(MINN_STATUS_INPUT(-42), 41);
  EXPECT_EQ(MINN_STATUS_INPUT(1007), 7);
  EXPECT_TRUE(MINN_STATUS_IS_WARNING(1000));
  EXPECT_TRUE(MINN_STATUS_IS_ERROR(-1));
}

TEST(InputGuard, FiniteTestByBits) {
  EXPECT_TRUE(minn::is_finite(0.0f));
  EXPECT_TRUE(minn::is_finite(-0.0f));
  EXPECT_TRUE(minn::is_finite(std::numeric_limits<float>::max()));
  EXPECT_TRUE(minn::is_finite(std::numeric_limits<float>::denorm_min()));
  EXPECT_FALSE(minn::is_finite(std::numeric_limits<float>::infinity()));
  EXPECT_FALSE(minn::is_finite(-std::numeric_limits<float>::infinity()));
  EXPECT_FALSE(minn::is_finite(std::numeric_limits<float>::quiet_NaN()));
  EXPECT_FALSE(minn::is_finite(-std::numeric_limits<float>::signaling_NaN()));
}

TEST(InputGuard, NonFiniteWinsOverEnvelopeAndTheFirstIndexIsReported) {
  const float lo[4] = {0, 0, 0, 0}, hi[4] = {1, 1, 1, 1};
  const float nan = std::numeric_limits<float>::quiet_NaN();
  {
    const float in[4] = {0.5f, 0.5f, 1.0f, 0.0f};  // bounds are inclusive
    EXPECT_EQ(minn::check_inputs(in, 4, lo, hi), 0);
  }
  {
    const float in[4] = {0.5f, 2.0f, 0.5f, -1.0f};
    EXPECT_EQ(minn::check_inputs(in, 4, lo, hi), 1001);
  }
  {
    const float in[4] = {5.0f, 0.5f, nan, nan};
    EXPECT_EQ(minn::check_inputs(in, 4, lo, hi), -3);
  }
}

TEST(InputGuard, ScalingIsMinMax) {
  const float in[2] = {3.0f, -1.0f}, mn[2] = {1.0f, -2.0f}, range[2] = {4.0f, 3.0f};
  float x[2];
  minn::scale_inputs(in, 2, mn, range, x);
  EXPECT_EQ(x[0], 0.5f);
  EXPECT_EQ(x[1], 1.0f / 3.0f);
}

TEST(InputGuard, ClipUnitSaturatesToZeroAndOneAndKeepsTheRestBitForBit) {
  const float big = 3.4e38f, tiny = 1e-45f;  // largest finite and smallest subnormal
  float x[10] = {-big, -37.5f, -tiny, -0.0f, 0.0f, tiny, 0.25f, 1.0f, 1.0000001f, big};
  const float want[10] = {0.0f, 0.0f, 0.0f, -0.0f, 0.0f, tiny, 0.25f, 1.0f, 1.0f, 1.0f};
  minn::clip_unit(x, 10);
  EXPECT_EQ(std::memcmp(x, want, sizeof x), 0);  // -0 stays -0: only values outside [0, 1] move
  minn::clip_unit(x, 0);  // n = 0 touches nothing
}

TEST(InputGuard, SaturateScaledBoundsAtAMillionRangesAndKeepsTheRestBitForBit) {
  const float inf = std::numeric_limits<float>::infinity(), big = 3.4e38f, m = minn::kMaxScaledInput;
  float x[9] = {-inf, -big, -1.0000001e6f, -0.0f, 0.5f, 37.0f, 999999.94f, big, inf};
  const float want[9] = {-m, -m, -m, -0.0f, 0.5f, 37.0f, 999999.94f, m, m};
  minn::saturate_scaled(x, 9);
  EXPECT_EQ(std::memcmp(x, want, sizeof x), 0);
  EXPECT_EQ(m, 1.0e6f);
  minn::saturate_scaled(x, 0);  // n = 0 touches nothing
}

}  // namespace
