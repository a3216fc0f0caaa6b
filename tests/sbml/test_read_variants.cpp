// The other SBML flavours: FBC v1, Level 2 COBRA style, non-strict FBC v2 with unusual prefixes.
// Expected bounds, stoichiometry, objectives and GPRs are COBRApy 0.26.2's reading of the same
// files (cobra.io.read_sbml_model), except where noted: minn reads notes GPRs also in FBC v1 files
// (COBRApy drops them after its v1->v2 conversion) and leaves boundary species out of S (COBRApy
// adds an exchange reaction for each instead).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"

namespace {

std::string valid(const std::string& name) { return std::string(MINN_TEST_DATA_DIR) + "/sbml/valid/" + name; }

const minn::Reaction& reaction(const minn::Gem& gem, const std::string& id) {
  const int i = gem.reaction_index(id);
  if (i < 0) throw std::runtime_error("no reaction " + id);
  return gem.reactions[static_cast<std::size_t>(i)];
}

double coefficient(const minn::Gem& gem, const std::string& reaction_id, const std::string& metabolite_id) {
  const int m = gem.metabolite_index(metabolite_id);
  for (const auto& [index, value] : reaction(gem, reaction_id).stoichiometry) {
    if (index == m) return value;
  }
  return 0.0;
}

bool has_warning(const minn::Diagnostics& d, const std::string& text) {
  return std::any_of(d.warnings.begin(), d.warnings.end(),
                     [&](const std::string& w) { return w.find(text) != std::string::npos; });
}

TEST(ReadVariants, FbcVersion1) {
  minn::Diagnostics d;
  const minn::Gem gem = minn::read_sbml(valid("fbc1_notes_gpr.xml"), &d);
  EXPECT_EQ(gem.id, "fbc1_toy");
  ASSERT_EQ(gem.reactions.size(), 4u);
  EXPECT_EQ(gem.metabolites.size(), 3u);
  EXPECT_EQ(reaction(gem, "R_EX_a_e").lower_bound, -10.0);
  EXPECT_EQ(reaction(gem, "R_EX_a_e").upper_bound, minn::kInfinity);
  EXPECT_EQ(reaction(gem, "R_Atex").lower_bound, -minn::kInfinity);
  EXPECT_EQ(reaction(gem, "R_Atex").upper_bound, 1000.0);
  EXPECT_EQ(reaction(gem, "R_AB").upper_bound, 50.0);
  EXPECT_EQ(reaction(gem, "R_DM_b").lower_bound, 2.5);
  EXPECT_EQ(reaction(gem, "R_DM_b").upper_bound, 2.5);
  EXPECT_EQ(coefficient(gem, "R_AB", "M_a_c"), -2.0);
  EXPECT_EQ(reaction(gem, "R_AB").objective_coefficient, 1.0);
  EXPECT_EQ(reaction(gem, "R_Atex").subsystem, "Transport");
  ASSERT_TRUE(reaction(gem, "R_Atex").gpr);
  EXPECT_EQ(reaction(gem, "R_Atex").gpr->to_string(), "b0001 or b0002");
  EXPECT_EQ(reaction(gem, "R_AB").gpr->to_string(), "(b0003 and b0004) or b0005");
  EXPECT_EQ(gem.genes.size(), 5u);
  const minn::Metabolite& a = gem.metabolites[static_cast<std::size_t>(gem.metabolite_index("M_a_e"))];
  EXPECT_EQ(a.charge, -1);
  EXPECT_EQ(a.formula, "C2H3O2");
  EXPECT_TRUE(has_warning(d, "fbc version 1"));
}

TEST(ReadVariants, CobraLevel2) {
  minn::Diagnostics d;
  const minn::Gem gem = minn::read_sbml(valid("cobra_level2.xml"), &d);
  ASSERT_EQ(gem.reactions.size(), 4u);
  EXPECT_EQ(gem.metabolites.size(), 4u);  // M_glc_b is a boundary species
  EXPECT_EQ(gem.metabolite_index("M_glc_b"), -1);
  const minn::Reaction& ex = reaction(gem, "R_EX_glc");
  EXPECT_EQ(ex.lower_bound, -10.0);
  EXPECT_EQ(ex.upper_bound, minn::kInfinity);
  EXPECT_TRUE(ex.reversible);
  ASSERT_EQ(ex.stoichiometry.size(), 1u);  // the boundary species has no row in S
  EXPECT_EQ(coefficient(gem, "R_EX_glc", "M_glc_e"), -1.0);
  // Level 2 defaults: reversible="true", stoichiometry 1; duplicate reagents summed (0.5 + 0.5).
  const minn::Reaction& t = reaction(gem, "R_GLCt");
  EXPECT_TRUE(t.reversible);
  EXPECT_EQ(coefficient(gem, "R_GLCt", "M_glc_e"), -1.0);
  EXPECT_EQ(coefficient(gem, "R_GLCt", "M_atp_c"), -1.0);
  EXPECT_EQ(coefficient(gem, "R_GLCt", "M_glc_c"), 1.0);
  EXPECT_EQ(t.stoichiometry.size(), 4u);
  ASSERT_TRUE(t.gpr);
  EXPECT_EQ(t.gpr->to_string(), "(b1101 and b2417) or b1621");
  EXPECT_EQ(t.subsystem, "Transport, Extracellular");
  EXPECT_FALSE(reaction(gem, "R_USE").gpr);  // "GENE_ASSOCIATION: " is empty
  EXPECT_EQ(reaction(gem, "R_USE").objective_coefficient, 1.0);
  EXPECT_EQ(gem.objective_reactions().size(), 1u);
  EXPECT_EQ(reaction(gem, "R_NOBOUNDS").lower_bound, -1000.0);
  EXPECT_EQ(reaction(gem, "R_NOBOUNDS").upper_bound, 1000.0);
  EXPECT_EQ(gem.genes.size(), 3u);
  const minn::Metabolite& glc_e = gem.metabolites[static_cast<std::size_t>(gem.metabolite_index("M_glc_e"))];
  EXPECT_EQ(glc_e.formula, "C6H12O6");
  EXPECT_TRUE(glc_e.has_charge);
  const minn::Metabolite& glc_c = gem.metabolites[static_cast<std::size_t>(gem.metabolite_index("M_glc_c"))];
  EXPECT_EQ(glc_c.charge, -1);  // the charge attribute, and the formula from the notes
  EXPECT_EQ(glc_c.formula, "C6H11O6");
  EXPECT_TRUE(has_warning(d, "does not contain SBML fbc package"));
  EXPECT_TRUE(has_warning(d, "boundary species"));
  EXPECT_TRUE(has_warning(d, "1 reactions (first 'R_NOBOUNDS') lack a flux bound"));
  EXPECT_TRUE(has_warning(d, "kineticLaw"));
}

TEST(ReadVariants, PrefixesResolvedFromDeclarationsNonStrict) {
  minn::Diagnostics d;
  const minn::Gem gem = minn::read_sbml(valid("fbc2_prefixes_nonstrict.xml"), &d);
  ASSERT_EQ(gem.reactions.size(), 3u);
  EXPECT_EQ(gem.metabolites.size(), 2u);
  EXPECT_EQ(reaction(gem, "R_in").lower_bound, -minn::kInfinity);
  EXPECT_EQ(reaction(gem, "R_in").upper_bound, 5.0);
  EXPECT_EQ(reaction(gem, "R_xy").upper_bound, 1000.0);  // missing: COBRApy's default
  EXPECT_EQ(reaction(gem, "R_out").upper_bound, minn::kInfinity);
  EXPECT_FALSE(gem.objective_maximize);
  EXPECT_EQ(reaction(gem, "R_in").objective_coefficient, 2.0);
  EXPECT_EQ(reaction(gem, "R_out").objective_coefficient, 0.0);  // not the active objective
  ASSERT_TRUE(reaction(gem, "R_in").gpr);
  EXPECT_EQ(reaction(gem, "R_in").gpr->to_string(), "G_1 or (G_2 and G_3)");
  EXPECT_FALSE(reaction(gem, "R_xy").gpr);  // the "flux:" inside the annotation is another namespace
  ASSERT_EQ(gem.genes.size(), 3u);
  EXPECT_EQ(gem.genes[0].name, "one");
  EXPECT_EQ(gem.genes[1].name, "g2");  // no fbc:name: the label
  EXPECT_TRUE(has_warning(d, "fbc:strict=\"false\""));
  EXPECT_TRUE(has_warning(d, "lack a flux bound"));
}

}  // namespace
