// The Ishii loader on the shipped dataset (models/ishii), checked against the independent
// split-convention file fluxomics_iAF1260_reduced_split.csv (same numbers, split GEM ids).
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "data/ishii_dataset.hpp"
#include "data/scored_fluxes.hpp"
#include "dataset_test_util.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn {
namespace {

using test::error_of;

const std::string kIshii = std::string(MINN_MODELS_DIR) + "/ishii";
const std::string kGems = std::string(MINN_MODELS_DIR) + "/gems/";

const test::OracleCsv& oracle() {
  static const test::OracleCsv o = test::read_oracle(kIshii + "/fluxomics_iAF1260_reduced_split.csv");
  return o;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Both halves of every split reaction of the oracle (the loader must choose), in reverse order.
Gem gem_from_oracle_ids() {
  std::vector<std::string> ids;
  std::set<std::string> seen;
  for (const std::string& id : oracle().header) {
    const bool split = ends_with(id, "_fwd") || ends_with(id, "_rev");
    const std::string base = split ? id.substr(0, id.size() - 4) : id;
    for (const std::string& r : split ? std::vector<std::string>{base + "_fwd", base + "_rev"}
                                      : std::vector<std::string>{id})
      if (seen.insert(r).second) ids.push_back(r);
  }
  std::reverse(ids.begin(), ids.end());
  return test::gem_with(ids, "R_BIOMASS_Ec_iAF1260_core_59p81M");
}

Gem split_gem(const std::string& file) { return split_reversible(read_sbml(kGems + file)); }

// Targets equal the oracle exactly (a sign flip is exact), ids as given.
void expect_matches_oracle(const Dataset& d, const Gem& gem, const std::vector<std::string>& ids) {
  ASSERT_EQ(d.target_ids, ids);
  ASSERT_EQ(d.experiments, oracle().keys);
  ASSERT_EQ(d.targets.rows(), 29);
  ASSERT_EQ(d.targets.cols(), 47);
  for (int k = 0; k < 47; ++k) EXPECT_EQ(gem.reactions[d.target_reactions[k]].id, ids[k]);
  for (int r = 0; r < 29; ++r)
    for (int k = 0; k < 47; ++k)
      EXPECT_EQ(d.targets(r, k), oracle().values[r][k]) << d.experiments[r] << " " << ids[k];
}

TEST(IshiiReal, TargetsMatchTheSplitFileWithBothHalvesOffered) {
  const Gem gem = gem_from_oracle_ids();
  expect_matches_oracle(load_ishii(kIshii, gem), gem, oracle().header);
}

TEST(IshiiReal, TargetsMatchTheSplitFileOnSplitIAF1260) {
  const Gem gem = split_gem("iAF1260.xml.gz");
  const Dataset d = load_ishii(kIshii, gem);
  expect_matches_oracle(d, gem, oracle().header);
  // The 37 intracellular fluxes exist on iAF1260 too: the header minus the R_EX_* and biomass columns.
  const std::vector<int> rows = intracellular_rows(d, gem);
  ASSERT_EQ(rows.size(), 37u);
  for (int r : rows) {
    EXPECT_NE(d.target_ids[static_cast<std::size_t>(r)].rfind("R_EX_", 0), 0u);
    EXPECT_NE(d.target_ids[static_cast<std::size_t>(r)], "R_BIOMASS_Ec_iAF1260_core_59p81M");
  }
}

TEST(IshiiReal, TargetsMatchTheSplitFileOnSplitEColiCore) {
  const Gem gem = split_gem("e_coli_core.xml.gz");
  std::vector<std::string> ids = oracle().header;
  // e_coli_core has no periplasm and its own biomass reaction (ishii-ids note).
  std::replace(ids.begin(), ids.end(), std::string("R_GLCptspp"), std::string("R_GLCpts"));
  std::replace(ids.begin(), ids.end(), std::string("R_BIOMASS_Ec_iAF1260_core_59p81M"),
               std::string("R_BIOMASS_Ecoli_core_w_GAM"));
  expect_matches_oracle(load_ishii(kIshii, gem), gem, ids);
}

TEST(IshiiReal, InputsAreTheOmicsThenTheUptakes) {
  const IshiiInputs in = load_ishii_inputs(kIshii);
  const test::OracleCsv tx = test::read_oracle(kIshii + "/transcriptomics.csv");
  const test::OracleCsv px = test::read_oracle(kIshii + "/proteomics.csv");
  const test::OracleCsv fx = test::read_oracle(kIshii + "/fluxomics.csv");
  ASSERT_EQ(tx.header.size(), 79u);
  ASSERT_EQ(px.header.size(), 60u);
  std::vector<std::string> names = tx.header;
  names.insert(names.end(), px.header.begin(), px.header.end());
  names.push_back("R_EX_glc__D_e_rev");
  names.push_back("R_EX_o2_e_rev");
  EXPECT_EQ(in.input_names, names);
  EXPECT_EQ(std::count(in.input_units.begin(), in.input_units.end(), "a.u."), 139);
  EXPECT_EQ(in.input_units[139], "mmol/gDW/h");
  EXPECT_EQ(in.input_units[140], "mmol/gDW/h");
  ASSERT_EQ(in.inputs.rows(), 29);
  ASSERT_EQ(in.inputs.cols(), 141);
  const auto glc = std::find(fx.header.begin(), fx.header.end(), "R_EX_glc_e_") - fx.header.begin();
  const auto o2 = std::find(fx.header.begin(), fx.header.end(), "R_EX_o2_e_") - fx.header.begin();
  for (int r = 0; r < 29; ++r) {
    for (int c = 0; c < 79; ++c) EXPECT_EQ(in.inputs(r, c), tx.values[r][c]);
    for (int c = 0; c < 60; ++c) EXPECT_EQ(in.inputs(r, 79 + c), px.values[r][c]);
    EXPECT_EQ(in.inputs(r, 139), -fx.values[r][glc]);
    EXPECT_EQ(in.inputs(r, 140), -fx.values[r][o2]);
    EXPECT_GT(in.inputs(r, 139), 0.0) << "glucose is taken up in every experiment";
  }
  // `cat transcriptomics.csv proteomics.csv fluxomics.csv | sha256sum` in models/ishii
  EXPECT_EQ(in.sha256, "67327117a761c588d3b9303fae783830d0ebc66829ca4e76c4465446e8ff242b");
}

TEST(IshiiReal, MeasuredHalfMissingFromTheGemIsNamed) {
  Gem gem = split_gem("e_coli_core.xml.gz");
  gem.reactions.erase(gem.reactions.begin() + gem.reaction_index("R_PGK_rev"));
  EXPECT_EQ(error_of([&] { load_ishii(kIshii, gem); }),
            kIshii + "/fluxomics.csv:1, column 7 'R_PGK': the measured flux 'R_PGK' maps to R_PGK_rev, "
                     "which is not in the GEM 'e_coli_core' (only the other half is)");
}

TEST(IshiiReal, SplitReactionWithoutAKnownSignIsAnError) {
  Gem gem = split_gem("e_coli_core.xml.gz");
  gem.reactions[gem.reaction_index("R_PFK")].id = "R_PFK_fwd";
  Reaction rev;
  rev.id = "R_PFK_rev";
  gem.reactions.push_back(rev);
  EXPECT_EQ(error_of([&] { load_ishii(kIshii, gem); }),
            kIshii + "/fluxomics.csv:1, column 4 'R_PFK': the GEM splits R_PFK into _fwd/_rev halves, "
                     "but the sign convention of measured flux 'R_PFK' is not known (ishii-ids note)");
}

}  // namespace
}  // namespace minn
