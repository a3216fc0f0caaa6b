// `minnc cv` end to end on a tiny budget: the three output files and their shapes, and clear
// one-line errors for bad arguments.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "cli_run.hpp"

namespace {

using minn::test::CliRun;
using minn::test::minnc;

std::string read(const std::string& path) { return minn::test::read_file(path); }

const std::string kCommon = std::string("cv --gem ") + MINN_MODELS_DIR + "/gems/e_coli_core.xml.gz --data " +
                            MINN_MODELS_DIR + "/ishii --trials 1 --folds 2 --epochs 2 --threads 2";

TEST(CvCommand, WritesPredictionsMetricsAndTable) {
  const std::string dir = (std::filesystem::temp_directory_path() / "minn_cv_command_test").string();
  std::filesystem::remove_all(dir);
  const CliRun r = minnc(kCommon + " --variant divided-loss --seed 5 --holdout glk --holdout tktA -o " + dir);
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("held-out (2 experiments, 45 fluxes)"), std::string::npos) << r.output;
  const std::string stem = dir + "/e_coli_core-divided-loss-seed5";
  std::istringstream csv(read(stem + ".predictions.csv"));
  std::string header, row;
  std::getline(csv, header);
  EXPECT_EQ(header.rfind("experiment,", 0), 0u);
  EXPECT_EQ(std::count(header.begin(), header.end(), ','), 142);  // every split e_coli_core reaction
  std::vector<std::string> rows;
  while (std::getline(csv, row)) rows.push_back(row.substr(0, row.find(',')));
  EXPECT_EQ(rows, (std::vector<std::string>{"glk", "tktA"}));
  const std::string json = read(stem + ".metrics.json");
  EXPECT_NE(json.find("\"variant\": \"divided-loss\""), std::string::npos);
  EXPECT_NE(json.find("\"sampler\": \"random\""), std::string::npos);  // the default
  EXPECT_NE(json.find("\"precision\": \"f64\""), std::string::npos);
  EXPECT_NE(json.find("--sampler random"), std::string::npos);
  EXPECT_NE(json.find("\"experiment\": \"tktA\""), std::string::npos);
  EXPECT_NE(read(stem + ".md").find("| e_coli_core | divided-loss | 5 |"), std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST(CvCommand, BadArgumentsAreOneLineErrors) {
  CliRun r = minnc(kCommon + " --variant random-forest -o /tmp/unused");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("minnc: error: --variant 'random-forest': unknown variant (expected one of mse-base"),
            std::string::npos)
      << r.output;
  r = minnc(kCommon + " --refine-step fast -o /tmp/unused");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("--refine-step 'fast': expected 'auto' or a positive number"), std::string::npos)
      << r.output;
  r = minnc(kCommon + " --sampler bayes -o /tmp/unused");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("minnc: error: --sampler 'bayes': expected random or tpe"), std::string::npos) << r.output;
  r = minnc(kCommon + " --holdout XYZ -o /tmp/unused");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("--holdout 'XYZ': no such experiment"), std::string::npos) << r.output;
  r = minnc(kCommon + " --reduce lumped -o /tmp/unused");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("minnc: error: --reduce 'lumped': expected none, fva or fba"), std::string::npos)
      << r.output;
}

// --reduce fba evaluates the GEM of the pFBA samples, which still holds every measured reaction,
// and names its outputs after the reduction so they sit beside the unreduced GEM's.
TEST(CvCommand, FbaReducedGemKeepsTheMeasuredReactions) {
  const std::string dir = (std::filesystem::temp_directory_path() / "minn_cv_fba_test").string();
  std::filesystem::remove_all(dir);
  const CliRun r =
      minnc(kCommon + " --reduce fba --reduce-solutions 20 --reduce-seed 3 --holdout pgi -o " + dir);
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string stem = dir + "/e_coli_core-fba-c-balanced-seed0";
  std::istringstream csv(read(stem + ".predictions.csv"));
  std::string header;
  std::getline(csv, header);
  const auto columns = std::count(header.begin(), header.end(), ',');
  EXPECT_LT(columns, 142);  // 20 pFBA samples leave most of the split e_coli_core's 142 unused
  EXPECT_GT(columns, 45);   // the 45 scored fluxes at least
  for (const char* measured : {",R_ME2,", ",R_PGK_rev,", ",R_EX_o2_e_rev,", ",R_BIOMASS_Ecoli_core_w_GAM"})
    EXPECT_NE((header + ",").find(measured), std::string::npos) << measured;
  const std::string json = read(stem + ".metrics.json");
  EXPECT_NE(json.find("\"reduce\": \"fba\""), std::string::npos);
  EXPECT_NE(json.find("--reduce fba --reduce-solutions 20 --reduce-seed 3"), std::string::npos);
  EXPECT_NE(json.find("\"reactions\": " + std::to_string(columns) + ","), std::string::npos);
  EXPECT_NE(read(stem + ".md").find("| e_coli_core (fba-reduced, " + std::to_string(columns) + " split) |"),
            std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace
