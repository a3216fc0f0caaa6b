// SLOW (about 10-30 s): iAF1260 against COBRApy (FBA; the FVA-reduced reaction set = the reactions
// COBRApy's FVA at fraction 0 finds unblocked), the FBA-fit projection of two Ishii experiments against the project's
// fit file, and the pFBA predictor against the paper's pFBA row.
#include <gtest/gtest.h>

#include <cmath>
#include <set>
#include <string>

#include "data/csv_table.hpp"
#include "data/ishii_dataset.hpp"
#include "lp/fba.hpp"
#include "lp/fit_projection.hpp"
#include "lp/fva.hpp"
#include "lp/pfba_predictor.hpp"
#include "lp/reduce.hpp"
#include "reference_csv.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn {
namespace {

const Gem& iaf() {
  static const Gem gem = read_sbml(std::string(MINN_MODELS_DIR) + "/gems/iAF1260.xml.gz");
  return gem;
}

TEST(IAF1260Slow, FbaObjectiveMatchesCobrapy) {
  const double expected = test::reference_value("iAF1260", "fba_objective");
  EXPECT_NEAR(expected, 0.736700939, 1e-9);  // the number
  EXPECT_NEAR(fba(iaf()).objective, expected, 1e-6);
}

TEST(IAF1260Slow, FvaReductionKeepsExactlyCobrapysUnblockedReactions) {
  // COBRApy FVA at fraction 0: a reaction is blocked when max(|min|, |max|) <= 1e-9.
  const auto rows = test::read_reference_csv("iAF1260_fva_f0.csv");
  std::set<std::string> unblocked;
  for (const auto& row : rows) {
    const double lo = std::stod(row.at("min_f0")), hi = std::stod(row.at("max_f0"));
    if (std::max(std::fabs(lo), std::fabs(hi)) > 1e-9) unblocked.insert(row.at("reaction"));
  }
  EXPECT_EQ(rows.size() - unblocked.size(),
            static_cast<std::size_t>(test::reference_value("iAF1260", "fva_f0_blocked_reactions_1e-9")));
  const Reduction red = fva_reduce(iaf());
  std::set<std::string> kept;
  for (const Reaction& r : red.reduced.reactions) kept.insert(r.id);
  EXPECT_EQ(kept, unblocked);
  EXPECT_EQ(red.split_size, static_cast<int>(split_reversible(red.reduced).reactions.size()));
  EXPECT_EQ(red.split_size, 1873);  // the paper's FVA-reduced iAF1260 after splitting
}

TEST(IAF1260Slow, FitIsFeasibleAndCloserThanTheFitFile) {
  const Gem split = split_reversible(iaf());
  const std::string dir = std::string(MINN_MODELS_DIR) + "/ishii";
  const Dataset ds = load_ishii(dir, split);
  const CsvTable file = read_csv(dir + "/fluxomics_iAF1260_reduced_split_fit.csv");
  FitProjector fp(split, ds.target_reactions);
  for (Eigen::Index e : {0, 8}) {  // REF and pgi
    std::vector<double> t(static_cast<std::size_t>(ds.targets.cols()));
    double file_sq = 0.0;
    for (std::size_t k = 0; k < t.size(); ++k) {
      t[k] = ds.targets(e, static_cast<Eigen::Index>(k));
      const double x = file.number(static_cast<std::size_t>(e), file.column(ds.target_ids[k])) - t[k];
      file_sq += x * x;
    }
    const FitProjection p = fp.project(t, ds.experiments[e]);
    EXPECT_LE(p.max_balance_residual, 1e-7);
    EXPECT_LE(p.max_bound_violation, 1e-7);
    EXPECT_LE(p.distance, std::sqrt(file_sq)) << ds.experiments[e];
  }
}

TEST(IAF1260Slow, PfbaPredictorReproducesThePapersPfbaRow) {
  const PfbaPredictorReport r = predict_ishii_with_pfba(iaf(), std::string(MINN_MODELS_DIR) + "/ishii");
  ASSERT_EQ(r.experiments.size(), 29u);
  EXPECT_EQ(r.scored_ids.size(), 45u);
  // Paper (Gonçalves et al., signed convention): R2 0.823, MAE 0.692, RMSE 1.058, NE 0.381.
  EXPECT_NEAR(r.signed_convention.mean.r2, 0.823, 0.005);
  EXPECT_NEAR(r.signed_convention.mean.mae, 0.692, 0.005);
  EXPECT_NEAR(r.signed_convention.mean.rmse, 1.058, 0.005);
  EXPECT_NEAR(r.signed_convention.mean.ne, 0.381, 0.005);
}

}  // namespace
}  // namespace minn
