// `minnc fba | pfba | fva | reduce` end to end on e_coli_core (numbers from the COBRApy reference).
#include <gtest/gtest.h>

#include "cli_run.hpp"

#include <sys/wait.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

#include "reference_csv.hpp"

namespace {

minn::test::CliRun run(const std::string& args) { return minn::test::minnc(args); }

double number_after(const std::string& text, const std::string& key) {
  const std::size_t at = text.find(key);
  if (at == std::string::npos) return std::nan("");
  return std::strtod(text.c_str() + at + key.size(), nullptr);
}

const std::string kCore = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";

TEST(LpCommands, FbaJson) {
  const minn::test::CliRun r = run("fba " + kCore + " --json");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NEAR(number_after(r.output, "\"objective\": "), minn::test::reference_value("e_coli_core", "fba_objective"), 1e-6);
}

TEST(LpCommands, PfbaJson) {
  const minn::test::CliRun r = run("pfba " + kCore + " --fraction 0.9 --json");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NEAR(number_after(r.output, "\"total_flux\": "),
              minn::test::reference_value("e_coli_core", "pfba_total_flux_fraction_0.9"), 1e-6);
}

TEST(LpCommands, FvaCsvAndKnockout) {
  const std::string csv = ::testing::TempDir() + "fva_core.csv";
  minn::test::CliRun r = run("fva " + kCore + " --fraction 0 -o " + csv);
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream in(csv);
  std::string header, line;
  std::getline(in, header);
  EXPECT_EQ(header, "reaction,minimum,maximum");
  int rows = 0;
  while (std::getline(in, line)) ++rows;
  EXPECT_EQ(rows, 95);
  // pgi and the whole glycolysis entry stay possible through the pentose phosphate pathway.
  r = run("fba " + kCore + " --ko b4025 --json");
  ASSERT_EQ(r.status, 0) << r.output;
  for (const auto& row : minn::test::read_reference_csv("e_coli_core_single_gene_deletion.csv")) {
    if (row.at("gene") == "G_b4025") {
      EXPECT_NEAR(number_after(r.output, "\"objective\": "), std::stod(row.at("growth")), 1e-6);
    }
  }
}

TEST(LpCommands, ReduceFvaWritesSbmlAndReport) {
  const std::string out = ::testing::TempDir() + "core_fva_reduced.xml";
  const minn::test::CliRun r = run("reduce fva " + kCore + " -o " + out);
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream report(::testing::TempDir() + "core_fva_reduced.json");
  std::stringstream ss;
  ss << report.rdbuf();
  EXPECT_NE(ss.str().find("\"method\": \"fva\""), std::string::npos);
  EXPECT_NE(ss.str().find("\"removed\": ["), std::string::npos);
  const minn::test::CliRun back = run("fba " + out + " --json");  // the written SBML is readable and grows alike
  ASSERT_EQ(back.status, 0) << back.output;
  EXPECT_NEAR(number_after(back.output, "\"objective\": "), minn::test::reference_value("e_coli_core", "fba_objective"), 1e-6);
}

// --keep-measured: the reduced GEM can still report every flux the Ishii data measures.
TEST(LpCommands, ReduceFbaKeepsTheMeasuredReactions) {
  const std::string out = ::testing::TempDir() + "core_fba_reduced.xml";
  const std::string ishii = std::string(MINN_MODELS_DIR) + "/ishii";
  const minn::test::CliRun r =
      run("reduce fba " + kCore + " --ishii " + ishii + " --pfba --solutions 20 --keep-measured -o " + out);
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream report(::testing::TempDir() + "core_fba_reduced.json");
  std::stringstream ss;
  ss << report.rdbuf();
  // D-lactate dehydrogenase is measured, but no pFBA optimum on glucose runs it.
  const std::string text = ss.str();
  const std::size_t list = text.find("\"kept_without_flux_on_request\": [");
  ASSERT_NE(list, std::string::npos) << text;
  EXPECT_NE(text.substr(list, text.find(']', list) - list).find("\"R_LDH_D\""), std::string::npos) << text;
  const minn::test::CliRun no_data =
      run("reduce fba " + kCore + " --glucose-range 1 10 --keep-measured -o " + ::testing::TempDir() + "y.xml");
  EXPECT_EQ(no_data.status, 1);
  EXPECT_NE(no_data.output.find("--keep-measured needs --ishii DIR"), std::string::npos) << no_data.output;
}

TEST(LpCommands, FitWritesTheSplitDatasetCsv) {
  const std::string csv = ::testing::TempDir() + "fit_core.csv";
  const minn::test::CliRun r = run("fit " + kCore + " --ishii " + std::string(MINN_MODELS_DIR) + "/ishii -o " + csv + " --json");
  ASSERT_EQ(r.status, 0) << r.output;
  std::ifstream in(csv);
  std::string header, line;
  std::getline(in, header);
  EXPECT_EQ(header.rfind("experiment,R_GLCpts,R_PGI_fwd,", 0), 0u) << header;  // split ids, dataset order
  int rows = 0;
  while (std::getline(in, line)) ++rows;
  EXPECT_EQ(rows, 29);
  // Every projection is feasible: the JSON lists the residuals.
  std::size_t at = 0;
  int checked = 0;
  while ((at = r.output.find("\"max_balance_residual\": ", at)) != std::string::npos) {
    at += 24;
    EXPECT_LE(std::strtod(r.output.c_str() + at, nullptr), 1e-7);
    ++checked;
  }
  EXPECT_EQ(checked, 29);
}

TEST(LpCommands, ErrorsAreOneClearLine) {
  minn::test::CliRun r = run("fba " + kCore + " --ko no_such_gene");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("no_such_gene"), std::string::npos) << r.output;
  r = run("reduce fba " + kCore + " -o " + ::testing::TempDir() + "x.xml");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("--glucose-range"), std::string::npos) << r.output;
}

}  // namespace
