// FVA- and FBA-reduced GEMs on e_coli_core: what is kept agrees with COBRApy's FVA (reference
// data); the FBA reduction is seeded and reproducible.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "common/error.hpp"
#include "lp/fba.hpp"
#include "lp/reduce.hpp"
#include "reference_csv.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn {
namespace {

const Gem& core() {
  static const Gem gem = read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz");
  return gem;
}

// 40 seeded pFBA samples, glucose uptake in [1, 10].
FbaReduceOptions pfba_samples() {
  FbaReduceOptions o;
  o.solutions = 40;
  o.seed = 3;
  o.glucose_uptake_min = 1.0;
  o.glucose_uptake_max = 10.0;
  o.parsimonious = true;
  return o;
}

TEST(Reduce, FvaReductionKeepsExactlyCobrapysUnblockedReactions) {
  std::set<std::string> unblocked;
  for (const auto& row : test::read_reference_csv("e_coli_core_fva.csv")) {
    if (std::max(std::fabs(std::stod(row.at("min_f0"))), std::fabs(std::stod(row.at("max_f0")))) > 1e-9) {
      unblocked.insert(row.at("reaction"));
    }
  }
  const Reduction red = fva_reduce(core());
  std::set<std::string> kept;
  for (const Reaction& r : red.reduced.reactions) kept.insert(r.id);
  EXPECT_EQ(kept, unblocked);
  EXPECT_EQ(red.kept.size() + red.removed.size(), core().reactions.size());
  EXPECT_EQ(red.split_size, static_cast<int>(split_reversible(red.reduced).reactions.size()));
  // The reduced model still grows as the full one (blocked reactions carry nothing).
  EXPECT_NEAR(fba(red.reduced).objective, fba(core()).objective, 1e-9);
  EXPECT_NE(red.json.find("\"reactions_kept\": " + std::to_string(red.kept.size())), std::string::npos);
}

TEST(Reduce, FbaReductionIsSeededAndInsideTheUnblockedSet) {
  FbaReduceOptions o;
  o.solutions = 60;
  o.seed = 7;
  o.glucose_uptake_min = 1.0;
  o.glucose_uptake_max = 10.0;
  const Reduction a = fba_reduce(core(), o);
  const Reduction b = fba_reduce(core(), o);
  EXPECT_EQ(a.kept, b.kept);
  EXPECT_EQ(a.json, b.json);
  const Reduction fva_red = fva_reduce(core());
  const std::set<int> unblocked(fva_red.kept.begin(), fva_red.kept.end());
  for (int j : a.kept) EXPECT_TRUE(unblocked.count(j)) << core().reactions[j].id;
  EXPECT_LT(a.kept.size(), fva_red.kept.size());  // FBA vertices use fewer reactions than FVA allows
  EXPECT_GT(a.kept.size(), 30u);                  // glycolysis, TCA, biomass, exchanges at least
  o.seed = 8;
  EXPECT_NE(fba_reduce(core(), o).json, a.json);
}

TEST(Reduce, ParsimoniousFbaReductionIsSeededAndInsideTheUnblockedSet) {
  const FbaReduceOptions o = pfba_samples();
  const Reduction lean = fba_reduce(core(), o);
  EXPECT_EQ(lean.json, fba_reduce(core(), o).json);
  const Reduction fva_red = fva_reduce(core());
  const std::set<int> unblocked(fva_red.kept.begin(), fva_red.kept.end());
  for (int j : lean.kept) EXPECT_TRUE(unblocked.count(j)) << core().reactions[j].id;
  EXPECT_NE(lean.json.find("\"solution_kind\": \"pfba\""), std::string::npos);
  // Every pFBA solution grows: the biomass reaction is kept.
  bool biomass = false;
  for (const Reaction& r : lean.reduced.reactions) biomass |= r.objective_coefficient != 0.0;
  EXPECT_TRUE(biomass);
}

TEST(Reduce, FbaReductionKeepsRequestedReactionsWithoutFlux) {
  FbaReduceOptions o = pfba_samples();
  auto has = [](const Reduction& red, const std::string& id) {
    for (const Reaction& r : red.reduced.reactions)
      if (r.id == id) return true;
    return false;
  };
  const Reduction lean = fba_reduce(core(), o);
  ASSERT_FALSE(has(lean, "R_ME2"));  // NADP malic enzyme: no pFBA optimum on glucose uses it
  o.keep = {"R_ME2"};
  const Reduction kept = fba_reduce(core(), o);
  EXPECT_TRUE(has(kept, "R_ME2"));
  EXPECT_EQ(kept.kept.size(), lean.kept.size() + 1);
  EXPECT_NE(kept.json.find("\"kept_without_flux_on_request\": [\"R_ME2\"]"), std::string::npos) << kept.json;
  o.keep = {"R_NOPE"};
  try {
    fba_reduce(core(), o);
    FAIL() << "an unknown reaction to keep must be an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("reaction 'R_NOPE' to keep is not in the model"), std::string::npos)
        << e.what();
  }
}

TEST(Reduce, FbaReductionRejectsBadOptions) {
  FbaReduceOptions o;
  o.glucose_exchange = "R_EX_nothing";
  o.glucose_uptake_max = 5;
  EXPECT_THROW(fba_reduce(core(), o), Error);
  o.glucose_exchange = "R_EX_glc__D_e";
  o.glucose_uptake_min = 6;
  EXPECT_THROW(fba_reduce(core(), o), Error);
}

}  // namespace
}  // namespace minn
