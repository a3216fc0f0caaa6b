// The plant on e_coli_core: chemostat steady state against the steady state worked out from the
// GEM's FBA and the Michaelis-Menten law, glucose conservation, growth = FBA optimum at the plant's
// uptakes, convergence in the step, the controller's gas front end on the plant's signals, every
// fault's exact effect, and seeded determinism.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "gem/gem.hpp"
#include "lp/fba.hpp"
#include "minn/gas_rates.hpp"
#include "plant/plant.hpp"
#include "plant/plant_csv.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn::plant {
namespace {

const Gem& e_coli_core() {
  static const Gem gem = read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz");
  return gem;
}

Scenario shipped(const std::string& name) {
  return read_scenario(std::string(MINN_MODELS_DIR) + "/scenarios/" + name + ".txt");
}

std::vector<PlantSample> run(const Scenario& scenario) {
  Plant plant(scenario, e_coli_core());
  std::vector<PlantSample> samples;
  while (!plant.done()) samples.push_back(plant.step());
  EXPECT_EQ(static_cast<int>(samples.size()), plant.sample_count());
  return samples;
}

Scenario without_noise(Scenario s) {
  s.biomass_rel_sd = s.o2_out_abs_sd = s.co2_out_abs_sd = 0.0;
  return s;
}

Scenario without_faults(Scenario s) {
  s.dropouts.clear();
  s.spikes.clear();
  s.stuck_offgas.clear();
  s.pump_stops.clear();
  return s;
}

// FBA growth of e_coli_core with glucose uptake <= q and O2 uptake <= o2 (lp/fba.hpp, COBRApy-checked).
double fba_growth(double q_glc, double q_o2) {
  const Gem& gem = e_coli_core();
  return fba(gem, {{gem.reaction_index("R_EX_glc__D_e"), -q_glc, 1000.0},
                   {gem.reaction_index("R_EX_o2_e"), -q_o2, 1000.0}})
      .objective;
}

TEST(PlantChemostat, SteadyStateIsTheOneFbaAndMichaelisMentenGive) {
  // Steady state of a glucose-limited chemostat at D (Herbert et al. 1956): mu = D, so the uptake q*
  // is the glucose uptake at which the GEM's maximal growth is D; the Michaelis-Menten law then
  // gives S* = Km q* / (qmax - q*), and the glucose balance X* = D (S_f - S*) / q*. q* by bisection
  // on lp::fba with O2 not limiting (kLa so high that C_L ~ c*: the O2 bound is 13.4 mmol/gDW/h,
  // above the ~6 the cells use at D = 0.2).
  const double d = 0.2, sf = 22.2, qmax = 10.5, km = 0.015;
  double lo = 0.0, hi = qmax;
  for (int i = 0; i < 60; ++i) {
    const double mid = 0.5 * (lo + hi);
    (fba_growth(mid, 13.0) < d ? lo : hi) = mid;
  }
  const double q_star = 0.5 * (lo + hi);
  const double s_star = km * q_star / (qmax - q_star);
  const double x_star = d * (sf - s_star) / q_star;
  ASSERT_GT(q_star, 1.0);
  ASSERT_LT(q_star, 5.0);

  Scenario s = parse_scenario(
      "[run]\nmode = chemostat\nduration_h = 40\nsample_period_h = 1\nstep_h = 0.02\n"
      "[initial]\nbiomass_gdw_per_l = " + std::to_string(0.8 * x_star) + "\nglucose_mmol_per_l = 0.5\nvolume_l = 1\n"
      "[feed]\nglucose_mmol_per_l = 22.2\ndilution = 0 0.2\n[gas]\nkla_per_h = 1e6\n",
      "steady.txt");
  const std::vector<PlantSample> samples = run(s);
  const PlantSample& end = samples.back();  // 8 residence times: 20 % off decays to e^-8 ~ 3e-4
  EXPECT_NEAR(end.growth_per_h, d, 1e-3 * d);
  EXPECT_NEAR(end.q_glc, q_star, 2e-3 * q_star);
  EXPECT_NEAR(end.state.biomass_gdw_per_l, x_star, 2e-3 * x_star);
  EXPECT_NEAR(end.state.glucose_mmol_per_l, s_star, 5e-3 * s_star);
  EXPECT_NEAR(end.state.volume_l, 1.0, 1e-12);
  EXPECT_NEAR(end.feed_l_per_h, 0.2, 1e-12);
  EXPECT_EQ(end.feed_l_per_h, end.outflow_l_per_h);
  EXPECT_FALSE(end.maintenance_limited);
  std::printf("chemostat D = 0.2: q* %.7g S* %.7g X* %.7g | plant mu %.7g q_glc %.7g S %.7g X %.7g\n", q_star,
              s_star, x_star, end.growth_per_h, end.q_glc, end.state.glucose_mmol_per_l, end.state.biomass_gdw_per_l);
}

// Glucose in the vessel over a run sampled at every step (sample period = step): every mmol fed is
// consumed, washed out or still there. The plant's washout is backward Euler (plant.cpp), so the
// glucose leaving in step k is dt F_out S_{k+1}.
void expect_glucose_conserved(const std::vector<PlantSample>& x, double sf, double dt) {
  double fed = 0.0, consumed = 0.0, washed = 0.0;
  for (std::size_t k = 0; k + 1 < x.size(); ++k) {
    fed += dt * x[k].feed_l_per_h * sf;
    consumed += dt * x[k].q_glc * x[k].state.biomass_gdw_per_l * x[k].state.volume_l;
    washed += dt * x[k].outflow_l_per_h * x[k + 1].state.glucose_mmol_per_l;
  }
  const double accumulated = x.back().state.glucose_mmol_per_l * x.back().state.volume_l -
                             x.front().state.glucose_mmol_per_l * x.front().state.volume_l;
  EXPECT_GT(fed, 0.0);
  EXPECT_NEAR(fed, consumed + washed + accumulated, 1e-9 * (fed + consumed));
  std::printf("glucose: fed %.6f = consumed %.6f + washed out %.6f + accumulated %.6f mmol\n", fed, consumed,
              washed, accumulated);
}

TEST(PlantMassBalance, GlucoseFedIsConsumedWashedOutOrAccumulated) {
  Scenario fb = without_noise(shipped("fed_batch_short"));
  fb.duration_h = 2.0;
  fb.sample_period_h = fb.step_h;
  expect_glucose_conserved(run(fb), fb.feed_glucose_mmol_per_l, fb.step_h);

  Scenario ch = without_noise(shipped("chemostat_short"));
  ch.duration_h = 2.0;
  ch.sample_period_h = ch.step_h;
  ch.pump_stops = {{1.0, 1.5}};  // a stop inside the run: glucose runs out, then is fed again
  expect_glucose_conserved(run(ch), ch.feed_glucose_mmol_per_l, ch.step_h);
}

TEST(PlantYield, GrowthIsTheFbaOptimumAtThePlantsUptakes) {
  // At every sample the plant's pFBA solution is feasible with glucose uptake <= q_glc and O2
  // uptake <= q_o2 (its own values), and optimal under the plant's looser bounds, so FBA at exactly
  // those uptakes must give the same growth. Over the fed-batch, the biomass made per glucose
  // consumed is the GEM's FBA yield mu/q_glc weighted over the run.
  const std::vector<PlantSample> x = run(without_noise(shipped("fed_batch_short")));
  double made = 0.0, consumed = 0.0;
  int checked = 0;
  for (std::size_t k = 0; k < x.size(); k += 10) {
    if (x[k].maintenance_limited) continue;
    EXPECT_NEAR(x[k].growth_per_h, fba_growth(x[k].q_glc, x[k].q_o2), 1e-7) << "t = " << x[k].state.time_h;
    ++checked;
  }
  EXPECT_GE(checked, 10);
  // e_coli_core's aerobic yield on glucose: at q_glc 10 FBA gives mu 0.8739 (COBRApy), 0.0874
  // gDW/mmol; maintenance lowers it at slower growth, so the run's yield lies below 0.0875 gDW/mmol.
  for (std::size_t k = 0; k + 1 < x.size(); ++k) {
    const double dt = x[k + 1].state.time_h - x[k].state.time_h;
    const double amount = x[k].state.biomass_gdw_per_l * x[k].state.volume_l;
    made += x[k + 1].state.biomass_gdw_per_l * x[k + 1].state.volume_l - amount;
    consumed += dt * x[k].q_glc * amount;  // the step's rate times the biomass at its start
  }
  const double yield = made / consumed;
  EXPECT_GT(yield, 0.05);
  EXPECT_LT(yield, 0.0875);
  std::printf("fed-batch short: biomass made %.4f gDW, glucose consumed %.3f mmol, yield %.5f gDW/mmol\n", made,
              consumed, yield);
}

TEST(PlantStep, HalvingTheStepChangesLittle) {
  Scenario a = without_noise(without_faults(shipped("fed_batch_short")));
  a.duration_h = 2.0;
  Scenario b = a;
  b.step_h = a.step_h / 2.0;
  const PlantSample ea = run(a).back(), eb = run(b).back();
  EXPECT_NEAR(ea.state.biomass_gdw_per_l, eb.state.biomass_gdw_per_l, 1e-3 * eb.state.biomass_gdw_per_l);
  EXPECT_NEAR(ea.growth_per_h, eb.growth_per_h, 1e-2 * eb.growth_per_h);
  std::printf("step %.4f h vs %.4f h after 2 h: X %.6f vs %.6f, mu %.6f vs %.6f\n", a.step_h, b.step_h,
              ea.state.biomass_gdw_per_l, eb.state.biomass_gdw_per_l, ea.growth_per_h, eb.growth_per_h);
}

TEST(PlantStep, TooLongAStepIsRejected) {
  Scenario s = shipped("fed_batch_short");
  s.step_h = s.sample_period_h = 0.05;  // mu_max ~0.8 1/h: 0.04 > 0.02 per step
  try {
    Plant plant(s, e_coli_core());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("step_h 0.050000 is too long"), std::string::npos) << e.what();
  }
}

