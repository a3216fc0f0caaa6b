// FBA, pFBA, FVA and knockouts on the hand-solved toy GEM (numbers derived in toy_gem.hpp).
#include <gtest/gtest.h>

#include <string>

#include "common/error.hpp"
#include "lp/coupled_columns.hpp"
#include "lp/fba.hpp"
#include "lp/fva.hpp"
#include "lp/knockout.hpp"
#include "toy_gem.hpp"

namespace minn {
namespace {

using test::kBio;
using test::kExA;
using test::kR1;
using test::kR2;
using test::kR5;

TEST(ToyLp, FbaMaximisesBiomass) {
  const FbaSolution s = fba(test::toy_gem());
  EXPECT_NEAR(s.objective, 10.0, 1e-9);
  EXPECT_NEAR(s.fluxes[kBio], 10.0, 1e-9);
  EXPECT_NEAR(s.fluxes[kExA], -10.0, 1e-9);
}

TEST(ToyLp, PfbaMinimisesTotalAbsoluteFlux) {
  const PfbaSolution s = pfba(test::toy_gem());
  EXPECT_NEAR(s.objective, 10.0, 1e-9);
  EXPECT_NEAR(s.total_flux, 30.0, 1e-9);
  EXPECT_NEAR(s.fluxes[kR5], 0.0, 1e-9);
  EXPECT_NEAR(s.fluxes[kR1] + s.fluxes[kR2], 10.0, 1e-9);
}

TEST(ToyLp, PfbaAtHalfTheOptimum) {
  // BIO >= 5; the least total flux takes exactly BIO = 5: 5 + 5 + 5.
  const PfbaSolution s = pfba(test::toy_gem(), 0.5);
  EXPECT_NEAR(s.objective, 5.0, 1e-9);
  EXPECT_NEAR(s.total_flux, 15.0, 1e-9);
}

TEST(ToyLp, FvaAtFullOptimum) {
  for (int threads : {1, 2}) {
    FvaOptions o;
    o.threads = threads;
    const FvaResult r = fva(test::toy_gem(), o);
    ASSERT_EQ(r.reactions.size(), 5u);
    EXPECT_NEAR(r.optimum, 10.0, 1e-9);
    EXPECT_NEAR(r.minimum[kExA], -10.0, 1e-9);
    EXPECT_NEAR(r.maximum[kExA], -10.0, 1e-9);
    EXPECT_NEAR(r.minimum[kBio], 10.0, 1e-9);
    EXPECT_NEAR(r.maximum[kBio], 10.0, 1e-9);
    for (int j : {kR1, kR2, kR5}) {
      EXPECT_NEAR(r.minimum[j], 0.0, 1e-9) << j;
      EXPECT_NEAR(r.maximum[j], 1000.0, 1e-9) << j;
    }
  }
}

TEST(ToyLp, FvaAtFractionsZeroAndHalf) {
  FvaOptions o;
  o.fraction_of_optimum = 0.0;
  FvaResult r = fva(test::toy_gem(), o);
  EXPECT_NEAR(r.minimum[kExA], -10.0, 1e-9);
  EXPECT_NEAR(r.maximum[kExA], 0.0, 1e-9);
  EXPECT_NEAR(r.minimum[kBio], 0.0, 1e-9);
  EXPECT_NEAR(r.maximum[kBio], 10.0, 1e-9);
  o.fraction_of_optimum = 0.5;
  r = fva(test::toy_gem(), o);
  EXPECT_NEAR(r.maximum[kExA], -5.0, 1e-9);
  EXPECT_NEAR(r.minimum[kBio], 5.0, 1e-9);
}

TEST(ToyLp, FvaOfChosenReactionsAndProgress) {
  FvaOptions o;
  o.reactions = {kBio, kExA};
  int calls = 0, last_done = 0;
  o.progress = [&](int done, int total) {
    ++calls;
    last_done = done;
    EXPECT_EQ(total, 2);
  };
  const FvaResult r = fva(test::toy_gem(), o);
  ASSERT_EQ(r.reactions, (std::vector<int>{kBio, kExA}));
  EXPECT_NEAR(r.minimum[0], 10.0, 1e-9);
  EXPECT_NEAR(r.maximum[1], -10.0, 1e-9);
  EXPECT_EQ(calls, 2);
  EXPECT_EQ(last_done, 2);
}

TEST(ToyLp, KnockoutsFollowTheGpr) {
  const Gem g = test::toy_gem();
  EXPECT_NEAR(fba(g, knockout_changes(g, {"g1"})).objective, 10.0, 1e-9);
  EXPECT_NEAR(fba(g, knockout_changes(g, {"g1", "g2"})).objective, 0.0, 1e-9);
  const auto deletions = single_gene_deletions(g);
  ASSERT_EQ(deletions.size(), 3u);
  EXPECT_EQ(deletions[2].gene, "g3");
  EXPECT_NEAR(deletions[0].growth, 10.0, 1e-9);
  EXPECT_NEAR(deletions[1].growth, 10.0, 1e-9);
  EXPECT_NEAR(deletions[2].growth, 0.0, 1e-9);
}

TEST(ToyLp, UnknownGeneIsAnError) {
  const Gem g = test::toy_gem();
  try {
    knockout_changes(g, {"g9"});
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'g9'"), std::string::npos) << e.what();
  }
}

TEST(ToyLp, InfeasibleSolveNamesModelAndStatus) {
  Gem g = test::toy_gem();
  g.reactions[kBio].lower_bound = 20.0;  // needs 20 units of A, only 10 can enter
  try {
    fba(g);
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("'toy'"), std::string::npos) << m;
    EXPECT_NE(m.find("primal infeasible"), std::string::npos) << m;
  }
}

TEST(ToyLp, UnboundedSolveNamesModelAndStatus) {
  Gem g = test::toy_gem();
  g.reactions[kExA].lower_bound = -kInfinity;
  g.reactions[kBio].upper_bound = kInfinity;
  g.reactions[kR1].upper_bound = kInfinity;  // now nothing limits BIO = R1 + R2 - R5
  try {
    fba(g);
    FAIL() << "no error";
  } catch (const Error& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("'toy'"), std::string::npos) << m;
    EXPECT_NE(m.find("unbounded"), std::string::npos) << m;
  }
}

