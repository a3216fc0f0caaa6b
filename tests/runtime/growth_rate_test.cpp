// The growth-rate filter (lib/minn/growth_rate.hpp): the least-squares slope of ln X over the
// window plus the dilution rate, checked on hand-computed windows and on synthetic series whose
// growth rate is known by construction.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "minn/growth_rate.hpp"

namespace {

using minn::RateStatus;

constexpr float kNan = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kUntouched = -7.0f;

template <int N>
RateStatus mu_of(const minn::GrowthRateWindow<N>& w, float dt, float d, float* mu) {
  return minn::growth_rate(w, dt, d, mu);
}

// N = 3, dt = 0.5 h, X = 1, 2, 4 gDW/L:  y = ln X = 0, 0.693147, 1.386294 at t = 0, 1, 2 samples;
//   t_mean = 1, y_mean = 0.693147;
//   sxy = (-1)(-0.693147) + 0 + (1)(0.693147) = 1.386294;  sxx = 1 + 0 + 1 = 2;
//   slope = 0.693147 per sample / 0.5 h = 1.386294 1/h; with D = 0.1 1/h: mu = 1.486294 1/h.
TEST(GrowthRate, DoublingEverySampleByHand) {
  minn::GrowthRateWindow<3> w;
  for (float x : {1.0f, 2.0f, 4.0f}) ASSERT_EQ(minn::push_biomass(&w, x), RateStatus::ok);
  float mu = kUntouched;
  ASSERT_EQ(mu_of(w, 0.5f, 0.0f, &mu), RateStatus::ok);
  EXPECT_NEAR(mu, 1.386294, 2e-6);
  ASSERT_EQ(mu_of(w, 0.5f, 0.1f, &mu), RateStatus::ok);
  EXPECT_NEAR(mu, 1.486294, 2e-6);
}

// N = 3, dt = 0.5 h, X = 1, 2, 2:  y = 0, 0.693147, 0.693147;  y_mean = 0.462098;
//   sxy = (-1)(0 - 0.462098) + 0 + (1)(0.693147 - 0.462098) = 0.462098 + 0.231049 = 0.693147;
//   sxx = 2;  slope = 0.346574 per sample / 0.5 h = 0.693147 1/h.
TEST(GrowthRate, LeastSquaresLineThroughACurvedWindowByHand) {
  minn::GrowthRateWindow<3> w;
  for (float x : {1.0f, 2.0f, 2.0f}) minn::push_biomass(&w, x);
  float mu = kUntouched;
  ASSERT_EQ(mu_of(w, 0.5f, 0.0f, &mu), RateStatus::ok);
  EXPECT_NEAR(mu, 0.693147, 2e-6);
}

// X = X0 exp(mu t), mu = 0.35 1/h, sampled every 0.1 h: ln X is a line, so the slope gives mu
// back for any window, including after the ring buffer wrapped many times (40 samples, N = 8).
// The tolerance covers ln_positive's ~3e-7 relative error on ln X ~ 2.3, spread over the window.
TEST(GrowthRate, ExponentialGrowthGivesMuBack) {
  const double mu_true = 0.35, dt = 0.1;
  minn::GrowthRateWindow<8> w;
  float mu = kUntouched;
  for (int k = 0; k < 40; ++k) {
    ASSERT_EQ(minn::push_biomass(&w, static_cast<float>(10.0 * std::exp(mu_true * dt * k))),
              RateStatus::ok);
    if (k >= 7) {
      ASSERT_EQ(mu_of(w, static_cast<float>(dt), 0.0f, &mu), RateStatus::ok) << k;
      EXPECT_NEAR(mu, mu_true, 2e-5) << k;
    }
  }
}

// The biomass gain cancels: the same culture read as OD (X / 0.37 gDW/L per OD unit) or as
// gDW/L has the same ln slope.
TEST(GrowthRate, BiomassCalibrationGainCancels) {
  minn::GrowthRateWindow<6> grams, od;
  for (int k = 0; k < 6; ++k) {
    const double x = 0.8 * std::exp(0.5 * 0.25 * k);
    minn::push_biomass(&grams, static_cast<float>(x));
    minn::push_biomass(&od, static_cast<float>(x / 0.37));
  }
  float mu_grams = kUntouched, mu_od = kUntouched;
  ASSERT_EQ(mu_of(grams, 0.25f, 0.0f, &mu_grams), RateStatus::ok);
  ASSERT_EQ(mu_of(od, 0.25f, 0.0f, &mu_od), RateStatus::ok);
  EXPECT_NEAR(mu_grams, 0.5, 2e-5);
  EXPECT_NEAR(mu_od, mu_grams, 2e-5);
}

// A constant biomass gives d ln X/dt = 0: mu = 0 in batch, mu = D in a chemostat at steady state
// (Herbert et al. 1956: mu = D), here D = 0.2 1/h.
TEST(GrowthRate, ConstantBiomassGivesZeroAndTheDilutionTermAddsD) {
  minn::GrowthRateWindow<5> w;
  for (int k = 0; k < 5; ++k) minn::push_biomass(&w, 4.2f);
  float mu = kUntouched;
  ASSERT_EQ(mu_of(w, 1.0f / 60.0f, 0.0f, &mu), RateStatus::ok);
  EXPECT_NEAR(mu, 0.0, 1e-5);
  ASSERT_EQ(mu_of(w, 1.0f / 60.0f, 0.2f, &mu), RateStatus::ok);
  EXPECT_NEAR(mu, 0.2, 1e-5);
}

// A step in X (1 -> 2 between samples 2 and 3 of N = 5, dt = 1 h) is spread over the window:
//   y = 0, 0, 0, 0.693147, 0.693147;  t_mean = 2, y_mean = 0.277259;
//   sxy = (-2)(-0.277259) + (-1)(-0.277259) + 0 + (1)(0.415888) + (2)(0.415888)
//       = 0.554518 + 0.277259 + 0.415888 + 0.831777 = 2.079442;  sxx = 4 + 1 + 0 + 1 + 4 = 10;
//   slope = 0.207944 1/h. Once the step has left the window, the constant series gives 0 again.
TEST(GrowthRate, AStepIsSmoothedThenForgotten) {
  minn::GrowthRateWindow<5> w;
  for (float x : {1.0f, 1.0f, 1.0f, 2.0f, 2.0f}) minn::push_biomass(&w, x);
  float mu = kUntouched;
  ASSERT_EQ(mu_of(w, 1.0f, 0.0f, &mu), RateStatus::ok);
  EXPECT_NEAR(mu, 0.207944, 2e-6);
  for (int k = 0; k < 3; ++k) minn::push_biomass(&w, 2.0f);
  ASSERT_EQ(mu_of(w, 1.0f, 0.0f, &mu), RateStatus::ok);
  EXPECT_NEAR(mu, 0.0, 1e-6);
}

TEST(GrowthRate, NotReadyUntilTheWindowIsFull) {
  minn::GrowthRateWindow<4> w;
  float mu = kUntouched;
  EXPECT_EQ(mu_of(w, 0.1f, 0.0f, &mu), RateStatus::not_ready);
  for (int k = 0; k < 3; ++k) {
    minn::push_biomass(&w, 1.0f + static_cast<float>(k));
    EXPECT_EQ(mu_of(w, 0.1f, 0.0f, &mu), RateStatus::not_ready);
  }
  EXPECT_EQ(mu, kUntouched);
  minn::push_biomass(&w, 4.0f);
  EXPECT_EQ(mu_of(w, 0.1f, 0.0f, &mu), RateStatus::ok);
  w = minn::GrowthRateWindow<4>{};  // restart
  EXPECT_EQ(mu_of(w, 0.1f, 0.0f, &mu), RateStatus::not_ready);
}

// N = 3, dt = 0.5 h, X = 1, (dropout), 4: the missing sample keeps its slot, so the valid ones
// stay at t = 0 and 2:  t_mean = 1, y_mean = 0.693147;
//   sxy = (-1)(-0.693147) + (1)(0.693147) = 1.386294;  sxx = 2;  mu = 0.693147 / 0.5 = 1.386294.
TEST(GrowthRate, MissingSamplesKeepTheTimeAxis) {
  for (float bad : {kNan, kInf, -kInf, 0.0f, -1.0f}) {
    minn::GrowthRateWindow<3> w;
    minn::push_biomass(&w, 1.0f);
    const RateStatus pushed = minn::push_biomass(&w, bad);
    const bool finite = bad > -kInf && bad < kInf;
    EXPECT_EQ(pushed, finite ? RateStatus::out_of_range : RateStatus::invalid_input);
    minn::push_biomass(&w, 4.0f);
    float mu = kUntouched;
    ASSERT_EQ(mu_of(w, 0.5f, 0.0f, &mu), RateStatus::ok);
    EXPECT_NEAR(mu, 1.386294, 2e-6);
  }
}

// N = 8 needs a strict majority, 5 valid samples: exponential growth with 3 dropouts still gives
// mu; a 4th dropout in the window makes it not_ready until enough valid samples come back.
TEST(GrowthRate, TooFewValidSamplesIsNotReady) {
  static_assert(minn::kMinValidGrowthSamples<8> == 5, "strict majority of 8");
  static_assert(minn::kMinValidGrowthSamples<2> == 2, "a slope needs two points");
  const double mu_true = 0.2, dt = 0.25;
  minn::GrowthRateWindow<8> w;
  auto x_at = [&](int k) { return static_cast<float>(3.0 * std::exp(mu_true * dt * k)); };
  for (int k = 0; k < 8; ++k) minn::push_biomass(&w, k == 1 || k == 4 || k == 6 ? kNan : x_at(k));
  float mu = kUntouched;
  ASSERT_EQ(mu_of(w, static_cast<float>(dt), 0.0f, &mu), RateStatus::ok);
  EXPECT_NEAR(mu, mu_true, 2e-5);
  minn::push_biomass(&w, -1.0f);  // k = 8: the window is now k = 1..8 with 4 missing
  float held = mu;
  EXPECT_EQ(mu_of(w, static_cast<float>(dt), 0.0f, &mu), RateStatus::not_ready);
  EXPECT_EQ(mu, held);
  minn::push_biomass(&w, x_at(9));  // k = 2..9: k = 4, 6, 8 missing, 5 valid
  ASSERT_EQ(mu_of(w, static_cast<float>(dt), 0.0f, &mu), RateStatus::ok);
  EXPECT_NEAR(mu, mu_true, 2e-5);
}

TEST(GrowthRate, BadPeriodOrDilutionLeavesTheOutputUntouched) {
  minn::GrowthRateWindow<3> w;
  for (float x : {1.0f, 2.0f, 4.0f}) minn::push_biomass(&w, x);
  float mu = kUntouched;
  for (float bad : {kNan, kInf, -kInf}) {
    EXPECT_EQ(mu_of(w, bad, 0.0f, &mu), RateStatus::invalid_input);
    EXPECT_EQ(mu_of(w, 0.5f, bad, &mu), RateStatus::invalid_input);
  }
  EXPECT_EQ(mu_of(w, 0.0f, 0.0f, &mu), RateStatus::out_of_range);
  EXPECT_EQ(mu_of(w, -0.5f, 0.0f, &mu), RateStatus::out_of_range);
  EXPECT_EQ(mu_of(w, 0.5f, -0.1f, &mu), RateStatus::out_of_range);
  // ln 2 per sample over a period of 1.4e-45 h overflows float.
  EXPECT_EQ(mu_of(w, std::numeric_limits<float>::denorm_min(), 0.0f, &mu), RateStatus::out_of_range);
  EXPECT_EQ(mu, kUntouched);
}

// A caller-owned window with a corrupted index or weights: defined results, no out-of-bounds access.
TEST(GrowthRate, CorruptedWindowStaysDefined) {
  minn::GrowthRateWindow<3> w;
  for (float x : {1.0f, 2.0f, 4.0f}) minn::push_biomass(&w, x);
  w.next = 7;  // restarts at slot 0, which it also reads as the oldest
  float mu = kUntouched;
  EXPECT_EQ(mu_of(w, 0.5f, 0.0f, &mu), RateStatus::ok);
  EXPECT_EQ(minn::push_biomass(&w, 8.0f), RateStatus::ok);
  EXPECT_EQ(w.next, 1);
  w.present[0] = kNan;
  mu = kUntouched;
  EXPECT_EQ(mu_of(w, 0.5f, 0.0f, &mu), RateStatus::not_ready);
  EXPECT_EQ(mu, kUntouched);
}

}  // namespace
