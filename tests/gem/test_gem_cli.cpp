// `minnc gem info` and `minnc gem split`, run as a user would. Counts are COBRApy's (see
// tests/sbml/test_read_bigg.cpp); the split size is paper Table 1's.
#include <gtest/gtest.h>

#include "cli_run.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <string>

#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"

namespace {

using minn::test::CliRun;
using minn::test::minnc;

const std::string kEcoliCore = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";

TEST(GemCli, InfoText) {
  const CliRun run = minnc("gem info " + kEcoliCore);
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("reactions:             95\n"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("reversible:            47\n"), std::string::npos);
  EXPECT_NE(run.output.find("metabolites:           72\n"), std::string::npos);
  EXPECT_NE(run.output.find("genes:                 137\n"), std::string::npos);
  EXPECT_NE(run.output.find("exchanges:             20\n"), std::string::npos);
  EXPECT_NE(run.output.find("nnz(S):                360\n"), std::string::npos);
  EXPECT_NE(run.output.find("reactions after split: 142\n"), std::string::npos);
  EXPECT_NE(run.output.find("objective:             maximize R_BIOMASS_Ecoli_core_w_GAM\n"), std::string::npos);
  // `sha256sum models/gems/e_coli_core.xml.gz`
  EXPECT_NE(run.output.find("01655e1a062db398b798d4eb0a19829556aff6f2b3390195a5f53b85319e5bab"), std::string::npos);
}

TEST(GemCli, InfoJson) {
  const CliRun run = minnc("gem info --json " + kEcoliCore);
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("\"reactions\": 95,"), std::string::npos) << run.output;
  EXPECT_NE(run.output.find("\"reactions_after_split\": 142,"), std::string::npos);
  EXPECT_NE(run.output.find("\"objective\": [{\"reaction\": \"R_BIOMASS_Ecoli_core_w_GAM\", \"coefficient\": 1}]"),
            std::string::npos);
  EXPECT_EQ(run.output.front(), '{');
  EXPECT_EQ(run.output.substr(run.output.size() - 2), "}\n");
}

TEST(GemCli, SplitWritesAReadableSplitModel) {
  const std::string out = testing::TempDir() + "minn_cli_split.xml";
  const CliRun run = minnc("gem split " + kEcoliCore + " -o " + out);
  ASSERT_EQ(run.status, 0) << run.output;
  EXPECT_NE(run.output.find("95 reactions (47 reversible split into _fwd/_rev)"), std::string::npos);
  const minn::Gem split = minn::read_sbml(out);
  ASSERT_EQ(split.reactions.size(), 142u);
  EXPECT_EQ(split.reactions.front().id, "R_PFK");
  EXPECT_EQ(split.reactions.back().id, "R_O2t_rev");
  EXPECT_EQ(split.reversible_count(), 0);
  std::remove(out.c_str());
}

TEST(GemCli, ErrorsExitNonZero) {
  const CliRun missing = minnc("gem info /nonexistent/model.xml");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.output.find("minnc: error: /nonexistent/model.xml: cannot open file"), std::string::npos)
      << missing.output;
  const CliRun no_output = minnc("gem split " + kEcoliCore);
  EXPECT_NE(no_output.status, 0);
  EXPECT_NE(no_output.output.find("--output"), std::string::npos) << no_output.output;
  const CliRun help = minnc("gem --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.output.find("info"), std::string::npos);
  EXPECT_NE(help.output.find("split"), std::string::npos);
}

}  // namespace
