// The safe refinement step: the heavy-ball transient bound, lambda_max by power iteration
// against a dense eigen-solver, and no growth of ||S V|| from random V0 (|V0| <= 1000).
#include <gtest/gtest.h>

#include <Eigen/Eigenvalues>
#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "random_gem.hpp"
#include "train/refinement.hpp"
#include "train/step_size.hpp"

namespace minn::train {
namespace {

TEST(HeavyBallSafeMu, EqualsTheFirstOvershootOfTheSecondStep) {
  // p_2(mu) = (1-mu)^2 - beta mu; p_2 = -1 at mu = ((2+beta) - sqrt((2+beta)^2 - 8)) / 2
  // (hand derivation; for beta = 0.9 that is 1.1298...). Later steps overshoot less.
  const double beta = 0.9;
  const double expected = ((2 + beta) - std::sqrt((2 + beta) * (2 + beta) - 8)) / 2;
  const double grid = 2 * (1 + beta) / 200000;
  EXPECT_NEAR(heavy_ball_safe_mu(beta, 8), expected, grid);
  EXPECT_NEAR(heavy_ball_safe_mu(beta, 50), expected, grid);
  // One step is plain gradient descent: |1 - mu| <= 1 up to mu = 2.
  EXPECT_NEAR(heavy_ball_safe_mu(beta, 1), 2.0, grid);
  // Without momentum p_k = (1 - mu)^k: safe up to mu = 2 for every K.
  EXPECT_NEAR(heavy_ball_safe_mu(0.0, 8), 2.0, 2.0 / 200000);
}

TEST(HeavyBallPeak, MatchesTheHandExpandedPolynomials) {
  // p_1 = 1 - mu, p_2 = (1 - mu)^2 - beta mu.
  EXPECT_DOUBLE_EQ(heavy_ball_peak(0.5, 0.9, 1), 0.5);
  EXPECT_NEAR(heavy_ball_peak(1.9, 0.9, 2), 0.9, 1e-15);  // max(|-0.9|, |0.81 - 1.71|)
  EXPECT_GT(heavy_ball_peak(5.1, 0.9, 8), 1e3);           // the paper's eta on e_coli_core: diverges
}

TEST(LambdaMax, AgreesWithADenseEigenSolverOnRandomGems) {
  for (std::uint64_t seed : {11u, 12u, 13u}) {
    Rng rng(seed);
    Mechanics mech(testing::random_stoichiometry(15, 30, rng), {0}, {1});
    const Eigen::MatrixXd S = Eigen::MatrixXd(mech.S());
    const Eigen::MatrixXd A = (2.0 / S.rows()) * S.transpose() * S;
    const double reference = Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd>(A).eigenvalues().maxCoeff();
    EXPECT_NEAR(lambda_max_sts(mech), reference, 1e-8 * reference) << "seed " << seed;
  }
}

// ||S V_K|| <= ||S V_0|| for random V0 with |V0| <= 1000, with the full refinement gradient
// (steady state, positivity and bound terms).
void expect_no_growth(const Mechanics& mech, int steps, int draws, std::uint64_t seed) {
  const StepChoice step = choose_step_auto(mech, 0.9, steps);
  const HeavyBall hb{steps, step.eta, 0.9};
  Rng rng(seed);
  Refiner refiner;
  Eigen::MatrixXd vin = Eigen::MatrixXd::Constant(mech.n_in(), draws, std::numeric_limits<double>::infinity());
  for (Eigen::Index b = 0; b < draws; b += 2) vin.col(b).setConstant(10.0);  // bounds active in half the draws
  const Eigen::MatrixXd V0 = Eigen::MatrixXd::NullaryExpr(mech.n(), draws, [&] { return rng.uniform(-1000.0, 1000.0); });
  Eigen::MatrixXd V;
  refiner.forward(mech, hb, V0, vin, V, false);
  for (Eigen::Index b = 0; b < draws; ++b) {
    const double before = (mech.S() * V0.col(b)).norm();
    const double after = (mech.S() * V.col(b)).norm();
    EXPECT_LE(after, before) << "draw " << b;
  }
}

TEST(AutoStep, NeverIncreasesTheSteadyStateResidualOnRandomGems) {
  for (std::uint64_t seed : {21u, 22u, 23u, 24u}) {
    Rng rng(seed);
    Mechanics mech(testing::random_stoichiometry(20, 45, rng), {3, 7}, {1, 2});
    for (int steps : {1, 2, 8, 30}) expect_no_growth(mech, steps, 40, seed);
  }
}

TEST(AutoStep, RecordsTheRuleAndStaysInsideTheStabilityRegion) {
  Rng rng(5);
  Mechanics mech(testing::random_stoichiometry(10, 20, rng), {0}, {1});
  const StepChoice step = choose_step_auto(mech, 0.9, 8);
  EXPECT_GT(step.eta, 0);
  EXPECT_LT(step.eta * step.lambda_max, 2 * (1 + 0.9));
  EXPECT_GE(step.lambda_bound, step.lambda_max + 2.0 / mech.n());
  EXPECT_FALSE(step.diverges);
  EXPECT_NE(step.rule.find("auto"), std::string::npos);
}

TEST(FixedStep, FlagsAStepOutsideTheStabilityRegion) {
  Rng rng(6);
  Mechanics mech(testing::random_stoichiometry(10, 20, rng), {0}, {1});
  const double lambda = lambda_max_sts(mech);
  EXPECT_TRUE(choose_step_fixed(mech, 3.9 / lambda, 0.9).diverges);
  EXPECT_FALSE(choose_step_fixed(mech, 3.7 / lambda, 0.9).diverges);
  EXPECT_THROW(choose_step_fixed(mech, -1.0, 0.9), Error);
}

}  // namespace
}  // namespace minn::train