TEST(PlantStep, AScenarioBuiltInCodeIsChecked) {
  Scenario s = shipped("fed_batch_short");
  s.sample_period_h = 0.0;
  EXPECT_THROW(Plant(s, e_coli_core()), Error);
  s = shipped("fed_batch_short");
  s.flow.clear();
  EXPECT_THROW(Plant(s, e_coli_core()), Error);
}

TEST(PlantSignals, ControllerGasFrontEndRecoversOurAndCer) {
  // Noise-free signals through lib/minn/gas_rates.hpp give back the plant's OUR and CER up to float
  // rounding, 1e-6 of the inlet O2 flow per litre (test_plant_units.cpp explains the bound).
  for (const char* name : {"chemostat_short", "fed_batch_short"}) {
    const std::vector<PlantSample> x = run(without_noise(without_faults(shipped(name))));
    for (const PlantSample& s : x) {
      const minn_signals& m = s.signals;
      GasRates r{};
      ASSERT_EQ(gas_rates({m.o2_in, m.co2_in, m.o2_out, m.co2_out}, m.gas_in_nl_per_min, m.volume_l, &r),
                RateStatus::ok);
      const double tolerance = 1e-6 * (m.gas_in_nl_per_min * 60.0 / 22.414) * m.o2_in * 1000.0 / m.volume_l;
      EXPECT_NEAR(r.our_mmol_per_l_h, s.our_mmol_per_l_h, tolerance) << name << " t = " << s.state.time_h;
      EXPECT_NEAR(r.cer_mmol_per_l_h, s.cer_mmol_per_l_h, tolerance) << name << " t = " << s.state.time_h;
      EXPECT_EQ(m.biomass_gdw_per_l, static_cast<float>(s.state.biomass_gdw_per_l));
      EXPECT_EQ(m.volume_l, static_cast<float>(s.state.volume_l));
      EXPECT_EQ(m.feed_l_per_h, static_cast<float>(s.feed_l_per_h));
      EXPECT_EQ(m.outflow_l_per_h, static_cast<float>(s.outflow_l_per_h));
      EXPECT_EQ(m.time_h, static_cast<float>(s.state.time_h));
      EXPECT_GT(s.our_mmol_per_l_h, 0.0);
    }
  }
}

