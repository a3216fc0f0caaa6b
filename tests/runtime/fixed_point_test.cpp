// Fixed-point kernels (lib/minn/fixed_point.hpp) against hand-computed values, at the extremes of
// their ranges (saturation), and the dense layer against its layout written out independently.
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <random>
#include <vector>

#include "minn/fixed_point.hpp"

namespace {

namespace fx = minn::fx;

TEST(FixedQuantize, InputsRoundHalfAwayFromZeroSaturateAndZeroThePad) {
  const float raw[5] = {0.5f / 128, -1.5f / 128, 1e30f, -1e30f, 0.25f};  // exact in binary
  const float min[5] = {0, 0, 0, 0, 0}, k[5] = {128, 128, 128, 128, 128};
  std::int8_t q[6] = {9, 9, 9, 9, 9, 9};
  fx::quantize_inputs(raw, 5, min, k, false, 127, q);
  EXPECT_EQ(q[0], 1);     // 0.5 -> 1
  EXPECT_EQ(q[1], -2);    // -1.5 -> -2
  EXPECT_EQ(q[2], 127);   // saturated
  EXPECT_EQ(q[3], -127);  // saturated
  EXPECT_EQ(q[4], 32);    // 32 exactly
  EXPECT_EQ(q[5], 0);     // the pad after an odd length
  fx::quantize_inputs(raw, 5, min, k, true, 127, q);  // clipped model: [0, Amax]
  EXPECT_EQ(q[1], 0);
  EXPECT_EQ(q[3], 0);
  EXPECT_EQ(q[2], 127);
  std::int16_t h[2];
  const float big[2] = {3.0e9f, -3.0e9f}, m2[2] = {1.0f, 1.0f}, k2[2] = {32767.0f, 32767.0f};
  fx::quantize_inputs(big, 2, m2, k2, false, 32767, h);
  EXPECT_EQ(h[0], 32767);
  EXPECT_EQ(h[1], -32767);
}

TEST(FixedRequantize, ScalesRoundsAddsTheBiasAndSaturates) {
  const std::int32_t mult[3] = {1 << 30, 1 << 30, 2147483647};
  const std::int8_t shift[3] = {31, 31, 1};
  const std::int32_t bias[3] = {3, -3, 0};
  const fx::Requant rq{mult, shift, bias, 127};
  // acc * 2^30 / 2^31 = acc / 2, rounded to nearest (ties up), + bias.
  EXPECT_EQ(fx::requantize<std::int8_t>(101, rq, 0, minn::Act::None), 51 + 3);  // 50.5 -> 51
  EXPECT_EQ(fx::requantize<std::int8_t>(-101, rq, 0, minn::Act::None), -50 + 3);  // -50.5 -> -50
  EXPECT_EQ(fx::requantize<std::int8_t>(-20, rq, 1, minn::Act::Relu), 0);  // ReLU floor
  // The largest accumulator times the largest multiplier: the 64-bit product saturates at +-127.
  EXPECT_EQ(fx::requantize<std::int8_t>(std::numeric_limits<std::int32_t>::max(), rq, 2, minn::Act::None), 127);
  EXPECT_EQ(fx::requantize<std::int8_t>(std::numeric_limits<std::int32_t>::min(), rq, 2, minn::Act::None), -127);
}

TEST(FixedCoefTimes, IntegersAreExactOthersRoundToNearest) {
  EXPECT_EQ(fx::coef_times(-4096, 123456789), -123456789);
  EXPECT_EQ(fx::coef_times(2 * 4096, -1000), -2000);
  EXPECT_EQ(fx::coef_times(2048, 3), 2);    // 1.5 -> 2
  EXPECT_EQ(fx::coef_times(2048, -3), -1);  // -1.5 -> -1 (ties up)
  EXPECT_EQ(fx::coef_times(6127, 1000), 1496);  // 1.49585 * 1000 = 1495.85 -> 1496
}

// The int8 panel layout (rows interleaved by two inside a block) written out independently, int64
// sums, ReLU.
TEST(FixedDense, SumsEveryRowExactlyInTheInt8Layout) {
  std::mt19937 e(6);
  for (int in : {1, 2, 5, 141}) {
    for (int out : {1, 2, 5, 250}) {
      const int pairs = (in + 1) / 2;
      std::vector<std::int8_t> w(static_cast<std::size_t>((out + 3) / 4) * pairs * 8, 0);
      std::vector<std::vector<int>> dense(out, std::vector<int>(in));
      for (int r = 0; r < out; ++r) {
        for (int j = 0; j < in; ++j) {
          dense[r][j] = static_cast<int>(e() % 255) - 127;
          const std::size_t block = (static_cast<std::size_t>(r / 4) * pairs + j / 2) * 8;
          w[block + (r % 4 / 2) * 4 + (j % 2) * 2 + r % 2] = static_cast<std::int8_t>(dense[r][j]);
        }
      }
      std::vector<std::int8_t> x(static_cast<std::size_t>(in + 1), 0), y(static_cast<std::size_t>(out + 1), 5);
      for (int j = 0; j < in; ++j) x[j] = static_cast<std::int8_t>(static_cast<int>(e() % 255) - 127);
      std::vector<std::int32_t> mult(out, 1 << 30), bias(out, 1);
      std::vector<std::int8_t> shift(out, 37);  // acc / 2^7, + 1
      const fx::Requant rq{mult.data(), shift.data(), bias.data(), 127};
      fx::dense_q(w.data(), rq, in, out, minn::Act::Relu, x.data(), y.data());
      for (int r = 0; r < out; ++r) {
        std::int64_t acc = 0;
        for (int j = 0; j < in; ++j) acc += static_cast<std::int64_t>(dense[r][j]) * x[j];
        const std::int64_t want = std::max<std::int64_t>(0, std::min<std::int64_t>(127, ((acc + 64) >> 7) + 1));
        ASSERT_EQ(y[r], want) << in << "x" << out << " row " << r;
      }
    }
  }
}

// The panel layout (4 rows x input pairs) written out independently, int64 sums.
TEST(FixedDense, SumsEveryRowExactlyInThePanelLayout) {
  std::mt19937 e(5);
  for (int in : {1, 2, 7, 141}) {
    for (int out : {1, 3, 4, 9, 250}) {
      std::vector<std::int16_t> w(static_cast<std::size_t>((out + 3) / 4 * 4) * ((in + 1) / 2) * 2, 0);
      std::vector<std::vector<int>> dense(out, std::vector<int>(in));
      for (int r = 0; r < out; ++r) {
        for (int j = 0; j < in; ++j) {
          dense[r][j] = static_cast<int>(e() % 801) - 400;  // 141 * 400 * 32767 < 2^31
          w[((static_cast<std::size_t>(r / 4) * ((in + 1) / 2) + j / 2) * 4 + r % 4) * 2 + j % 2] =
              static_cast<std::int16_t>(dense[r][j]);
        }
      }
      std::vector<std::int16_t> x(static_cast<std::size_t>(in + 1), 0), y(static_cast<std::size_t>(out + 1), 5);
      for (int j = 0; j < in; ++j) x[j] = static_cast<std::int16_t>(static_cast<int>(e() % 65535) - 32767);
      std::vector<std::int32_t> mult(out, 1 << 30), bias(out, 0);
      std::vector<std::int8_t> shift(out, 40);  // acc / 2^10
      const fx::Requant rq{mult.data(), shift.data(), bias.data(), 32767};
      fx::dense_q(w.data(), rq, in, out, minn::Act::None, x.data(), y.data());
      for (int r = 0; r < out; ++r) {
        std::int64_t acc = 0;
        for (int j = 0; j < in; ++j) acc += static_cast<std::int64_t>(dense[r][j]) * x[j];
        const std::int64_t want = (acc + 512) >> 10;  // round to nearest, ties up
        ASSERT_EQ(y[r], static_cast<std::int16_t>(std::max<std::int64_t>(-32767, std::min<std::int64_t>(32767, want))))
            << in << "x" << out << " row " << r;
      }
      if (out % 2 != 0) {
        EXPECT_EQ(y[out], 0);
      }
    }
  }
}

TEST(FixedFluxes, StartAndOutputConversionSaturateAndScaleExactly) {
  const std::int16_t y[3] = {100, -100, 32767};
  std::int32_t v[3];
  fx::start_fluxes(y, 3, 0.5f, 2.0f, 1000, v);  // y * 0.5 * 2
  EXPECT_EQ(v[0], 100);
  EXPECT_EQ(v[1], -100);
  EXPECT_EQ(v[2], 1000);  // saturated at vlimit
  fx::start_fluxes(y, 3, 0.5f, -4.0f, 1000, v);  // u < 0 gives V0 = 0
  EXPECT_EQ(v[0], 0);
  float out[3];
  fx::to_float(v, 3, 0x1p-8f, out);
  EXPECT_EQ(out[0], 0.0f);
  const std::int32_t w[2] = {-256, 384};
  fx::to_float(w, 2, 0x1p-8f, out);
  EXPECT_EQ(out[0], -1.0f);
  EXPECT_EQ(out[1], 1.5f);
}

// One reaction, one metabolite (S = [1]): u = V, so one step gives
// d = -k_u V + k_neg relu(-V) and V + d, with the Q30 products rounded; far out, both saturate.
TEST(FixedRefine, OneStepByHandAndSaturationAtTheLimit) {
  const std::int32_t ptr[2] = {0, 1}, col[1] = {0}, coef[1] = {4096};
  const fx::FixedCsr<std::int32_t, std::int32_t> s{1, 1, ptr, col, coef};
  const fx::FixedRefineParams p{1, 1 << 29, 1 << 28, 0, 1 << 29, 1000000};  // beta .5, k_u .25, k_neg .5
  std::int32_t v = 1000, d = 0, sv = 0, pin = 0, u = 0;
  fx::fixed_refine(s, s, static_cast<const std::uint8_t*>(nullptr), nullptr, 0, p, &v, &d, &sv, &pin, &u);
  EXPECT_EQ(d, -250);
  EXPECT_EQ(v, 750);
  v = -1000;
  fx::fixed_refine(s, s, static_cast<const std::uint8_t*>(nullptr), nullptr, 0, p, &v, &d, &sv, &pin, &u);
  EXPECT_EQ(d, 250 + 500);  // -k_u * (-1000) + k_neg * 1000
  EXPECT_EQ(v, -250);
  const fx::FixedRefineParams wild{3, 1 << 30, -(1 << 30), 0, 0, 1000000};  // pushes V away
  v = 900000;
  fx::fixed_refine(s, s, static_cast<const std::uint8_t*>(nullptr), nullptr, 0, wild, &v, &d, &sv, &pin, &u);
  EXPECT_EQ(v, 1000000);  // saturated at vlimit, not wrapped
  EXPECT_LE(d, 1000000);
}

// A Pin row bounds its reaction from above: V above Vin adds (V - Vin) to the Pin term.
TEST(FixedRefine, PinRowsPullAReactionBelowItsBound) {
  const std::int32_t ptr[2] = {0, 0};
  const fx::FixedCsr<std::int32_t, std::int32_t> s{1, 1, ptr, nullptr, nullptr};  // S has an empty row
  const fx::FixedRefineParams p{1, 0, 0, 1 << 29, 0, 1000000};  // k_pin .5
  const std::uint8_t pin[1] = {0};
  const std::int32_t vin[1] = {400};
  std::int32_t v = 1000, d = 0, sv = 0, pin_term = 0, u = 0;
  fx::fixed_refine(s, s, pin, vin, 1, p, &v, &d, &sv, &pin_term, &u);
  EXPECT_EQ(pin_term, 600);
  EXPECT_EQ(v, 700);
}

}  // namespace