TEST(ToyLp, BadBoundsAndMetaboliteIndexAreErrors) {
  Gem g = test::toy_gem();
  g.reactions[kR1].lower_bound = 5.0;
  g.reactions[kR1].upper_bound = 1.0;
  EXPECT_THROW(fba(g), Error);
  Gem h = test::toy_gem();
  h.reactions[kR2].stoichiometry.push_back({7, 1.0});
  try {
    fba(h);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("R_R2"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace minn

namespace minn {
namespace {

// A linear pathway: EX_A: A <=> [-10, 1000]; T: A -> B; U: 2 B -> C [0, 4]; BIO: C -> (objective).
// Every metabolite links exactly two reactions, so all four are one coupled column:
// T = 2 U, BIO = U, EX_A = -T. By hand: max BIO = 4 (U <= 4; T = 8 needs only 8 of the 10 A).
Gem chain_gem() {
  Gem g;
  g.id = "chain";
  for (const char* id : {"M_A", "M_B", "M_C"}) g.metabolites.push_back({id, "", "c", "", 0, false});
  g.reactions.push_back(test::toy_reaction("R_EX_A", {{0, -1.0}}, -10.0, 1000.0));
  g.reactions.push_back(test::toy_reaction("R_T", {{0, -1.0}, {1, 1.0}}, 0.0, 1000.0));
  g.reactions.push_back(test::toy_reaction("R_U", {{1, -2.0}, {2, 1.0}}, 0.0, 4.0));
  g.reactions.push_back(test::toy_reaction("R_BIO", {{2, -1.0}}, 0.0, 1000.0));
  g.reactions.back().objective_coefficient = 1.0;
  return g;
}

TEST(CoupledColumns, LinearPathwayIsOneColumn) {
  const CoupledColumns c = merge_coupled_reactions(chain_gem());
  ASSERT_EQ(c.lp_gem.reactions.size(), 1u);
  const int col = c.column[3];
  for (int j = 0; j < 4; ++j) EXPECT_EQ(c.column[j], col);
  // Ratios to BIO by hand: EX_A = -2 BIO, T = 2 BIO, U = BIO.
  EXPECT_NEAR(c.factor[0] / c.factor[3], -2.0, 1e-15);
  EXPECT_NEAR(c.factor[1] / c.factor[3], 2.0, 1e-15);
  EXPECT_NEAR(c.factor[2] / c.factor[3], 1.0, 1e-15);
}

TEST(CoupledColumns, FvaThroughMergedColumnsByHand) {
  FvaOptions o;
  o.fraction_of_optimum = 0.0;
  const FvaResult r = fva(chain_gem(), o);
  EXPECT_EQ(r.lp_columns, 1);
  EXPECT_NEAR(r.optimum, 4.0, 1e-9);
  EXPECT_NEAR(r.minimum[0], -8.0, 1e-9);
  EXPECT_NEAR(r.maximum[0], 0.0, 1e-9);
  EXPECT_NEAR(r.maximum[1], 8.0, 1e-9);
  EXPECT_NEAR(r.maximum[2], 4.0, 1e-9);
  EXPECT_NEAR(r.maximum[3], 4.0, 1e-9);
  EXPECT_NEAR(r.minimum[3], 0.0, 1e-9);
}

TEST(CoupledColumns, ContradictoryCoupledBoundsAreAnInfeasibilityError) {
  Gem g = chain_gem();
  g.reactions[2].lower_bound = 6.0;  // U >= 6 needs EX_A <= -12, below its bound -10
  g.reactions[2].upper_bound = 7.0;
  try {
    fva(g);
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("infeasible"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace minn
