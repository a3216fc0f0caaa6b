// FBA-fit projection and the flux metrics, against hand computations; the e_coli_core fit of the
// Ishii fluxes must lie in the feasible space.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "common/error.hpp"
#include "data/ishii_dataset.hpp"
#include "lp/fit_projection.hpp"
#include "lp/flux_scores.hpp"
#include "sbml/sbml_reader.hpp"
#include "toy_gem.hpp"

namespace minn {
namespace {

TEST(FitProjection, ToyCoupledFluxesByHand) {
  // BIO = -EX_A: min (EX_A + 3)^2 + (BIO - 5)^2 with EX_A = -b, BIO = b -> (3 - b)^2 + (b - 5)^2,
  // minimal at b = 4, distance sqrt(2).
  const Gem g = test::toy_gem();
  FitProjector fp(g, {test::kExA, test::kBio});
  const FitProjection p = fp.project({-3.0, 5.0}, "toy");
  EXPECT_NEAR(p.fluxes[test::kBio], 4.0, 1e-7);
  EXPECT_NEAR(p.fluxes[test::kExA], -4.0, 1e-7);
  EXPECT_NEAR(p.distance, std::sqrt(2.0), 1e-7);
  EXPECT_LE(p.optimality_gap, 1e-7);
}

TEST(FitProjection, ToyBoundActiveByHand) {
  // BIO <= 10 (uptake limit), R1 unconstrained by it: R1 = 7 exactly, BIO = 10, distance 10.
  const Gem g = test::toy_gem();
  FitProjector fp(g, {test::kR1, test::kBio});
  const FitProjection p = fp.project({7.0, 20.0}, "toy");
  EXPECT_NEAR(p.fluxes[test::kR1], 7.0, 1e-7);
  EXPECT_NEAR(p.fluxes[test::kBio], 10.0, 1e-7);
  EXPECT_NEAR(p.distance, 10.0, 1e-7);
  EXPECT_LE(p.max_balance_residual, 1e-9);
}

TEST(FitProjection, BadTargetsAreErrors) {
  const Gem g = test::toy_gem();
  FitProjector fp(g, {test::kR1});
  EXPECT_THROW(fp.project({1.0, 2.0}, "toy"), Error);
  EXPECT_THROW(fp.project({std::nan("")}, "toy"), Error);
  EXPECT_THROW(FitProjector(g, {test::kR1, test::kR1}), Error);
}

TEST(FitProjection, EColiCoreIshiiProjectionsAreFeasible) {
  const Gem split = split_reversible(read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz"));
  const Dataset ds = load_ishii(std::string(MINN_MODELS_DIR) + "/ishii", split);
  FitProjector fp(split, ds.target_reactions);
  for (Eigen::Index e = 0; e < static_cast<Eigen::Index>(ds.experiments.size()); ++e) {
    std::vector<double> t(static_cast<std::size_t>(ds.targets.cols()));
    double norm = 0.0;
    for (std::size_t k = 0; k < t.size(); ++k) {
      t[k] = ds.targets(e, static_cast<Eigen::Index>(k));
      norm += t[k] * t[k];
    }
    const FitProjection p = fp.project(t, ds.experiments[e]);
    EXPECT_LE(p.max_balance_residual, 1e-7) << ds.experiments[e];
    EXPECT_LE(p.max_bound_violation, 1e-7) << ds.experiments[e];
    EXPECT_LE(p.optimality_gap, 1e-5) << ds.experiments[e];
    EXPECT_EQ(p.max_balance_residual, balance_residual(split, p.fluxes));
    EXPECT_LT(p.distance, std::sqrt(norm)) << ds.experiments[e];  // it did move towards the data
  }
}

TEST(FluxScores, ByHand) {
  // t = (1, 2, 3), p = (2, 2, 2): errors (-1, 0, 1) -> MAE 2/3, RMSE sqrt(2/3),
  // NE sqrt(2)/sqrt(14); p is constant -> R^2 reported as 0.
  FluxScore s = score_fluxes({1, 2, 3}, {2, 2, 2}, true);
  EXPECT_NEAR(s.mae, 2.0 / 3.0, 1e-12);
  EXPECT_NEAR(s.rmse, std::sqrt(2.0 / 3.0), 1e-12);
  EXPECT_NEAR(s.ne, std::sqrt(2.0 / 14.0), 1e-12);
  EXPECT_EQ(s.r2, 0.0);
  // p = (1, 3, 2): Pearson r = 0.5 -> R^2 0.25. Clipping: p = (-1, 2, 3) -> (0, 2, 3), MAE 1/3.
  EXPECT_NEAR(score_fluxes({1, 2, 3}, {1, 3, 2}, false).r2, 0.25, 1e-12);
  EXPECT_NEAR(score_fluxes({1, 2, 3}, {-1, 2, 3}, true).mae, 1.0 / 3.0, 1e-12);
  EXPECT_NEAR(score_fluxes({1, 2, 3}, {-1, 2, 3}, false).mae, 2.0 / 3.0, 1e-12);
  const FluxScoreSummary sum = summarize_scores({{1, 1, 1, 1}, {0, 3, 3, 3}});
  EXPECT_NEAR(sum.mean.r2, 0.5, 1e-12);
  EXPECT_NEAR(sum.sd.mae, 1.0, 1e-12);  // population SD of (1, 3)
  EXPECT_THROW(score_fluxes({1, 2}, {1}, true), Error);
}

}  // namespace
}  // namespace minn
