// The Ishii loader on the small hand-written fixtures in tests/data/ishii_bad/.
#include <gtest/gtest.h>

#include "data/ishii_dataset.hpp"
#include "dataset_test_util.hpp"

namespace minn {
namespace {

using test::error_of;

const std::string kFixtures = std::string(MINN_TEST_DATA_DIR) + "/ishii_bad/";

Gem small_split_gem() {
  return test::gem_with({"R_PFK", "R_PGK_fwd", "R_EX_glc__D_e_fwd", "R_PGK_rev", "R_EX_o2_e_fwd",
                         "R_EX_glc__D_e_rev", "R_EX_o2_e_rev"});
}

TEST(IshiiSmall, LoadsInputsInTheDocumentedOrder) {
  const IshiiInputs in = load_ishii_inputs(kFixtures + "baseline");
  EXPECT_EQ(in.experiments, (std::vector<std::string>{"REF", "pgi", "zwf"}));
  EXPECT_EQ(in.input_names, (std::vector<std::string>{"p_b0001", "p_b0002", "t_b0001",
                                                       "R_EX_glc__D_e_rev", "R_EX_o2_e_rev"}));
  EXPECT_EQ(in.input_units, (std::vector<std::string>{"a.u.", "a.u.", "a.u.", "mmol/gDW/h", "mmol/gDW/h"}));
  // By hand from the fixture: omics as written, uptakes negated (raw -3 -> 3).
  Eigen::MatrixXd expected(3, 5);
  expected << 1.5, 2, 10, 3, 7,
              0.25, 0.3, 20, 2, 0,
              4, 5, 30, 4.5, 6;
  EXPECT_EQ(in.inputs, expected);
  EXPECT_FALSE(std::signbit(in.inputs(1, 4))) << "a zero uptake must be +0";
  // `cat transcriptomics.csv proteomics.csv fluxomics.csv | sha256sum`
  EXPECT_EQ(in.sha256, "72f4ac9337091647a35af4747a5d290743ece8dd83d6bae5d5475bfd7b3d628a");
}

TEST(IshiiSmall, MapsTargetsToTheSplitGem) {
  const Gem gem = small_split_gem();
  const Dataset d = load_ishii(kFixtures + "baseline", gem);
  EXPECT_EQ(d.target_ids, (std::vector<std::string>{"R_PGK_rev", "R_PFK", "R_EX_glc__D_e_rev", "R_EX_o2_e_rev"}));
  EXPECT_EQ(d.target_reactions, (std::vector<int>{3, 0, 5, 6}));
  Eigen::MatrixXd expected(3, 4);  // PGK and the uptakes negated, PFK as measured
  expected << 5.5, 2.5, 3, 7,
              -1.25, 0, 2, 0,
              0.5, 3, 4.5, 6;
  EXPECT_EQ(d.targets, expected);
  EXPECT_EQ(d.inputs, load_ishii_inputs(kFixtures + "baseline").inputs);
  EXPECT_EQ(d.sha256, "72f4ac9337091647a35af4747a5d290743ece8dd83d6bae5d5475bfd7b3d628a");
}

TEST(IshiiSmall, UnsplitReactionKeepsTheRawSign) {
  // A GEM where PGK is irreversible keeps the id and the measured value unchanged.
  const Gem gem = test::gem_with({"R_PFK", "R_PGK", "R_EX_glc__D_e_rev", "R_EX_glc__D_e_fwd",
                                  "R_EX_o2_e_rev", "R_EX_o2_e_fwd"});
  const Dataset d = load_ishii(kFixtures + "baseline", gem);
  EXPECT_EQ(d.target_ids[0], "R_PGK");
  EXPECT_EQ(d.targets(0, 0), -5.5);
}

struct BadCase {
  const char* folder;
  const char* starts;  // how the message starts, after "<fixture folder>/"
  const char* also;    // more text the message must hold ("" for none)
};

class IshiiBad : public ::testing::TestWithParam<BadCase> {};

TEST_P(IshiiBad, IsRejectedNamingFileLineAndColumn) {
  const std::string dir = kFixtures + GetParam().folder;
  const std::string message = error_of([&] { load_ishii(dir, small_split_gem()); });
  EXPECT_EQ(message.rfind(dir + "/" + GetParam().starts, 0), 0u) << message;
  EXPECT_NE(message.find(GetParam().also), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(
    Fixtures, IshiiBad,
    ::testing::Values(
        BadCase{"missing_experiment",
                "proteomics.csv: experiment 'pgi' (", "transcriptomics.csv:3) is missing"},
        BadCase{"duplicated_experiment",
                "transcriptomics.csv:4, column 1 'experiment': experiment 'pgi' appears twice (lines 3 and 4)", ""},
        BadCase{"out_of_order",
                "fluxomics.csv:3, column 1 'experiment': experiment 'zwf' is out of order: ",
                "transcriptomics.csv:3 has 'pgi' in this position"},
        BadCase{"non_numeric",
                "proteomics.csv:3 (row 'pgi'), column 2 't_b0001': expected a finite number, got 'n/a'", ""},
        BadCase{"unknown_flux_id",
                "fluxomics.csv:1, column 3 'R_XYZ': measured flux 'R_XYZ' is absent from the GEM 'test_gem' "
                "(looked for R_XYZ, each also with _fwd/_rev)", ""},
        BadCase{"missing_uptake",
                "fluxomics.csv:1: no column 'R_EX_o2_e_' (a measured uptake, a model input)", ""},
        BadCase{"ragged_row", "transcriptomics.csv:3: 2 cells, expected 3 as in the header", ""},
        BadCase{"no_key_column",
                "proteomics.csv:1, column 1: expected the key column 'experiment', got 'id'", ""},
        BadCase{"empty_cell",
                "fluxomics.csv:3 (row 'pgi'), column 3 'R_PFK': empty cell, expected a number", ""},
        BadCase{"extra_experiment",
                "fluxomics.csv:5, column 1 'experiment': experiment 'gnd' is not in ", "transcriptomics.csv"}),
    [](const auto& info) { return std::string(info.param.folder); });

}  // namespace
}  // namespace minn
