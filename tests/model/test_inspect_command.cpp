// `minnc inspect` on a saved model, run as the real binary.
#include <gtest/gtest.h>

#include "cli_run.hpp"

#include <array>
#include <cstdio>
#include <memory>

#include "model/model_file.hpp"
#include "small_model.hpp"

namespace minn {
namespace {

minn::test::CliRun run_minnc(const std::string& arguments) { return minn::test::minnc(arguments); }

class InspectCommand : public ::testing::Test {
 protected:
  // One file per test: CTest runs the tests of this fixture as parallel processes.
  void SetUp() override {
    path_ = ::testing::TempDir() + "minn_inspect_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name() + ".minn";
    save_model(test::small_model(), path_);
  }
  void TearDown() override { std::remove(path_.c_str()); }
  std::string path_;
};

TEST_F(InspectCommand, PrintsAReadableSummary) {
  const minn::test::CliRun r = run_minnc("inspect " + path_);
  ASSERT_EQ(r.status, 0) << r.output;
  for (const char* expected :
       {"sha256     ", "GEM        tiny", "inputs     3 (envelope margin 10% of the range)",
        "R_EX_glc__D_e_rev", "mmol/gDW/h", "[2, 10]", "hidden: 3 -> 4, relu",
        "output: 4 -> 5, none", "outputs    5 reaction fluxes", "S          2 metabolites x 5 reactions, 7 nonzeros",
        "refinement K = 8, step size 0.0045 (auto), momentum 0.9, lambda_max 512.25",
        "Pin        2 rows (1 without a default bound)", "Pref       2 measured fluxes",
        "variant         c-balanced", "seed            18446744073709551615", "lr=0.0005",
        "command         minnc train --gem tiny.xml",
        "clip       no: inputs beyond the training range are extrapolated",
        "normalise  no: the network predicts the fluxes directly"})
    EXPECT_NE(r.output.find(expected), std::string::npos) << "missing: " << expected << "\n" << r.output;
  EXPECT_NE(r.output.find(model_sha256(path_)), std::string::npos);
}

TEST_F(InspectCommand, PrintsJson) {
  const minn::test::CliRun r = run_minnc("inspect --json " + path_);
  ASSERT_EQ(r.status, 0) << r.output;
  for (const char* expected :
       {"\"schema_version\": 1", "\"name\": \"t_b0114\"", "\"scaler_range\": 8",
        "\"step_size\": 0.0045", "\"default_vin\": null", "\"default_vin\": 10.5",
        "\"nonzeros\": 7", "\"ne\": null", "\"seed\": 18446744073709551615", "\"clip_inputs\": false",
        "\"flux_scale_input\": null", "\"yield_offset\": null"})
    EXPECT_NE(r.output.find(expected), std::string::npos) << "missing: " << expected << "\n" << r.output;
}

TEST_F(InspectCommand, ShowsTheClipInputsFlag) {
  MinnModel m = test::small_model();
  m.clip_inputs = true;
  save_model(m, path_);
  const minn::test::CliRun text = run_minnc("inspect " + path_);
  ASSERT_EQ(text.status, 0) << text.output;
  EXPECT_NE(text.output.find("clip       yes: scaled inputs saturated to [0, 1] (the training range)"),
            std::string::npos)
      << text.output;
  const minn::test::CliRun json = run_minnc("inspect --json " + path_);
  ASSERT_EQ(json.status, 0) << json.output;
  EXPECT_NE(json.output.find("\"clip_inputs\": true"), std::string::npos) << json.output;
  EXPECT_NE(json.output.find("\"schema_version\": 2"), std::string::npos) << json.output;
  EXPECT_NE(text.output.find("schema     version 2"), std::string::npos) << text.output;
}

TEST_F(InspectCommand, ShowsTheUptakeNormalisation) {
  save_model(test::small_normalised_model(), path_);
  const minn::test::CliRun text = run_minnc("inspect " + path_);
  ASSERT_EQ(text.status, 0) << text.output;
  // Offsets {0.5, -1.25, 2, 0.75, 1}: L2 norm sqrt(7.375) = 2.7157; largest |.|: 2, -1.25, 1.
  for (const char* expected :
       {"schema     version 3",
        "normalise  outputs scaled by raw input 2 'R_EX_glc__D_e_rev' (mmol/gDW/h): "
        "V0 = max(u, 0) * (network + yield offset)\n",
        "yield      offset stored (residual form): 5 values, L2 norm 2.7157, largest R_C=2 "
        "R_B_fwd=-1.25 R_EX_glc__D_e_rev=1\n"})
    EXPECT_NE(text.output.find(expected), std::string::npos) << "missing: " << expected << "\n" << text.output;
  const minn::test::CliRun json = run_minnc("inspect --json " + path_);
  ASSERT_EQ(json.status, 0) << json.output;
  for (const char* expected :
       {"\"schema_version\": 3", "\"index\": 2", "\"name\": \"R_EX_glc__D_e_rev\"", "\"count\": 5",
        "\"reaction\": \"R_B_fwd\"", "\"value\": -1.25"})
    EXPECT_NE(json.output.find(expected), std::string::npos) << "missing: " << expected << "\n" << json.output;

  MinnModel index_only = test::small_model();
  index_only.flux_scale_input = 0;
  save_model(index_only, path_);
  const minn::test::CliRun plain = run_minnc("inspect " + path_);
  ASSERT_EQ(plain.status, 0) << plain.output;
  EXPECT_NE(plain.output.find("normalise  outputs scaled by raw input 0 'p_b0008' (a.u.): "
                              "V0 = max(u, 0) * (network)\nyield      no offset"),
            std::string::npos)
      << plain.output;
}

TEST_F(InspectCommand, RejectsACorruptFileWithOneLine) {
  const std::string bad = ::testing::TempDir() + "minn_inspect_bad.minn";
  FILE* f = std::fopen(bad.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  std::fputs("not a model at all", f);
  std::fclose(f);
  const minn::test::CliRun r = run_minnc("inspect " + bad);
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.output.find("minnc: error: " + bad + ": not a .minn model file"), std::string::npos)
      << r.output;
  std::remove(bad.c_str());
}

}  // namespace
}  // namespace minn
