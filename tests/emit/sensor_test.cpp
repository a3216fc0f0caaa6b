// The streaming soft sensor (lib/minn/soft_sensor.hpp through emit::ReferenceSensor) on the shipped
// online model, fed signals built by hand in double precision from chosen rates (a chemostat at
// steady state), and the documented policy for missing, spiking and stuck readings.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "emit/reference_predictor.hpp"
#include "emit/reference_sensor.hpp"
#include "emit/sensor_emitter.hpp"
#include "model/model_file.hpp"

namespace {

using minn::emit::Precision;
using minn::emit::ReferenceSensor;

// A chemostat at steady state: V = 1 L, F = 0.2 L/h (D = 0.2 1/h = mu), X = 2 gDW/L, chosen rates
// q_glc = 4, q_O2 = 8, q_CO2 = 7 mmol/gDW/h; air in at 1 NL/min. Outlet fractions from the inert
// balance solved here in double (independently of lib/minn/gas_rates.hpp's float formulas).
constexpr double kQGlc = 4, kQO2 = 8, kQCo2 = 7, kMu = 0.2, kX = 2, kV = 1, kF = 0.2;

minn_signals chemostat_signals() {
  const double yo2_in = 0.2095, yco2_in = 0.0004;
  const double n_in = 1.0 * 60.0 / 22.414;                       // mol/h
  const double our = kQO2 * kX * kV / 1000, cer = kQCo2 * kX * kV / 1000;  // mol/h
  // n_out yo2_out = n_in yo2_in - our; n_out yco2_out = n_in yco2_in + cer; inert conserved:
  // n_out (1 - yo2_out - yco2_out) = n_in (1 - yo2_in - yco2_in).
  const double inert = n_in * (1 - yo2_in - yco2_in);
  const double o2 = n_in * yo2_in - our, co2 = n_in * yco2_in + cer;
  const double n_out = inert + o2 + co2;
  minn_signals s{};
  s.time_h = 0;
  s.o2_in = static_cast<float>(yo2_in);
  s.co2_in = static_cast<float>(yco2_in);
  s.o2_out = static_cast<float>(o2 / n_out);
  s.co2_out = static_cast<float>(co2 / n_out);
  s.gas_in_nl_per_min = 1.0f;
  s.volume_l = static_cast<float>(kV);
  s.feed_l_per_h = static_cast<float>(kF);
  s.feed_glucose_mmol_per_l = static_cast<float>(kQGlc * kX * kV / kF);  // q_glc = F S_f / (V X)
  s.outflow_l_per_h = static_cast<float>(kF);
  s.biomass_gdw_per_l = static_cast<float>(kX);
  return s;
}

minn::MinnModel online_model() { return minn::load_model(std::string(MINN_MODELS_DIR) + "/e_coli_core_online.minn"); }

minn_sensor_config config(int hold, int stuck, float spike) {
  minn_sensor_config c{};
  c.sample_period_h = 0.1f;
  c.max_hold_samples = hold;
  c.stuck_samples = stuck;
  c.spike_fraction = spike;
  return c;
}

std::vector<float> wild_type(const minn::MinnModel& m) { return std::vector<float>(m.genotype_inputs.size(), 0.0f); }

TEST(SoftSensor, RecoversTheChosenRatesAndRunsTheModelOnThem) {
  const minn::MinnModel model = online_model();
  ReferenceSensor sensor(model, Precision::F32, config(6, 0, 0.0f), wild_type(model));
  std::vector<float> out(static_cast<std::size_t>(model.num_outputs()), 42.0f);
  const minn_signals s = chemostat_signals();
  // The growth window needs 8 samples: no estimate before, the outputs untouched.
  for (int k = 0; k < 7; ++k) {
    EXPECT_EQ(sensor.step(s, out.data()), MINN_QUALITY_INPUT_MISSING) << k;
    EXPECT_EQ(out[0], 42.0f);
  }
  EXPECT_EQ(sensor.step(s, out.data()), MINN_QUALITY_OK);
  const std::vector<float>& in = sensor.model_inputs();
  ASSERT_EQ(in.size(), static_cast<std::size_t>(model.num_inputs()));
  EXPECT_NEAR(in[0], kQGlc, 1e-4 * kQGlc);
  EXPECT_NEAR(in[1], kQO2, 1e-3 * kQO2);  // float off-gas differences: ~1e-4 relative
  EXPECT_NEAR(in[2], kQCo2, 1e-3 * kQCo2);
  EXPECT_NEAR(in[3], kMu, 1e-5);          // constant biomass: slope 0, mu = D
  for (std::size_t k = 4; k < in.size(); ++k) EXPECT_EQ(in[k], 0.0f);  // wild type
  // The outputs are exactly the model's on those inputs.
  minn::emit::ReferencePredictor model_only(model, Precision::F32);
  std::vector<float> direct(out.size());
  EXPECT_EQ(model_only.infer(in.data(), direct.data()), 0);
  EXPECT_EQ(out, direct);
}

TEST(SoftSensor, AMissingReadingIsHeldForAtMostTSamplesThenTheEstimateStops) {
  const minn::MinnModel model = online_model();
  ReferenceSensor sensor(model, Precision::F32, config(3, 0, 0.0f), wild_type(model));
  std::vector<float> out(static_cast<std::size_t>(model.num_outputs()), 0.0f);
  minn_signals s = chemostat_signals();
  for (int k = 0; k < 8; ++k) sensor.step(s, out.data());
  const std::vector<float> good = out;
  minn_signals dropped = s;
  dropped.o2_out = NAN;
  for (int k = 0; k < 3; ++k) EXPECT_EQ(sensor.step(dropped, out.data()), MINN_QUALITY_HELD) << k;
  EXPECT_EQ(out, good);  // held at the last good reading: the same rates, the same fluxes
  EXPECT_EQ(sensor.step(dropped, out.data()), MINN_QUALITY_HELD | MINN_QUALITY_INPUT_MISSING);
  EXPECT_EQ(out, good);  // the last estimate is kept, never NaN
  EXPECT_EQ(sensor.step(s, out.data()), MINN_QUALITY_OK);  // recovers at the next good reading
  // A value outside its domain is a missing reading too (a negative feed).
  minn_signals negative = s;
  negative.feed_l_per_h = -1.0f;
  EXPECT_EQ(sensor.step(negative, out.data()), MINN_QUALITY_HELD);
}

TEST(SoftSensor, ASpikeIsHeldAndAConfirmedStepIsAccepted) {
  const minn::MinnModel model = online_model();
  ReferenceSensor sensor(model, Precision::F32, config(6, 0, 0.5f), wild_type(model));
  std::vector<float> out(static_cast<std::size_t>(model.num_outputs()), 0.0f);
  minn_signals s = chemostat_signals();
  for (int k = 0; k < 8; ++k) sensor.step(s, out.data());
  minn_signals spike = s;
  spike.co2_out = s.co2_out * 3.0f;  // +200 %: beyond 50 %
  EXPECT_EQ(sensor.step(spike, out.data()), MINN_QUALITY_HELD);
  EXPECT_EQ(sensor.step(s, out.data()), MINN_QUALITY_OK);
  const float q_co2 = sensor.model_inputs()[2];
  // A real step: the same new level twice. The first is held, the second accepted.
  EXPECT_EQ(sensor.step(spike, out.data()), MINN_QUALITY_HELD);
  EXPECT_NE(sensor.step(spike, out.data()) & MINN_QUALITY_HELD, MINN_QUALITY_HELD);
  EXPECT_GT(sensor.model_inputs()[2], 2.0f * q_co2);
}

TEST(SoftSensor, AFrozenAnalyserIsStuckAfterNRepeats) {
  const minn::MinnModel model = online_model();
  ReferenceSensor sensor(model, Precision::F32, config(2, 4, 0.0f), wild_type(model));
  std::vector<float> out(static_cast<std::size_t>(model.num_outputs()), 0.0f);
  minn_signals s = chemostat_signals();
  const float o2 = s.o2_out;
  // Analyser noise: the last bit alternates, so no reading repeats.
  for (int k = 0; k < 8; ++k) {
    s.o2_out = k % 2 ? std::nextafter(o2, 1.0f) : o2;
    s.co2_out = k % 2 ? std::nextafter(chemostat_signals().co2_out, 1.0f) : chemostat_signals().co2_out;
    EXPECT_EQ(sensor.step(s, out.data()) & MINN_QUALITY_HELD, 0u) << k;
  }
  // Frozen from the last reading on: the 2nd and 3rd identical readings pass, the 4th in a row is
  // stuck (held), and after T = 2 held samples the estimate stops.
  for (int k = 0; k < 2; ++k) EXPECT_EQ(sensor.step(s, out.data()), MINN_QUALITY_OK) << k;
  EXPECT_EQ(sensor.step(s, out.data()), MINN_QUALITY_HELD);
  EXPECT_EQ(sensor.step(s, out.data()), MINN_QUALITY_HELD);
  EXPECT_EQ(sensor.step(s, out.data()), MINN_QUALITY_HELD | MINN_QUALITY_INPUT_MISSING);
}

TEST(SoftSensor, TheKnockoutGenotypeClosesItsReactions) {
  const minn::MinnModel model = online_model();
  std::vector<float> pgi = wild_type(model);
  for (std::size_t g = 0; g < model.genotype_inputs.size(); ++g)
    if (model.input_names[static_cast<std::size_t>(model.genotype_inputs[g].input)] == "ko_R_PGI") pgi[g] = 1.0f;
  ReferenceSensor sensor(model, Precision::F32, config(6, 0, 0.0f), pgi);
  std::vector<float> out(static_cast<std::size_t>(model.num_outputs()), 0.0f);
  for (int k = 0; k < 8; ++k) sensor.step(chemostat_signals(), out.data());
  for (int i = 0; i < model.num_outputs(); ++i) {
    const std::string& id = model.reaction_ids[static_cast<std::size_t>(i)];
    if (id == "R_PGI_fwd" || id == "R_PGI_rev") {
      EXPECT_EQ(out[static_cast<std::size_t>(i)], 0.0f) << id;
    }
  }
  EXPECT_THROW(ReferenceSensor(model, Precision::F32, config(6, 0, 0.0f), {}), minn::Error);
}

TEST(SoftSensor, ARestartedSensorRunsExactlyAsANewOne) {
  const minn::MinnModel model = online_model();
  std::vector<float> pgi = wild_type(model);
  ASSERT_FALSE(pgi.empty());
  pgi[0] = 1.0f;
  // Left mid-run in another state: estimates made, a reading held, another policy.
  ReferenceSensor restarted(model, Precision::F32, config(2, 4, 0.0f), wild_type(model));
  std::vector<float> scratch(static_cast<std::size_t>(model.num_outputs()), 0.0f);
  minn_signals s = chemostat_signals();
  for (int k = 0; k < 9; ++k) restarted.step(s, scratch.data());
  s.o2_out = NAN;
  restarted.step(s, scratch.data());
  restarted.restart(config(3, 0, 0.5f), pgi);

  ReferenceSensor fresh(model, Precision::F32, config(3, 0, 0.5f), pgi);
  std::vector<float> a(scratch.size(), 7.0f), b(scratch.size(), 7.0f);
  for (int k = 0; k < 12; ++k) {
    minn_signals t = chemostat_signals();
    t.time_h = 0.1f * static_cast<float>(k);
    t.biomass_gdw_per_l *= 1.0f + 0.01f * static_cast<float>(k);  // growing: mu from the slope
    if (k == 9) t.co2_out = NAN;
    ASSERT_EQ(restarted.step(t, a.data()), fresh.step(t, b.data())) << k;
    ASSERT_EQ(std::memcmp(a.data(), b.data(), a.size() * sizeof(float)), 0) << k;
    ASSERT_EQ(restarted.model_status(), fresh.model_status()) << k;
  }
  EXPECT_NE(a, std::vector<float>(a.size(), 7.0f));  // estimates were made
  EXPECT_THROW(restarted.restart(config(3, 0, 0.5f), {}), minn::Error);
}

TEST(SoftSensor, AnOmicsModelHasNoSensor) {
  const minn::MinnModel omics = minn::load_model(std::string(MINN_MODELS_DIR) + "/e_coli_core.minn");
  EXPECT_THROW(ReferenceSensor(omics, Precision::F32, config(6, 0, 0.0f), {}), minn::Error);
}

TEST(NetFluxes, PairsSplitHalvesAndKeepsTheRest) {
  const std::vector<minn::emit::NetFlux> net =
      minn::emit::net_fluxes({"R_A_fwd", "R_B", "R_A_rev", "R_C_rev", "R_D_fwd"});
  ASSERT_EQ(net.size(), 4u);
  EXPECT_EQ(net[0].id, "R_A");
  EXPECT_EQ(net[0].fwd, 0);
  EXPECT_EQ(net[0].rev, 2);
  EXPECT_EQ(net[1].id, "R_B");
  EXPECT_EQ(net[1].fwd, 1);
  EXPECT_EQ(net[1].rev, -1);
  EXPECT_EQ(net[2].id, "R_C");  // a lone reverse half: net = -rev
  EXPECT_EQ(net[2].fwd, -1);
  EXPECT_EQ(net[2].rev, 3);
  EXPECT_EQ(net[3].id, "R_D");
  EXPECT_EQ(net[3].rev, -1);
}

}  // namespace
