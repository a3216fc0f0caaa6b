// The rate front end (lib/minn/gas_rates.hpp, specific_rates.hpp, glucose_uptake.hpp) against
// values worked out by hand in the comments (calculator arithmetic from the textbook formulas, not
// from the code under test), and every bad-input path: the status and untouched outputs.
#include <gtest/gtest.h>

#include <limits>

#include "minn/gas_rates.hpp"
#include "minn/glucose_uptake.hpp"
#include "minn/specific_rates.hpp"

namespace {

using minn::RateStatus;

constexpr float kNan = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();
constexpr float kUntouched = -7.0f;  // what outputs hold before a call that must not write them

// Relative tolerance for hand values: the inputs are rounded to float and OUR is a difference of
// terms ten times larger (0.562 - 0.508), so float rounding reaches ~1e-6 relative; 1e-5 is ample
// and still far below any formula error (a wrong inert ratio moves OUR by ~1 %).
void expect_close(float actual, double expected) {
  EXPECT_NEAR(actual, expected, 1e-5 * (expected < 0 ? -expected : expected)) << expected;
}

// Air in (21 % O2, 0.04 % CO2), off-gas 19 % O2, 2 % CO2, 1 vvm on 1 L (1 NL/min):
//   F_in  = 1 NL/min * 60 min/h / 22.414 NL/mol             = 2.676898 mol/h
//   F_out = 2.676898 * (1 - 0.21 - 0.0004) / (1 - 0.19 - 0.02)
//         = 2.676898 * 0.7896 / 0.79 = 2.676898 * 0.9994937  = 2.675543 mol/h
//   OUR   = 1000 * (2.676898 * 0.21 - 2.675543 * 0.19) / 1 L
//         = 1000 * (0.5621487 - 0.5083532)                  = 53.79549 mmol/L/h
//   CER   = 1000 * (2.675543 * 0.02 - 2.676898 * 0.0004) / 1 L
//         = 1000 * (0.05351086 - 0.00107076)                = 52.44010 mmol/L/h
//   RQ    = 52.44010 / 53.79549                             = 0.974805
constexpr minn::OffGasFractions kAirExample{0.21f, 0.0004f, 0.19f, 0.02f};
constexpr double kAirOur = 53.795492, kAirCer = 52.440100, kAirRq = 0.9748047;

TEST(GasRates, OneVvmOnOneLitreOfAir) {
  minn::GasRates r{kUntouched, kUntouched};
  ASSERT_EQ(minn::gas_rates(kAirExample, 1.0f, 1.0f, &r), RateStatus::ok);
  expect_close(r.our_mmol_per_l_h, kAirOur);
  expect_close(r.cer_mmol_per_l_h, kAirCer);
}

// 2.5 NL/min on 2 L, air 20.95 % O2 / 0.04 % CO2 in, 20.00 % / 0.80 % out:
//   F_in  = 2.5 * 60 / 22.414                                = 6.692246 mol/h
//   F_out = 6.692246 * (1 - 0.2095 - 0.0004) / (1 - 0.2 - 0.008)
//         = 6.692246 * 0.7901 / 0.792                       = 6.676191 mol/h
//   OUR   = 1000 * (6.692246 * 0.2095 - 6.676191 * 0.2) / 2 L
//         = 1000 * (1.4020255 - 1.3352383) / 2              = 33.39363 mmol/L/h
//   CER   = 1000 * (6.676191 * 0.008 - 6.692246 * 0.0004) / 2 L
//         = 1000 * (0.05340953 - 0.00267690) / 2            = 25.36632 mmol/L/h
TEST(GasRates, FlowAndVolumeScaleTheBalance) {
  minn::GasRates r{kUntouched, kUntouched};
  ASSERT_EQ(minn::gas_rates({0.2095f, 0.0004f, 0.2f, 0.008f}, 2.5f, 2.0f, &r), RateStatus::ok);
  expect_close(r.our_mmol_per_l_h, 33.393631);
  expect_close(r.cer_mmol_per_l_h, 25.366316);
}

// No activity: outlet = inlet gives F_out = F_in and OUR = CER = 0 (exact in float: the inert
// fractions are the same expression of the same bits, so the ratio is 1).
TEST(GasRates, IdenticalInletAndOutletGiveZero) {
  minn::GasRates r{kUntouched, kUntouched};
  ASSERT_EQ(minn::gas_rates({0.2095f, 0.0004f, 0.2095f, 0.0004f}, 1.0f, 1.0f, &r), RateStatus::ok);
  EXPECT_EQ(r.our_mmol_per_l_h, 0.0f);
  EXPECT_EQ(r.cer_mmol_per_l_h, 0.0f);
}

// 1 NL/min = 60 / 22.414 = 2.676898 mol/h.
TEST(GasRates, NormalLitresPerMinuteToMolPerHour) {
  expect_close(minn::normal_litres_per_min_to_mol_per_h(1.0f), 2.6768984);
  expect_close(minn::normal_litres_per_min_to_mol_per_h(22.414f), 60.0);
}

RateStatus gas_status(const minn::OffGasFractions& y, float flow, float volume) {
  minn::GasRates r{kUntouched, kUntouched};
  const RateStatus s = minn::gas_rates(y, flow, volume, &r);
  if (s != RateStatus::ok) {
    EXPECT_EQ(r.our_mmol_per_l_h, kUntouched);
    EXPECT_EQ(r.cer_mmol_per_l_h, kUntouched);
  }
  return s;
}

TEST(GasRates, NonFiniteInputsAreInvalidAndLeaveTheOutputsUntouched) {
  const minn::OffGasFractions y = kAirExample;
  for (float bad : {kNan, kInf, -kInf}) {
    EXPECT_EQ(gas_status({bad, y.co2_in, y.o2_out, y.co2_out}, 1, 1), RateStatus::invalid_input);
    EXPECT_EQ(gas_status({y.o2_in, bad, y.o2_out, y.co2_out}, 1, 1), RateStatus::invalid_input);
    EXPECT_EQ(gas_status({y.o2_in, y.co2_in, bad, y.co2_out}, 1, 1), RateStatus::invalid_input);
    EXPECT_EQ(gas_status({y.o2_in, y.co2_in, y.o2_out, bad}, 1, 1), RateStatus::invalid_input);
    EXPECT_EQ(gas_status(y, bad, 1), RateStatus::invalid_input);
    EXPECT_EQ(gas_status(y, 1, bad), RateStatus::invalid_input);
  }
  // A non-finite input wins over a range fault elsewhere.
  EXPECT_EQ(gas_status({kNan, y.co2_in, y.o2_out, y.co2_out}, -1, 0), RateStatus::invalid_input);
}

TEST(GasRates, PhysicallyImpossibleInputsAreOutOfRange) {
  const minn::OffGasFractions y = kAirExample;
  EXPECT_EQ(gas_status(y, 0.0f, 1), RateStatus::out_of_range);   // no gas flow
  EXPECT_EQ(gas_status(y, -1.0f, 1), RateStatus::out_of_range);
  EXPECT_EQ(gas_status(y, 1, 0.0f), RateStatus::out_of_range);   // no broth
  EXPECT_EQ(gas_status(y, 1, -0.0f), RateStatus::out_of_range);
  EXPECT_EQ(gas_status(y, 1, -2.0f), RateStatus::out_of_range);
  EXPECT_EQ(gas_status({-0.01f, y.co2_in, y.o2_out, y.co2_out}, 1, 1), RateStatus::out_of_range);
  EXPECT_EQ(gas_status({y.o2_in, -1e-6f, y.o2_out, y.co2_out}, 1, 1), RateStatus::out_of_range);
  EXPECT_EQ(gas_status({y.o2_in, y.co2_in, 1.5f, y.co2_out}, 1, 1), RateStatus::out_of_range);
  EXPECT_EQ(gas_status({y.o2_in, y.co2_in, y.o2_out, 1.01f}, 1, 1), RateStatus::out_of_range);
  // Pure O2 sparging (no inert gas in), or an outlet with 0.5 % inert gas (< 1 %): the N2 balance
  // would divide by ~0.
  EXPECT_EQ(gas_status({1.0f, 0.0f, 0.9f, 0.1f}, 1, 1), RateStatus::out_of_range);
  EXPECT_EQ(gas_status({0.21f, 0.0004f, 0.6f, 0.395f}, 1, 1), RateStatus::out_of_range);
  // Fractions summing above 1 (a miscalibrated analyser).
  EXPECT_EQ(gas_status({0.21f, 0.0004f, 0.8f, 0.3f}, 1, 1), RateStatus::out_of_range);
  // Finite inputs whose OUR overflows float: 3e38 NL/min on 1 nL.
  EXPECT_EQ(gas_status(y, 3e38f, 1e-9f), RateStatus::out_of_range);
}

TEST(RespiratoryQuotient, CerOverOur) {
  float rq = kUntouched;
  ASSERT_EQ(minn::respiratory_quotient(53.795492f, 52.440100f, 1.0f, &rq), RateStatus::ok);
  expect_close(rq, kAirRq);
  // OUR exactly at the floor is accepted: 2 / 4 = 0.5.
  ASSERT_EQ(minn::respiratory_quotient(4.0f, 2.0f, 4.0f, &rq), RateStatus::ok);
  EXPECT_EQ(rq, 0.5f);
}

TEST(RespiratoryQuotient, OurBelowTheNoiseFloorIsRejected) {
  float rq = kUntouched;
  EXPECT_EQ(minn::respiratory_quotient(0.5f, 0.4f, 1.0f, &rq), RateStatus::out_of_range);
  EXPECT_EQ(minn::respiratory_quotient(0.0f, 0.4f, 1.0f, &rq), RateStatus::out_of_range);
  EXPECT_EQ(minn::respiratory_quotient(-3.0f, 0.4f, 1.0f, &rq), RateStatus::out_of_range);
  EXPECT_EQ(minn::respiratory_quotient(3.0f, 0.4f, 0.0f, &rq), RateStatus::out_of_range);
  EXPECT_EQ(minn::respiratory_quotient(3.0f, 0.4f, -1.0f, &rq), RateStatus::out_of_range);
  EXPECT_EQ(minn::respiratory_quotient(1e-38f, 1e38f, 1e-38f, &rq), RateStatus::out_of_range);
  for (float bad : {kNan, kInf, -kInf}) {
    EXPECT_EQ(minn::respiratory_quotient(bad, 0.4f, 1.0f, &rq), RateStatus::invalid_input);
    EXPECT_EQ(minn::respiratory_quotient(3.0f, bad, 1.0f, &rq), RateStatus::invalid_input);
    EXPECT_EQ(minn::respiratory_quotient(3.0f, 0.4f, bad, &rq), RateStatus::invalid_input);
  }
  EXPECT_EQ(rq, kUntouched);
}

// q_O2 = OUR / X = 53.795492 mmol/L/h / 2.5 gDW/L = 21.518197 mmol/gDW/h; a negative volumetric
// rate keeps its sign: -1.5 / 0.5 = -3.
TEST(SpecificRate, VolumetricRateOverBiomass) {
  float q = kUntouched;
  ASSERT_EQ(minn::specific_rate(53.795492f, 2.5f, &q), RateStatus::ok);
  expect_close(q, 21.518197);
  ASSERT_EQ(minn::specific_rate(-1.5f, 0.5f, &q), RateStatus::ok);
  EXPECT_EQ(q, -3.0f);
}

TEST(SpecificRate, BadBiomassOrRateLeavesTheOutputUntouched) {
  float q = kUntouched;
  EXPECT_EQ(minn::specific_rate(10.0f, 0.0f, &q), RateStatus::out_of_range);
  EXPECT_EQ(minn::specific_rate(10.0f, -0.0f, &q), RateStatus::out_of_range);
  EXPECT_EQ(minn::specific_rate(10.0f, -1.0f, &q), RateStatus::out_of_range);
  EXPECT_EQ(minn::specific_rate(1e30f, 1e-30f, &q), RateStatus::out_of_range);  // overflows
  for (float bad : {kNan, kInf, -kInf}) {
    EXPECT_EQ(minn::specific_rate(bad, 1.0f, &q), RateStatus::invalid_input);
    EXPECT_EQ(minn::specific_rate(10.0f, bad, &q), RateStatus::invalid_input);
  }
  EXPECT_EQ(q, kUntouched);
}

// D = F / V = 0.1 L/h / 2 L = 0.05 1/h; batch (F = 0) gives 0.
TEST(DilutionRate, FlowOverVolume) {
  float d = kUntouched;
  ASSERT_EQ(minn::dilution_rate(0.1f, 2.0f, &d), RateStatus::ok);
  expect_close(d, 0.05);
  ASSERT_EQ(minn::dilution_rate(0.0f, 2.0f, &d), RateStatus::ok);
  EXPECT_EQ(d, 0.0f);
}

TEST(DilutionRate, BadFlowOrVolumeLeavesTheOutputUntouched) {
  float d = kUntouched;
  EXPECT_EQ(minn::dilution_rate(-0.1f, 2.0f, &d), RateStatus::out_of_range);
  EXPECT_EQ(minn::dilution_rate(0.1f, 0.0f, &d), RateStatus::out_of_range);
  EXPECT_EQ(minn::dilution_rate(0.1f, -2.0f, &d), RateStatus::out_of_range);
  EXPECT_EQ(minn::dilution_rate(1e30f, 1e-30f, &d), RateStatus::out_of_range);
  for (float bad : {kNan, kInf, -kInf}) {
    EXPECT_EQ(minn::dilution_rate(bad, 2.0f, &d), RateStatus::invalid_input);
    EXPECT_EQ(minn::dilution_rate(0.1f, bad, &d), RateStatus::invalid_input);
  }
  EXPECT_EQ(d, kUntouched);
}

// Fed-batch, glucose-limited quasi-steady state: F = 0.02 L/h of 1110 mmol/L (200 g/L) feed into
// V = 1.5 L at X = 10 gDW/L:  q = 0.02 * 1110 / (1.5 * 10) = 22.2 / 15 = 1.48 mmol/gDW/h.
// With a measured residual S = 0.5 mmol/L rising at dS/dt = 0.2 mmol/L/h:
//   q = (0.02 * (1110 - 0.5) - 1.5 * 0.2) / 15 = (22.19 - 0.3) / 15 = 21.89 / 15 = 1.459333.
TEST(GlucoseUptake, FedBatchQuasiSteadyStateAndResidualCorrection) {
  float q = kUntouched;
  minn::GlucoseBalance b{0.02f, 1110.0f, 1.5f, 10.0f, 0.0f, 0.0f};
  ASSERT_EQ(minn::glucose_uptake(b, &q), RateStatus::ok);
  expect_close(q, 1.48);
  b.residual_glucose_mmol_per_l = 0.5f;
  b.residual_slope_mmol_per_l_h = 0.2f;
  ASSERT_EQ(minn::glucose_uptake(b, &q), RateStatus::ok);
  expect_close(q, 1.4593333);
}

// Chemostat at D = 0.2 1/h (F = 0.2 L/h, V = 1 L), 4 g/L glucose in the feed
// (4 g/L * 1000 / 180.156 g/mol = 22.20298 mmol/L), X = 1.8 gDW/L, steady state:
//   q = 0.2 * 22.20298 / (1 * 1.8) = 4.440596 / 1.8 = 2.466998 mmol/gDW/h;
// a residual of 0.1 mmol/L at steady state (dS/dt = 0) leaves with the outflow:
//   q = 0.2 * (22.20298 - 0.1) / 1.8 = 4.420596 / 1.8 = 2.455887.
TEST(GlucoseUptake, ChemostatSteadyState) {
  float q = kUntouched;
  const float feed_mmol_per_l = 4.0f * 1000.0f / minn::kGlucoseMolarMassGPerMol;
  expect_close(feed_mmol_per_l, 22.202980);
  minn::GlucoseBalance b{0.2f, feed_mmol_per_l, 1.0f, 1.8f, 0.0f, 0.0f};
  ASSERT_EQ(minn::glucose_uptake(b, &q), RateStatus::ok);
  expect_close(q, 2.4669978);
  b.residual_glucose_mmol_per_l = 0.1f;
  ASSERT_EQ(minn::glucose_uptake(b, &q), RateStatus::ok);
  expect_close(q, 2.4558867);
}

// Pump stopped, residual glucose rising 0.3 mmol/L/h at X = 2 gDW/L (V = 1.5 L):
//   q = (0 - 1.5 * 0.3) / (1.5 * 2) = -0.45 / 3 = -0.15: returned as is, with its sign.
TEST(GlucoseUptake, AccumulationBeyondTheFeedGivesANegativeRate) {
  float q = kUntouched;
  ASSERT_EQ(minn::glucose_uptake({0.0f, 1110.0f, 1.5f, 2.0f, 1.0f, 0.3f}, &q), RateStatus::ok);
  expect_close(q, -0.15);
}

TEST(GlucoseUptake, BadFieldsLeaveTheOutputUntouched) {
  const minn::GlucoseBalance good{0.02f, 1110.0f, 1.5f, 10.0f, 0.5f, 0.2f};
  float minn::GlucoseBalance::*const fields[] = {
      &minn::GlucoseBalance::feed_l_per_h, &minn::GlucoseBalance::feed_glucose_mmol_per_l,
      &minn::GlucoseBalance::volume_l, &minn::GlucoseBalance::biomass_gdw_per_l,
      &minn::GlucoseBalance::residual_glucose_mmol_per_l,
      &minn::GlucoseBalance::residual_slope_mmol_per_l_h};
  float q = kUntouched;
  for (auto field : fields) {
    for (float bad : {kNan, kInf, -kInf}) {
      minn::GlucoseBalance b = good;
      b.*field = bad;
      EXPECT_EQ(minn::glucose_uptake(b, &q), RateStatus::invalid_input);
    }
  }
  // Every field but the slope has a sign constraint; the slope may be negative.
  for (int i = 0; i < 5; ++i) {
    minn::GlucoseBalance b = good;
    b.*fields[i] = -1.0f;
    EXPECT_EQ(minn::glucose_uptake(b, &q), RateStatus::out_of_range) << i;
  }
  for (auto field : {&minn::GlucoseBalance::volume_l, &minn::GlucoseBalance::biomass_gdw_per_l}) {
    minn::GlucoseBalance b = good;
    b.*field = 0.0f;
    EXPECT_EQ(minn::glucose_uptake(b, &q), RateStatus::out_of_range);
  }
  {
    minn::GlucoseBalance b = good;  // V X = 1e-30 * 1e-30 underflows to 0: no division by it
    b.volume_l = 1e-30f;
    b.biomass_gdw_per_l = 1e-30f;
    EXPECT_EQ(minn::glucose_uptake(b, &q), RateStatus::out_of_range);
  }
  {
    minn::GlucoseBalance b = good;  // 3e38 L/h of feed: the supply overflows float
    b.feed_l_per_h = 3e38f;
    EXPECT_EQ(minn::glucose_uptake(b, &q), RateStatus::out_of_range);
  }
  EXPECT_EQ(q, kUntouched);
}

}  // namespace
