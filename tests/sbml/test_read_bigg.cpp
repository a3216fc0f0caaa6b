// Reading the shipped BiGG SBML L3 FBC2 models. Reference numbers come from COBRApy 0.26.2
// (cobra.io.read_sbml_model, run once by hand), the MINN paper (Table 1) and, for the split order,
// an independent Python/ElementTree pass over the same files.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "common/sha256.hpp"
#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"

namespace {

const std::string kEcoliCore = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
const std::string kIaf1260 = std::string(MINN_MODELS_DIR) + "/gems/iAF1260.xml.gz";

const minn::Gem& ecoli_core() {
  static const minn::Gem gem = minn::read_sbml(kEcoliCore);
  return gem;
}

const minn::Gem& iaf1260() {
  static const minn::Gem gem = minn::read_sbml(kIaf1260);
  return gem;
}

TEST(ReadBigg, EcoliCoreCounts) {
  const minn::Gem& gem = ecoli_core();
  EXPECT_EQ(gem.id, "e_coli_core");
  EXPECT_EQ(gem.reactions.size(), 95u);
  EXPECT_EQ(gem.metabolites.size(), 72u);
  EXPECT_EQ(gem.genes.size(), 137u);
  EXPECT_EQ(gem.compartments.size(), 2u);
  EXPECT_EQ(gem.reversible_count(), 47);
  EXPECT_EQ(gem.stoichiometry_nonzeros(), 360u);  // COBRApy: sum of len(r.metabolites)
  EXPECT_EQ(gem.exchange_reactions().size(), 20u);  // COBRApy: len(model.boundary)
}

TEST(ReadBigg, EcoliCoreObjective) {
  const minn::Gem& gem = ecoli_core();
  const std::vector<int> objective = gem.objective_reactions();
  ASSERT_EQ(objective.size(), 1u);
  EXPECT_EQ(gem.reactions[static_cast<std::size_t>(objective[0])].id, "R_BIOMASS_Ecoli_core_w_GAM");
  EXPECT_EQ(gem.reactions[static_cast<std::size_t>(objective[0])].objective_coefficient, 1.0);
  EXPECT_TRUE(gem.objective_maximize);
}

TEST(ReadBigg, EcoliCoreIdsBoundsAndStoichiometryAsWritten) {
  const minn::Gem& gem = ecoli_core();
  // Bounds from the file's parameters (COBRApy: ATPM (8.39, 1000), EX_glc__D_e (-10, 1000)).
  const minn::Reaction& atpm = gem.reactions[static_cast<std::size_t>(gem.reaction_index("R_ATPM"))];
  EXPECT_EQ(atpm.lower_bound, 8.39);
  EXPECT_EQ(atpm.upper_bound, 1000.0);
  const minn::Reaction& glc = gem.reactions[static_cast<std::size_t>(gem.reaction_index("R_EX_glc__D_e"))];
  EXPECT_EQ(glc.lower_bound, -10.0);
  ASSERT_GE(gem.metabolite_index("M_glc__D_e"), 0);
  // R_PGK: 3pg + atp <=> 13dpg + adp (hand-read from the file).
  const minn::Reaction& pgk = gem.reactions[static_cast<std::size_t>(gem.reaction_index("R_PGK"))];
  EXPECT_TRUE(pgk.reversible);
  EXPECT_EQ(pgk.lower_bound, -1000.0);
  ASSERT_EQ(pgk.stoichiometry.size(), 4u);
  auto coefficient = [&](const char* met) {
    const int m = gem.metabolite_index(met);
    for (const auto& [index, value] : pgk.stoichiometry) {
      if (index == m) return value;
    }
    return 0.0;
  };
  EXPECT_EQ(coefficient("M_3pg_c"), -1.0);
  EXPECT_EQ(coefficient("M_atp_c"), -1.0);
  EXPECT_EQ(coefficient("M_13dpg_c"), 1.0);
  EXPECT_EQ(coefficient("M_adp_c"), 1.0);
  const minn::Metabolite& glc_e = gem.metabolites[static_cast<std::size_t>(gem.metabolite_index("M_glc__D_e"))];
  EXPECT_EQ(glc_e.name, "D-Glucose");
  EXPECT_EQ(glc_e.compartment, "e");
  EXPECT_EQ(glc_e.formula, "C6H12O6");
  EXPECT_TRUE(glc_e.has_charge);
  EXPECT_EQ(glc_e.charge, 0);
}

TEST(ReadBigg, EcoliCoreGprMatchesCobrapyText) {
  const minn::Gem& gem = ecoli_core();
  const minn::Reaction& atps = gem.reactions[static_cast<std::size_t>(gem.reaction_index("R_ATPS4r"))];
  ASSERT_TRUE(atps.gpr);
  // COBRApy's gene_reaction_rule, with the G_ prefix it strips kept (ids stay as written).
  EXPECT_EQ(atps.gpr->to_string(),
            "((G_b3736 and G_b3737 and G_b3738) and (G_b3731 and G_b3732 and G_b3733 and G_b3734 and G_b3735)) or "
            "((G_b3736 and G_b3737 and G_b3738) and (G_b3731 and G_b3732 and G_b3733 and G_b3734 and G_b3735) and "
            "G_b3739)");
  const minn::Reaction& pgk = gem.reactions[static_cast<std::size_t>(gem.reaction_index("R_PGK"))];
  ASSERT_TRUE(pgk.gpr);
  EXPECT_EQ(pgk.gpr->to_string(), "G_b2926");
  EXPECT_FALSE(gem.reactions[static_cast<std::size_t>(gem.reaction_index("R_ATPM"))].gpr);
  EXPECT_EQ(gem.genes[static_cast<std::size_t>(gem.gene_index("G_b1241"))].name, "adhE");
}

TEST(ReadBigg, EcoliCoreSplitCountAndOrder) {
  const minn::Gem split = minn::split_reversible(ecoli_core());
  ASSERT_EQ(split.reactions.size(), 142u);
  EXPECT_EQ(split.reversible_count(), 0);
  // CBMPy order: the 48 irreversible reactions in SBML order, then the _fwd/_rev pairs.
  EXPECT_EQ(split.reactions.front().id, "R_PFK");
  EXPECT_EQ(split.reactions[47].id, "R_PDH");
  EXPECT_EQ(split.reactions[48].id, "R_PGI_fwd");
  EXPECT_EQ(split.reactions[49].id, "R_PGI_rev");
  EXPECT_EQ(split.reactions.back().id, "R_O2t_rev");
}

TEST(ReadBigg, SourceSha256IsOfTheStoredBytes) {
  EXPECT_EQ(ecoli_core().source_sha256, minn::sha256_file_hex(kEcoliCore));
  EXPECT_EQ(ecoli_core().source_sha256.size(), 64u);
}

TEST(ReadBigg, Iaf1260CountsAndSplit) {
  const minn::Gem& gem = iaf1260();
  EXPECT_EQ(gem.reactions.size(), 2382u);    // paper Table 1
  EXPECT_EQ(gem.metabolites.size(), 1668u);  // COBRApy
  EXPECT_EQ(gem.genes.size(), 1261u);        // COBRApy
  EXPECT_EQ(gem.stoichiometry_nonzeros(), 9231u);
  EXPECT_EQ(gem.exchange_reactions().size(), 304u);
  const std::vector<int> objective = gem.objective_reactions();
  ASSERT_EQ(objective.size(), 1u);
  EXPECT_EQ(gem.reactions[static_cast<std::size_t>(objective[0])].id, "R_BIOMASS_Ec_iAF1260_core_59p81M");
  const minn::Gem split = minn::split_reversible(gem);
  EXPECT_EQ(split.reactions.size(), 2957u);  // paper Table 1
  EXPECT_EQ(split.reactions.front().id, "R_ACGAM1PPpp");
  EXPECT_EQ(split.reactions[2382 - 575 - 1].id, "R_UPP3S");
  EXPECT_EQ(split.reactions[2382 - 575].id, "R_3OAR180_fwd");
  EXPECT_EQ(split.reactions.back().id, "R_UMPtex_rev");
}

}  // namespace
