// `minnc plant` end to end: the two CSV files, their shape, the printed summary, --seed, errors.
#include <gtest/gtest.h>

#include "cli_run.hpp"

#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

minn::test::CliRun run(const std::string& args) { return minn::test::minnc(args); }

std::vector<std::string> lines_of(const std::string& path) {
  std::ifstream in(path);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

int columns(const std::string& line) {
  int n = 1;
  for (const char c : line) n += c == ',' ? 1 : 0;
  return n;
}

const std::string kGem = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
const std::string kShort = std::string(MINN_MODELS_DIR) + "/scenarios/fed_batch_short.txt";

TEST(PlantCommand, WritesSignalsAndTruth) {
  const std::string dir = ::testing::TempDir() + "plant_cmd";
  const minn::test::CliRun r = run("plant " + kShort + " -o " + dir + " --gem " + kGem);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("121 samples over 6.00 h"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("wrote " + dir + "/signals.csv"), std::string::npos) << r.output;
  const std::vector<std::string> signals = lines_of(dir + "/signals.csv");
  const std::vector<std::string> truth = lines_of(dir + "/truth.csv");
  ASSERT_EQ(signals.size(), 122u);  // header + 121 samples (0 .. 6 h every 0.05 h)
  ASSERT_EQ(truth.size(), 122u);
  EXPECT_EQ(signals[0],
            "time_h,o2_in,co2_in,o2_out,co2_out,gas_in_nl_per_min,volume_l,feed_l_per_h,feed_glucose_mmol_per_l,"
            "outflow_l_per_h,biomass_gdw_per_l");
  // %.9g of the floats: 0.2095f = 0.20949999988 -> "0.2095", 0.0004f = 0.00039999998990 -> "0.00039999999".
  EXPECT_EQ(signals[1].rfind("0,0.2095,0.00039999999,", 0), 0u) << signals[1];
  // e_coli_core: 95 reactions, 142 after splitting (47 reversible, `minnc gem info`); 17 state and
  // rate columns before them.
  EXPECT_EQ(columns(truth[0]), 17 + 142 + 95);
  for (std::size_t k = 1; k < truth.size(); ++k) ASSERT_EQ(columns(truth[k]), columns(truth[0])) << k;
  EXPECT_NE(truth[0].find(",R_PGI_fwd,R_PGI_rev"), std::string::npos);
  EXPECT_NE(truth[0].find(",net:R_PGI,"), std::string::npos);
  // The dropout window 1 .. 1.5 h: the biomass signal reads nan in exactly 10 rows.
  int nan_rows = 0;
  for (const std::string& row : signals) nan_rows += row.size() > 4 && row.substr(row.size() - 4) == ",nan" ? 1 : 0;
  EXPECT_EQ(nan_rows, 10);
  EXPECT_EQ(std::ifstream(dir + "/signals.csv.tmp").good(), false);  // renamed into place
}

TEST(PlantCommand, SeedChangesTheNoiseOnly) {
  const std::string a = ::testing::TempDir() + "plant_seed_a", b = ::testing::TempDir() + "plant_seed_b";
  ASSERT_EQ(run("plant " + kShort + " -o " + a + " --gem " + kGem + " --seed 5").status, 0);
  ASSERT_EQ(run("plant " + kShort + " -o " + b + " --gem " + kGem + " --seed 6").status, 0);
  EXPECT_EQ(lines_of(a + "/truth.csv"), lines_of(b + "/truth.csv"));
  EXPECT_NE(lines_of(a + "/signals.csv"), lines_of(b + "/signals.csv"));
}

TEST(PlantCommand, BadScenarioNamesFileAndLine) {
  const std::string path = ::testing::TempDir() + "bad_scenario.txt";
  std::ofstream(path) << "[run]\nmode = chemostat\nduration_h = soon\n";
  const minn::test::CliRun r = run("plant " + path + " -o " + ::testing::TempDir() + "plant_bad --gem " + kGem);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("minnc: error: " + path + ":3: duration_h: 'soon' is not a number; expected a number > 0"),
            std::string::npos)
      << r.output;
}

}  // namespace