TEST(PlantSignals, SplitFluxesAreTheHalvesOfTheNetFluxes) {
  Plant plant(without_noise(shipped("chemostat_short")), e_coli_core());
  const PlantSample s = plant.step();
  const std::vector<std::string>& ids = plant.split_reaction_ids();
  const Gem split = split_reversible(e_coli_core());
  ASSERT_EQ(ids.size(), split.reactions.size());
  ASSERT_EQ(s.split_fluxes.size(), ids.size());
  ASSERT_EQ(s.net_fluxes.size(), e_coli_core().reactions.size());
  const auto net = [&](const std::string& id) { return s.net_fluxes[static_cast<std::size_t>(e_coli_core().reaction_index(id))]; };
  const auto half = [&](const std::string& id) {
    for (std::size_t j = 0; j < ids.size(); ++j)
      if (ids[j] == id) return s.split_fluxes[j];
    ADD_FAILURE() << id;
    return 0.0;
  };
  EXPECT_EQ(ids[0], split.reactions[0].id);
  // Glucose is taken up: the exchange runs backwards, so _rev carries q_glc and _fwd 0.
  EXPECT_NEAR(half("R_EX_glc__D_e_rev"), s.q_glc, 1e-12);
  EXPECT_EQ(half("R_EX_glc__D_e_fwd"), 0.0);
  EXPECT_NEAR(net("R_EX_glc__D_e"), -s.q_glc, 1e-12);
  EXPECT_NEAR(half("R_EX_co2_e_fwd"), s.q_co2, 1e-12);
  EXPECT_NEAR(half("R_EX_o2_e_rev"), s.q_o2, 1e-12);
  EXPECT_NEAR(half("R_PGI_fwd") - half("R_PGI_rev"), net("R_PGI"), 1e-12);
  EXPECT_NEAR(half("R_BIOMASS_Ecoli_core_w_GAM"), s.growth_per_h, 1e-12);  // irreversible: not split
  EXPECT_GT(net("R_PGI"), 0.0);  // glycolysis runs forward on glucose
}

