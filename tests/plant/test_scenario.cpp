// The scenario format: a full file parses to the documented values and defaults, and every bad line
// is rejected with the file, the line and what was expected.
#include <gtest/gtest.h>

#include <string>

#include "common/error.hpp"
#include "plant/literature_parameters.hpp"
#include "plant/scenario.hpp"

namespace minn::plant {
namespace {

const std::string kMinimal =
    "[run]\n"                          // 1
    "mode = fed-batch\n"               // 2
    "duration_h = 2\n"                 // 3
    "sample_period_h = 0.1\n"          // 4
    "[initial]\n"                      // 5
    "biomass_gdw_per_l = 1\n"          // 6
    "volume_l = 1\n"                   // 7
    "[feed]\n"                         // 8
    "glucose_mmol_per_l = 100\n"       // 9
    "flow = 0 0.01\n";                 // 10

// The message parse_scenario throws for kMinimal with `extra` appended (line 11 on).
std::string error_for(const std::string& extra, const std::string& base = kMinimal) {
  try {
    parse_scenario(base + extra, "s.txt");
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(Scenario, MinimalFileTakesTheLiteratureDefaults) {
  const Scenario s = parse_scenario(kMinimal, "s.txt");
  EXPECT_EQ(s.source, "s.txt");
  EXPECT_EQ(s.mode, ReactorMode::fed_batch);
  EXPECT_EQ(s.duration_h, 2.0);
  EXPECT_EQ(s.step_h, 0.01);
  EXPECT_EQ(s.seed, 0u);
  EXPECT_EQ(s.glucose_qmax, 10.5);
  EXPECT_EQ(s.glucose_km, 0.015);
  EXPECT_EQ(s.o2_qmax, 15.0);
  EXPECT_EQ(s.o2_km, 0.024);
  EXPECT_EQ(s.kla_per_h, kKlaPerH);
  EXPECT_EQ(s.o2_in, 0.2095);
  EXPECT_EQ(s.co2_in, 0.0004);
  EXPECT_EQ(s.temperature_c, 37.0);
  ASSERT_EQ(s.flow.size(), 1u);
  EXPECT_EQ(s.flow[0].rate, 0.01);
  EXPECT_EQ(s.flow[0].growth_per_h, 0.0);
  EXPECT_EQ(s.flow[0].line, 10);
  EXPECT_TRUE(s.dropouts.empty() && s.spikes.empty() && s.stuck_offgas.empty() && s.pump_stops.empty());
}

TEST(Scenario, EveryKeyAndFault) {
  const Scenario s = parse_scenario(
      "# a comment line\n"
      "[run]  # trailing comment\n"
      "mode = chemostat\nduration_h = 10\nsample_period_h = 0.1\nstep_h = 0.02\nseed = 18446744073709551615\n"
      "knockout = pgi b0001\nknockout = zwf\n"
      "[initial]\nbiomass_gdw_per_l = 2\nglucose_mmol_per_l = 0.5\nacetate_mmol_per_l = 1\nvolume_l = 1.5\n"
      "[feed]\nglucose_mmol_per_l = 22.2\ndilution = 0 0.1\ndilution = 5 0.25\n"
      "[kinetics]\nglucose_qmax = 9\nglucose_km = 0.02\no2_qmax = 14\no2_km = 0.03\n"
      "[gas]\nkla_per_h = 250\ngas_in_nl_per_min = 2\no2_in = 0.3\nco2_in = 0.001\ntemperature_c = 30\n"
      "pressure_kpa = 120\n"
      "[noise]\nbiomass_rel_sd = 0.01\no2_out_abs_sd = 1e-4\nco2_out_abs_sd = 2e-5\n"
      "[faults]\ndropout = biomass_gdw_per_l 1 2\nspike = o2_out 3 *1.5\nspike = co2_out 4 +0.01\n"
      "spike = volume_l 4.5 -0.2\nstuck_offgas = 5 6\npump_stop = 7 8\n",
      "all.txt");
  EXPECT_EQ(s.mode, ReactorMode::chemostat);
  EXPECT_EQ(s.step_h, 0.02);
  EXPECT_EQ(s.seed, 18446744073709551615ull);
  EXPECT_EQ(s.knockouts, (std::vector<std::string>{"pgi", "b0001", "zwf"}));
  EXPECT_EQ(s.knockout_lines, (std::vector<int>{8, 8, 9}));
  EXPECT_EQ(s.acetate_mmol_per_l, 1.0);
  ASSERT_EQ(s.flow.size(), 2u);
  EXPECT_EQ(s.flow[1].start_h, 5.0);
  EXPECT_EQ(s.flow[1].rate, 0.25);
  EXPECT_EQ(s.glucose_qmax, 9.0);
  EXPECT_EQ(s.o2_km, 0.03);
  EXPECT_EQ(s.kla_per_h, 250.0);
  EXPECT_EQ(s.pressure_kpa, 120.0);
  EXPECT_EQ(s.o2_out_abs_sd, 1e-4);
  ASSERT_EQ(s.dropouts.size(), 1u);
  EXPECT_EQ(s.dropouts[0].signal, "biomass_gdw_per_l");
  EXPECT_EQ(s.dropouts[0].window.end_h, 2.0);
  ASSERT_EQ(s.spikes.size(), 3u);
  EXPECT_TRUE(s.spikes[0].multiply);
  EXPECT_EQ(s.spikes[0].value, 1.5);
  EXPECT_FALSE(s.spikes[1].multiply);
  EXPECT_EQ(s.spikes[1].value, 0.01);
  EXPECT_FALSE(s.spikes[2].multiply);
  EXPECT_EQ(s.spikes[2].value, -0.2);
  ASSERT_EQ(s.stuck_offgas.size(), 1u);
  EXPECT_EQ(s.stuck_offgas[0].start_h, 5.0);
  ASSERT_EQ(s.pump_stops.size(), 1u);
  EXPECT_EQ(s.pump_stops[0].end_h, 8.0);
}

TEST(Scenario, BadLinesNameFileLineAndExpectation) {
  EXPECT_EQ(error_for("colour = red\n"),
            "s.txt:11: unknown key 'colour' in [feed]; expected one of glucose_mmol_per_l, dilution, flow");
  EXPECT_EQ(error_for("[gas]\nkla_per_h = fast\n"), "s.txt:12: kla_per_h: 'fast' is not a number; expected a number > 0");
  EXPECT_EQ(error_for("[gas]\nkla_per_h = -3\n"), "s.txt:12: kla_per_h: -3 is out of range; expected a number > 0");
  EXPECT_EQ(error_for("[gas]\no2_in = 1.2\n"), "s.txt:12: o2_in: 1.2 is out of range; expected a number in [0, 1)");
  EXPECT_EQ(error_for("[gas]\nkla_per_h = nan\n"), "s.txt:12: kla_per_h: 'nan' is not a number; expected a number > 0");
  EXPECT_EQ(error_for("[reactor]\n"),
            "s.txt:11: unknown section [reactor]; expected one of run, initial, feed, kinetics, gas, noise, faults");
  EXPECT_EQ(error_for("[gas\n"), "s.txt:11: section header '[gas'; expected [name]");
  EXPECT_EQ(error_for("just words\n"), "s.txt:11: 'just words'; expected key = value or [section]");
  EXPECT_EQ(error_for("glucose_mmol_per_l =\n"), "s.txt:11: glucose_mmol_per_l has no value");
  EXPECT_EQ(error_for("glucose_mmol_per_l = 5\n"),
            "s.txt:11: feed.glucose_mmol_per_l given again (first on line 9); expected it once");
  EXPECT_EQ(error_for("flow = 0 0.02\n"),
            "s.txt:11: flow starts at 0 h, not after the previous segment (line 10); expected increasing start times");
  EXPECT_EQ(error_for("flow = 1\n"), "s.txt:11: flow takes START_H F_L_PER_H [MU_PER_H]; found 1 value(s)");
  EXPECT_EQ(error_for("dilution = 1 0.1\n"),
            "s.txt:11: 'dilution' after 'flow' segments (line 10); expected one kind: dilution (chemostat) or flow "
            "(fed-batch)");
  EXPECT_EQ(error_for("[run]\nmode = batch\n"), "s.txt:12: mode 'batch'; expected chemostat or fed-batch");
  EXPECT_EQ(error_for("[run]\nseed = -1\n"), "s.txt:12: seed '-1' is not an unsigned 64-bit integer");
  EXPECT_EQ(error_for("[faults]\ndropout = ph 1 2\n"),
            "s.txt:12: dropout: unknown signal 'ph'; expected one of o2_in, co2_in, o2_out, co2_out, "
            "gas_in_nl_per_min, volume_l, feed_l_per_h, feed_glucose_mmol_per_l, outflow_l_per_h, biomass_gdw_per_l");
  EXPECT_EQ(error_for("[faults]\nstuck_offgas = 3 2\n"),
            "s.txt:12: stuck_offgas: the window ends at or before it starts; expected START_H < END_H");
  EXPECT_EQ(error_for("[faults]\nspike = o2_out 3 /2\n"),
            "s.txt:12: spike '/2'; expected *FACTOR (multiply) or +OFFSET / -OFFSET (add)");
  EXPECT_EQ(error_for("[faults]\npump_stop = 1\n"), "s.txt:12: pump_stop takes START_H END_H; found 1 value(s)");
  EXPECT_EQ(error_for("", "duration_h = 1\n"), "s.txt:1: 'duration_h = 1' before any section; expected a [section] header first");
}

TEST(Scenario, InconsistentWholeNamesTheFile) {
  EXPECT_EQ(error_for("", "[run]\nmode = chemostat\nsample_period_h = 1\n"), "s.txt: missing duration_h in [run]");
  EXPECT_EQ(error_for("[run]\nstep_h = 0.03\n"),
            "s.txt: step_h 0.030000 does not divide sample_period_h 0.100000; expected a whole number of steps per "
            "sample");
  EXPECT_EQ(error_for("[run]\nstep_h = 0.2\n"),
            "s.txt: step_h 0.200000 is longer than sample_period_h 0.100000; expected step_h <= sample_period_h");
  std::string chemostat = kMinimal;
  chemostat.replace(chemostat.find("fed-batch"), 9, "chemostat");
  EXPECT_EQ(error_for("", chemostat), "s.txt:10: 'flow' segments with mode chemostat (line 2); expected 'dilution'");
  std::string no_flow = kMinimal.substr(0, kMinimal.find("flow ="));
  EXPECT_EQ(error_for("", no_flow).rfind("s.txt: no feed profile in [feed]", 0), 0u) << error_for("", no_flow);
  EXPECT_EQ(error_for("[gas]\no2_in = 0.6\nco2_in = 0.395\n"),
            "s.txt: o2_in + co2_in leave less than 1 % inert gas; the off-gas balance (lib/minn/gas_rates.hpp) needs "
            "at least 1 %");
}

TEST(Scenario, ShippedScenariosParse) {
  for (const char* name : {"chemostat", "chemostat_short", "fed_batch", "fed_batch_short"}) {
    const std::string path = std::string(MINN_MODELS_DIR) + "/scenarios/" + name + ".txt";
    const Scenario s = read_scenario(path);
    EXPECT_FALSE(s.dropouts.empty()) << name;
    EXPECT_FALSE(s.spikes.empty()) << name;
    EXPECT_FALSE(s.stuck_offgas.empty()) << name;
    EXPECT_FALSE(s.pump_stops.empty()) << name;
  }
  EXPECT_THROW(read_scenario(std::string(MINN_MODELS_DIR) + "/scenarios/none.txt"), Error);
}

}  // namespace
}  // namespace minn::plant
