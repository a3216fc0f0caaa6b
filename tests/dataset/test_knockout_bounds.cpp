// KOs_Vin.csv from models/ishii against split GEMs read from models/gems.
#include <gtest/gtest.h>

#include <cmath>

#include "data/ishii_dataset.hpp"
#include "data/knockout_bounds.hpp"
#include "dataset_test_util.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn {
namespace {

using test::error_of;
const std::string kKos = std::string(MINN_MODELS_DIR) + "/ishii/KOs_Vin.csv";
const std::string kGems = std::string(MINN_MODELS_DIR) + "/gems/";

TEST(KnockoutBounds, SplitIAF1260HasEveryListedReaction) {
  const Gem gem = split_reversible(read_sbml(kGems + "iAF1260.xml.gz"));
  const std::vector<std::string> experiments = load_ishii_inputs(std::string(MINN_MODELS_DIR) + "/ishii").experiments;
  const KnockoutBounds b = load_knockout_bounds(kKos, gem, experiments);
  ASSERT_EQ(b.reaction_ids.size(), 18u);
  EXPECT_TRUE(b.absent_ids.empty());
  ASSERT_EQ(b.upper_bounds.rows(), 29);
  for (std::size_t k = 0; k < 18; ++k) EXPECT_EQ(gem.reactions[b.reactions[k]].id, b.reaction_ids[k]);
  // From the file: row 'pgi' (9th experiment) has 0 under R_PGI_rev only; REF has no zero.
  const int pgi = 8, pgi_rev = 7;
  ASSERT_EQ(b.experiments[pgi], "pgi");
  ASSERT_EQ(b.reaction_ids[pgi_rev], "R_PGI_rev");
  for (int k = 0; k < 18; ++k) {
    EXPECT_EQ(b.upper_bounds(pgi, k), k == pgi_rev ? 0.0 : INFINITY) << b.reaction_ids[k];
    EXPECT_EQ(b.upper_bounds(0, k), INFINITY);
  }
  // The file holds 25 zeros (counted with awk: one per knockout, two for tktA and tktB, none for galM).
  EXPECT_EQ((b.upper_bounds.array() == 0.0).count(), 25);
}

TEST(KnockoutBounds, EColiCoreLacksTwoReactions) {
  const Gem gem = split_reversible(read_sbml(kGems + "e_coli_core.xml.gz"));
  EXPECT_EQ(error_of([&] { load_knockout_bounds(kKos, gem); }),
            kKos + ":1, column 7 'R_GNK': no reaction with this id in the GEM 'e_coli_core'");
  const KnockoutBounds b = load_knockout_bounds(kKos, gem, {}, AbsentReactions::Skip);
  EXPECT_EQ(b.absent_ids, (std::vector<std::string>{"R_GNK", "R_PGMT_rev"}));
  EXPECT_EQ(b.reaction_ids.size(), 16u);
}

TEST(KnockoutBounds, ExperimentsMustMatchTheDataset) {
  const Gem gem = test::gem_with({"R_A"});
  const std::string path = test::write_temp("kos.csv", "experiment,R_A\nREF,1\nko,0\n");
  const KnockoutBounds b = load_knockout_bounds(path, gem, {"REF", "ko"});
  EXPECT_EQ(b.upper_bounds(0, 0), INFINITY);
  EXPECT_EQ(b.upper_bounds(1, 0), 0.0);
  EXPECT_EQ(error_of([&] { load_knockout_bounds(path, gem, {"ko", "REF"}); }),
            path + ":2, column 1 'experiment': experiment 'REF' where the dataset has 'ko' "
                   "(experiment 1; the order must match)");
  EXPECT_EQ(error_of([&] { load_knockout_bounds(path, gem, {"REF", "ko", "wt"}); }),
            path + ": experiment 'wt' is missing (the file has 2 experiments, the dataset 3)");
  const std::string bad = test::write_temp("kos_bad.csv", "experiment,R_A\nREF,0.5\n");
  EXPECT_EQ(error_of([&] { load_knockout_bounds(bad, gem); }),
            bad + ":2 (row 'REF'), column 2 'R_A': expected 1 (no bound) or 0 (knocked out), got '0.5'");
}

}  // namespace
}  // namespace minn