TEST(PlantFaults, EachFaultChangesExactlyTheDocumentedSignals) {
  const Scenario faulty = shipped("chemostat_short");  // noise on: faults act on the noisy readings
  const Scenario clean = without_faults(faulty);
  const std::vector<PlantSample> a = run(faulty), b = run(clean);
  ASSERT_EQ(a.size(), b.size());
  const TimeWindow drop = faulty.dropouts.at(0).window, stuck = faulty.stuck_offgas.at(0),
                   pump = faulty.pump_stops.at(0);
  const SignalSpike spike = faulty.spikes.at(0);
  ASSERT_EQ(faulty.dropouts.at(0).signal, "biomass_gdw_per_l");
  ASSERT_EQ(spike.signal, "o2_out");
  ASSERT_TRUE(spike.multiply);
  std::size_t before_stuck = 0;  // the last sample before the stuck window
  for (std::size_t k = 0; k < a.size(); ++k)
    if (a[k].state.time_h < stuck.start_h - 1e-9) before_stuck = k;
  bool spiked = false;
  int stopped = 0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    const double t = a[k].state.time_h;
    const minn_signals &fa = a[k].signals, &fb = b[k].signals;
    const bool in_drop = t >= drop.start_h - 1e-9 && t < drop.end_h - 1e-9;
    const bool in_stuck = t >= stuck.start_h - 1e-9 && t < stuck.end_h - 1e-9;
    const bool in_pump = t >= pump.start_h - 1e-9 && t < pump.end_h - 1e-9;
    const bool is_spike = !spiked && t >= spike.time_h - 1e-9;
    spiked = spiked || is_spike;
    std::vector<std::string> expected;
    if (in_pump) expected.push_back("pump_stop");
    if (in_stuck) expected.push_back("stuck_offgas");
    if (is_spike) expected.push_back("spike:o2_out");
    if (in_drop) expected.push_back("dropout:biomass_gdw_per_l");
    EXPECT_EQ(a[k].active_faults, expected) << "t = " << t;
    EXPECT_TRUE(b[k].active_faults.empty());

    if (t < pump.start_h - 1e-9) {  // signal faults leave the plant alone: the truth is identical
      EXPECT_EQ(a[k].state.biomass_gdw_per_l, b[k].state.biomass_gdw_per_l) << "t = " << t;
      EXPECT_EQ(a[k].split_fluxes, b[k].split_fluxes) << "t = " << t;
      if (in_drop) {
        EXPECT_TRUE(std::isnan(fa.biomass_gdw_per_l)) << "t = " << t;
      } else {
        EXPECT_EQ(fa.biomass_gdw_per_l, fb.biomass_gdw_per_l) << "t = " << t;
      }
      if (in_stuck) {
        EXPECT_EQ(fa.o2_out, b[before_stuck].signals.o2_out) << "t = " << t;
        EXPECT_EQ(fa.co2_out, b[before_stuck].signals.co2_out) << "t = " << t;
      } else if (is_spike) {
        EXPECT_EQ(fa.o2_out, fb.o2_out * static_cast<float>(spike.value)) << "t = " << t;
        EXPECT_EQ(fa.co2_out, fb.co2_out);
      } else {
        EXPECT_EQ(fa.o2_out, fb.o2_out) << "t = " << t;
        EXPECT_EQ(fa.co2_out, fb.co2_out) << "t = " << t;
      }
      EXPECT_EQ(fa.feed_l_per_h, fb.feed_l_per_h);
    }
    if (in_pump) {  // the pump really stops: no feed, no outflow, glucose runs out, growth slows
      ++stopped;
      EXPECT_EQ(fa.feed_l_per_h, 0.0f);
      EXPECT_EQ(fa.outflow_l_per_h, 0.0f);
      EXPECT_EQ(a[k].feed_l_per_h, 0.0);
      EXPECT_GT(fb.feed_l_per_h, 0.0f);
      if (t > pump.start_h + 0.2) {
        EXPECT_LT(a[k].state.glucose_mmol_per_l, b[k].state.glucose_mmol_per_l) << "t = " << t;
        EXPECT_LT(a[k].growth_per_h, 0.5 * b[k].growth_per_h) << "t = " << t;
      }
    }
  }
  EXPECT_TRUE(spiked);
  EXPECT_EQ(stopped, 10);  // 0.5 h at 0.05 h per sample
}

