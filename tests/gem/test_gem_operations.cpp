// GEM operations on small hand-built models (expected values computed by hand) and on e_coli_core
// (knockout references from COBRApy 0.26.2: gene.knock_out(), then reactions with bounds (0, 0)).
#include <gtest/gtest.h>

#include <string>

#include "common/error.hpp"
#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"

namespace {

minn::Reaction reaction(const std::string& id, double lb, double ub, bool reversible,
                        std::vector<std::pair<int, double>> stoichiometry) {
  minn::Reaction r;
  r.id = id;
  r.lower_bound = lb;
  r.upper_bound = ub;
  r.reversible = reversible;
  r.stoichiometry = std::move(stoichiometry);
  return r;
}

minn::Gpr gene(const std::string& id) {
  minn::Gpr g;
  g.gene = id;
  return g;
}

minn::Gpr node(minn::Gpr::Kind kind, std::vector<minn::Gpr> children) {
  minn::Gpr g;
  g.kind = kind;
  g.children = std::move(children);
  return g;
}

// A: 2 metabolites, 4 reactions:  EX_a: a <=>   R1: a <=> b   R2: b -> a (irreversible)   R3: 2 b <=>
minn::Gem toy() {
  minn::Gem gem;
  gem.id = "toy";
  gem.metabolites = {{"a", "", "c", "", 0, false}, {"b", "", "c", "", 0, false}};
  gem.reactions.push_back(reaction("EX_a", -10, 5, true, {{0, -1.0}}));
  gem.reactions.push_back(reaction("R1", 2, 8, true, {{0, -1.0}, {1, 1.0}}));
  gem.reactions.push_back(reaction("R2", 0, 1000, false, {{1, -1.0}, {0, 1.0}}));
  gem.reactions.push_back(reaction("R3", -4, -1, true, {{1, -2.0}}));
  gem.reactions[2].objective_coefficient = 1.0;
  gem.reactions[1].objective_coefficient = 0.5;
  gem.genes = {{"g1", "one"}, {"g2", "two"}, {"g3", "three"}};
  gem.reactions[1].gpr = std::make_unique<minn::Gpr>(
      node(minn::Gpr::Kind::Or, {gene("g1"), gene("g2")}));  // isozymes
  gem.reactions[2].gpr = std::make_unique<minn::Gpr>(
      node(minn::Gpr::Kind::And, {gene("g1"), gene("g3")}));  // complex
  return gem;
}

TEST(Split, OrderBoundsAndColumns) {
  const minn::Gem split = minn::split_reversible(toy());
  ASSERT_EQ(split.reactions.size(), 7u);
  const char* ids[] = {"R2", "EX_a_fwd", "EX_a_rev", "R1_fwd", "R1_rev", "R3_fwd", "R3_rev"};
  // Hand-computed: fwd [max(lb,0), max(ub,0)], rev [max(-ub,0), max(-lb,0)].
  const double bounds[][2] = {{0, 1000}, {0, 5}, {0, 10}, {2, 8}, {0, 0}, {0, 0}, {1, 4}};
  for (std::size_t i = 0; i < 7; ++i) {
    EXPECT_EQ(split.reactions[i].id, ids[i]);
    EXPECT_EQ(split.reactions[i].lower_bound, bounds[i][0]) << ids[i];
    EXPECT_EQ(split.reactions[i].upper_bound, bounds[i][1]) << ids[i];
    EXPECT_FALSE(split.reactions[i].reversible);
  }
  EXPECT_EQ(split.reactions[3].stoichiometry, (std::vector<std::pair<int, double>>{{0, -1.0}, {1, 1.0}}));
  EXPECT_EQ(split.reactions[4].stoichiometry, (std::vector<std::pair<int, double>>{{0, 1.0}, {1, -1.0}}));
  EXPECT_EQ(split.reactions[3].objective_coefficient, 0.5);
  EXPECT_EQ(split.reactions[4].objective_coefficient, -0.5);
  ASSERT_TRUE(split.reactions[4].gpr);
  EXPECT_EQ(split.reactions[4].gpr->to_string(), "g1 or g2");
}

TEST(Stoichiometry, CompressedRowsByHand) {
  const minn::CsrMatrix s = toy().stoichiometry();
  EXPECT_EQ(s.rows, 2);
  EXPECT_EQ(s.cols, 4);
  // Row a: EX_a -1, R1 -1, R2 +1.  Row b: R1 +1, R2 -1, R3 -2.
  EXPECT_EQ(s.row_ptr, (std::vector<int>{0, 3, 6}));
  EXPECT_EQ(s.col_index, (std::vector<int>{0, 1, 2, 1, 2, 3}));
  EXPECT_EQ(s.values, (std::vector<double>{-1, -1, 1, 1, -1, -2}));
  EXPECT_EQ(toy().stoichiometry_nonzeros(), 6u);
}

TEST(Queries, IndicesExchangesObjective) {
  const minn::Gem gem = toy();
  EXPECT_EQ(gem.reaction_index("R3"), 3);
  EXPECT_EQ(gem.reaction_index("nope"), -1);
  EXPECT_EQ(gem.metabolite_index("b"), 1);
  EXPECT_EQ(gem.gene_index("g3"), 2);
  EXPECT_EQ(gem.exchange_reactions(), (std::vector<int>{0, 3}));
  EXPECT_EQ(gem.objective_reactions(), (std::vector<int>{1, 2}));
  EXPECT_EQ(gem.reversible_count(), 3);
}

TEST(Knockout, IsozymeDisablesNothingComplexDisables) {
  minn::Gem gem = toy();
  EXPECT_TRUE(minn::knock_out_genes(gem, {"g2"}).empty());  // R1 still has g1
  EXPECT_EQ(gem.reactions[1].lower_bound, 2.0);
  EXPECT_EQ(minn::knock_out_genes(gem, {"g3"}), std::vector<int>{2});  // R2 needs g1 and g3
  EXPECT_EQ(gem.reactions[2].lower_bound, 0.0);
  EXPECT_EQ(gem.reactions[2].upper_bound, 0.0);
  minn::Gem both = toy();
  EXPECT_EQ(minn::knock_out_genes(both, {"g1", "g2"}), (std::vector<int>{1, 2}));
  EXPECT_EQ(both.reactions[1].upper_bound, 0.0);
}

TEST(Knockout, UnknownGeneIsAnError) {
  minn::Gem gem = toy();
  try {
    minn::knock_out_genes(gem, {"g9"});
    FAIL() << "expected minn::Error";
  } catch (const minn::Error& e) {
    EXPECT_NE(std::string(e.what()).find("gene 'g9' is not in model 'toy'"), std::string::npos) << e.what();
  }
}

TEST(Knockout, EcoliCoreMatchesCobrapy) {
  const minn::Gem original = minn::read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz");
  auto disabled = [&](const std::vector<std::string>& genes) {
    minn::Gem gem = original;
    std::vector<std::string> ids;
    for (int i : minn::knock_out_genes(gem, genes)) ids.push_back(gem.reactions[static_cast<std::size_t>(i)].id);
    return ids;
  };
  // PFK = b3916 or b1723 (pfkA, pfkB): one isozyme alone disables nothing.
  EXPECT_TRUE(disabled({"b3916"}).empty());
  EXPECT_EQ(disabled({"b3916", "b1723"}), std::vector<std::string>{"R_PFK"});
  EXPECT_EQ(disabled({"G_b2926"}), std::vector<std::string>{"R_PGK"});
  EXPECT_EQ(disabled({"b3736"}), std::vector<std::string>{"R_ATPS4r"});  // a subunit of the complex
  EXPECT_TRUE(disabled({"b1241"}).empty());
  EXPECT_EQ(disabled({"pfkA", "pfkB"}), std::vector<std::string>{"R_PFK"});  // by gene name
}

TEST(Medium, UptakeBoundsFollowCobrapySemantics) {
  minn::Gem gem = toy();
  minn::set_medium(gem, {{"EX_a", 3.0}});
  EXPECT_EQ(gem.reactions[0].lower_bound, -3.0);  // a is a reactant: uptake is negative flux
  EXPECT_EQ(gem.reactions[0].upper_bound, 5.0);
  EXPECT_EQ(gem.reactions[3].lower_bound, 0.0);   // not in the medium: no uptake
  EXPECT_THROW(minn::set_medium(gem, {{"R1", 1.0}}), minn::Error);
  EXPECT_THROW(minn::set_medium(gem, {{"EX_a", -1.0}}), minn::Error);
}

TEST(Reaction, CopyIsDeep) {
  const minn::Gem gem = toy();
  minn::Reaction copy = gem.reactions[1];
  copy.gpr->children[0].gene = "changed";
  EXPECT_EQ(gem.reactions[1].gpr->to_string(), "g1 or g2");
  minn::Reaction assigned;
  assigned = gem.reactions[2];
  EXPECT_EQ(assigned.gpr->to_string(), "g1 and g3");
}

TEST(Gpr, ActiveAndText) {
  const minn::Gpr rule = node(minn::Gpr::Kind::Or,
                              {node(minn::Gpr::Kind::And, {gene("a"), gene("b")}), gene("c")});
  EXPECT_EQ(rule.to_string(), "(a and b) or c");
  EXPECT_TRUE(rule.active({}));
  EXPECT_TRUE(rule.active({"a"}));
  EXPECT_FALSE(rule.active({"a", "c"}));
  EXPECT_TRUE(rule.active({"c"}));
}

}  // namespace
