// minnc's output conventions (codegen/cli/output.hpp): the exit codes `minnc --help` lists, --json on
// stdout, -q/--quiet dropping informational lines, and no progress when stderr is not a terminal.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_run.hpp"

namespace {

using minn::test::minnc;
using minn::test::read_file;

const std::string kModels = MINN_MODELS_DIR;

std::string out_dir() {
  const auto dir = std::filesystem::temp_directory_path() / "minn_cli_conventions_test";
  std::filesystem::create_directories(dir);
  return dir.string();
}

TEST(CliConventions, HelpListsTheExitCodesAndEachIsUsed) {
  auto r = minnc("--help");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.output.find("Exit codes: 0 success; 1 error in the inputs or the run"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("2 command-line usage error; 3 internal error"), std::string::npos) << r.output;
  r = minnc("cv --no-such-option");
  EXPECT_EQ(r.status, 2) << r.output;
  r = minnc("predict " + kModels + "/no-such.minn --data " + kModels + "/ishii");
  EXPECT_EQ(r.status, 1) << r.output;
  EXPECT_NE(r.output.find("no-such.minn"), std::string::npos) << r.output;
}

TEST(CliConventions, QuietDropsInformationalLinesOnly) {
  const std::string html = out_dir() + "/quiet.html";
  std::filesystem::remove(html);
  auto r = minnc("report --model " + kModels + "/e_coli_core.minn --data " + kModels + "/ishii -o " + html + " -q");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output, "");
  EXPECT_TRUE(std::filesystem::exists(html));
  // A result is still printed: FBA's optimum.
  r = minnc("-q fba " + kModels + "/gems/e_coli_core.xml.gz");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("0.873921507"), std::string::npos) << r.output;
}

TEST(CliConventions, JsonOnStdout) {
  const std::string html = out_dir() + "/json.html";
  auto r = minnc("report --model " + kModels + "/e_coli_core.minn --data " + kModels + "/ishii -o " + html + " --json");
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output, "{\"output\": \"" + html + "\", \"bytes\": " + std::to_string(read_file(html).size()) +
                          ", \"experiments\": 29, \"scored_fluxes\": 45}\n");

  const std::string dir = out_dir() + "/cv";
  r = minnc("cv --gem " + kModels + "/gems/e_coli_core.xml.gz --data " + kModels +
            "/ishii --variant c-balanced --trials 1 --folds 2 --epochs 1 --threads 1 --holdout pgi --json -o " + dir);
  EXPECT_EQ(r.status, 0) << r.output;
  EXPECT_EQ(r.output, read_file(dir + "/e_coli_core-c-balanced-seed0.metrics.json"));
  EXPECT_EQ(r.output.find('\r'), std::string::npos);  // no progress bar: stderr is a pipe here
}

}  // namespace