TEST(PlantDeterminism, SameSeedSameFilesOtherSeedOtherNoiseSameTruth) {
  const Scenario s = shipped("fed_batch_short");
  Scenario shorter = s;
  shorter.duration_h = 1.0;
  Scenario other = shorter;
  other.seed = shorter.seed + 1;
  const std::vector<PlantSample> a = run(shorter), b = run(shorter), c = run(other);
  int biomass_differs = 0;
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(signals_csv_row(a[k].signals), signals_csv_row(b[k].signals));
    EXPECT_EQ(truth_csv_row(a[k]), truth_csv_row(b[k]));
    EXPECT_EQ(truth_csv_row(a[k]), truth_csv_row(c[k]));  // noise never reaches the truth
    biomass_differs += a[k].signals.biomass_gdw_per_l != c[k].signals.biomass_gdw_per_l ? 1 : 0;
  }
  EXPECT_EQ(biomass_differs, static_cast<int>(a.size()));
}

TEST(PlantKnockout, PgiKnockoutClosesPgiAndRoutesThroughThePentosePhosphatePathway) {
  Scenario s = without_noise(without_faults(shipped("chemostat_short")));
  s.duration_h = 0.5;
  s.knockouts = {"pgi"};
  Plant plant(s, e_coli_core());
  const PlantSample x = plant.step();
  const Gem& gem = e_coli_core();
  EXPECT_EQ(x.net_fluxes[static_cast<std::size_t>(gem.reaction_index("R_PGI"))], 0.0);
  EXPECT_GT(x.net_fluxes[static_cast<std::size_t>(gem.reaction_index("R_G6PDH2r"))], 0.0);
  Scenario bad = parse_scenario(
      "[run]\nmode = chemostat\nduration_h = 1\nsample_period_h = 0.1\nknockout = pgi\nknockout = zwf no_such_gene\n"
      "[initial]\nbiomass_gdw_per_l = 1\nvolume_l = 1\n[feed]\nglucose_mmol_per_l = 22.2\ndilution = 0 0.2\n",
      "ko.txt");
  try {
    Plant plant(bad, e_coli_core());
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "ko.txt:6: knockout 'no_such_gene': model 'e_coli_core' has no gene with this name or id");
  }
}

}  // namespace
}  // namespace minn::plant
