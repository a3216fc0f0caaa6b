// `minnc surrogate` through the real binary on e_coli_core: the files it writes (model, report,
// samples CSV), byte-identical reruns, the model usable by `minnc predict`, and its error messages.
#include <gtest/gtest.h>
#include "reference_toolchain.hpp"
#include <sys/wait.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "model/model_file.hpp"

namespace minn {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

const std::string kDir = ::testing::TempDir();
const std::string kModels = MINN_MODELS_DIR;
const std::string kCommand = "surrogate --gem " + kModels + "/gems/e_coli_core.xml.gz --data " + kModels +
                             "/ishii --epochs 3 --hidden 32 ";
const std::string kBase = kCommand + "--reduce none --samples 40 ";

// Runs minnc with `args`; returns the exit status, stdout and stderr in the out parameters.
int minnc(const std::string& args, std::string* out = nullptr, std::string* err = nullptr) {
  const std::string o = kDir + "surrogate_cmd.out", e = kDir + "surrogate_cmd.err";
  const int status = std::system((std::string(MINNC_PATH) + " " + args + " >" + o + " 2>" + e).c_str());
  if (out) *out = read_all(o);
  if (err) *err = read_all(e);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(MinncSurrogate, WritesModelReportAndSamplesAndRerunsByteForByte) {
  std::string out, err;
  // Same file names in two folders: the model records its own file name.
  const std::string a = kDir + "sur_a/s", b = kDir + "sur_b/s";
  std::filesystem::create_directories(kDir + "sur_a");
  std::filesystem::create_directories(kDir + "sur_b");
  ASSERT_EQ(minnc(kBase + "--seed 9 --samples-csv " + a + ".csv -o " + a + ".minn", &out, &err), 0) << err;
  EXPECT_NE(out.find("held out (8 samples, 137 reactions: all but the rates)"), std::string::npos) << out;
  EXPECT_NE(out.find("training mean"), std::string::npos) << out;
  ASSERT_EQ(minnc(kBase + "--seed 9 --samples-csv " + b + ".csv -o " + b + ".minn", &out, &err), 0) << err;

  const std::string csv = read_all(a + ".csv");
  EXPECT_TRUE(csv == read_all(b + ".csv"));
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 41);
  EXPECT_TRUE(read_all(a + ".minn") == read_all(b + ".minn"));
  EXPECT_TRUE(read_all(a + "_report.json") == read_all(b + "_report.json"));
  const std::string report = read_all(a + "_report.json");
  EXPECT_NE(report.find("\"infeasible_draws\": "), std::string::npos) << report;
  EXPECT_NE(report.find("\"test_samples\": 8"), std::string::npos) << report;

  const MinnModel model = load_model(a + ".minn");
  ASSERT_EQ(model.input_names.size(), 5u);
  EXPECT_EQ(model.input_names[0], "R_EX_glc__D_e_rev");
  EXPECT_EQ(model.input_units[0], "mmol/gDW/h");
  EXPECT_NE(model.provenance.command.find("minnc surrogate --gem e_coli_core.xml.gz"), std::string::npos);

  // The model runs under `minnc predict` from a table of the five rates.
  const std::string inputs = kDir + "sur_inputs.csv";
  std::ofstream(inputs) << "experiment,R_EX_glc__D_e_rev,R_EX_o2_e_rev,R_EX_co2_e_fwd,R_EX_etoh_e,R_EX_ac_e\n"
                        << "mid,7,9,5,0.05,1\n";
  ASSERT_EQ(minnc("predict " + a + ".minn --data " + inputs + " -o " + kDir + "sur_pred.csv", &out, &err), 0) << err;
  const std::string predicted = read_all(kDir + "sur_pred.csv");
  EXPECT_EQ(predicted.rfind("experiment,status,", 0), 0u);
  EXPECT_NE(predicted.find("\nmid,0,"), std::string::npos) << predicted.substr(0, 300);
}

TEST(MinncSurrogate, OnlineSetTakesTheGrowthRate) {
  std::string out, err;
  const std::string path = kDir + "sur_online.minn";
  ASSERT_EQ(minnc(kBase + "--rates online -o " + path, &out, &err), 0) << err;
  const MinnModel model = load_model(path);
  ASSERT_EQ(model.input_names.size(), 4u);
  EXPECT_EQ(model.input_names[3], "R_BIOMASS_Ecoli_core_w_GAM");
  EXPECT_EQ(model.input_units[3], "1/h");
}

// The shipped soft-sensor surrogate (growth-optimal samples, growth-rate noise while training, 2 %
// envelope margin) is what its recorded command makes, byte for byte (about 20 s).
TEST(MinncSurrogate, ShippedOptimalSurrogateIsReproducedByteForByte) {
  MINN_SKIP_UNLESS_REFERENCE_TOOLCHAIN();
  const std::string shipped = kModels + "/e_coli_core_surrogate_optimal.minn";
  const MinnModel model = load_model(shipped);
  const std::string command = model.provenance.command;
  const std::string prefix = "minnc surrogate --gem e_coli_core.xml.gz --data ishii ";
  ASSERT_EQ(command.rfind(prefix, 0), 0u) << command;
  const std::size_t out_flag = command.rfind(" -o ");
  ASSERT_NE(out_flag, std::string::npos) << command;
  std::filesystem::create_directories(kDir + "sur_shipped");
  const std::string path = kDir + "sur_shipped/e_coli_core_surrogate_optimal.minn";
  const std::string args = "surrogate --gem " + kModels + "/gems/e_coli_core.xml.gz --data " + kModels + "/ishii " +
                           command.substr(prefix.size(), out_flag - prefix.size()) + " -o " + path;
  std::string out, err;
  ASSERT_EQ(minnc(args, &out, &err), 0) << args << "\n" << err;
  EXPECT_TRUE(read_all(path) == read_all(shipped)) << args;
  EXPECT_NE(command.find("--sampling optimal"), std::string::npos) << command;
  EXPECT_NE(command.find("--input-noise R_BIOMASS_Ecoli_core_w_GAM="), std::string::npos) << command;
}

// Each bad argument fails with exit status 1 and one line naming the option and what was expected.
TEST(MinncSurrogate, ErrorsNameTheOptionAndWhatWasExpected) {
  const std::string o = " -o " + kDir + "sur_bad.minn";
  const struct {
    std::string args, message;
  } cases[] = {
      {kBase + "--rates R_EX_glc__D_e_rev,R_NOPE" + o, "--rates: 'R_NOPE' is not a reaction of the split GEM"},
      {kBase + "--rates R_EX_fru_e" + o, "--rates: 'R_EX_fru_e' is not measured in"},
      {kCommand + "--reduce none --samples 0" + o, "--samples 0: expected at least 1"},
      {kBase + "--holdout 1" + o, "--holdout 1: expected a fraction in [0, 1)"},
      {kCommand + "--reduce maybe --samples 40" + o, "--reduce 'maybe': expected none, fva or fba"},
      {kBase + "--refine-step fast" + o, "--refine-step 'fast': expected 'auto' or a positive number"},
      {kBase + "--rates R_EX_glc__D_e_rev=5:5,R_EX_co2_e_fwd=40:50 --max-draws 60" + o,
       "--samples 40: only 0 feasible pFBA solutions in 60 draws"},
      {kBase + "--sampling uniform" + o, "--sampling 'uniform': expected fixed"},
      {kBase + "--sampling optimal --rates R_EX_co2_e_fwd=1:5" + o, "--sampling optimal: none of the rates is an uptake"},
      {kBase + "--rates online --input-noise R_NOPE=1" + o, "--input-noise: 'R_NOPE' is not one of the --rates"},
      {kBase + "--rates online --input-noise R_EX_o2_e_rev=-1" + o, "--input-noise: 'R_EX_o2_e_rev=-1': '-1' is not"},
      {kBase + "--rates online --input-noise R_EX_o2_e_rev" + o, "--input-noise: 'R_EX_o2_e_rev': expected ID=SD"},
      {kBase + "--envelope-margin -0.5" + o, "--envelope-margin -0.5: expected a finite number >= 0"},
      {kBase + "--baseline ridge" + o, "--baseline 'ridge': expected linear"},
  };
  for (const auto& c : cases) {
    std::string err;
    EXPECT_EQ(minnc(c.args, nullptr, &err), 1) << c.args;
    EXPECT_NE(err.find("minnc: error: " + c.message), std::string::npos) << c.args << "\n" << err;
  }
}

}  // namespace
}  // namespace minn
