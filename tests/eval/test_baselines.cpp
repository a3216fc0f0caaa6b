// The baselines of `minnc cv` (eval/baselines.hpp) on hand-computed examples, and on the Ishii data
// through `minnc cv`'s own job: the uptake-scaled mean profile must give the NE 0.161 that was
// measured independently (issue 14, a spreadsheet-style computation), so the baselines and the
// MINNs are scored by the same code.
#include <gtest/gtest.h>

#include <cmath>

#include "common/error.hpp"
#include "eval/baselines.hpp"
#include "eval/cv_job.hpp"
#include "train/linear_base.hpp"
#include "train/ridge.hpp"
#include "train/scaler.hpp"

namespace minn::eval {
namespace {

// Three experiments, two inputs (row 1 = the glucose uptake), two measured fluxes.
BaselineProblem three_experiments() {
  BaselineProblem p;
  p.inputs.resize(2, 3);
  p.inputs << 5, 7, 9,  //
      1, 2, 4;
  p.targets.resize(2, 3);
  p.targets << 2, 6, 8,  //
      1, 1, 1;
  p.uptake_input = 1;
  p.metric_rows = {0, 1};
  p.folds = 2;
  return p;
}

TEST(Baselines, MeanProfileIsTheMeanOfTheTrainingRows) {
  const BaselineProblem p = three_experiments();
  const Eigen::MatrixXd out = fit_and_predict(BaselineKind::MeanProfile, p, {0, 1}, {2});
  EXPECT_DOUBLE_EQ(out(0, 0), 4.0);  // (2 + 6) / 2
  EXPECT_DOUBLE_EQ(out(1, 0), 1.0);
}

TEST(Baselines, ScaledProfileIsTheMeanYieldTimesTheHeldOutUptake) {
  const BaselineProblem p = three_experiments();
  // Yields of rows 0 and 1: flux 0: 2/1 = 2, 6/2 = 3 -> 2.5; flux 1: 1/1, 1/2 -> 0.75. Held-out uptake 4.
  const Eigen::MatrixXd out = fit_and_predict(BaselineKind::ScaledProfile, p, {0, 1}, {2});
  EXPECT_DOUBLE_EQ(out(0, 0), 10.0);
  EXPECT_DOUBLE_EQ(out(1, 0), 3.0);
}

TEST(Baselines, ScaledProfileRejectsANonPositiveTrainingUptake) {
  BaselineProblem p = three_experiments();
  p.inputs(1, 0) = 0;
  EXPECT_THROW(fit_and_predict(BaselineKind::ScaledProfile, p, {0, 1}, {2}), Error);
}

TEST(Baselines, RidgeTendsToTheScaledProfileUnderHeavyRegularisation) {
  const BaselineProblem p = three_experiments();
  const Eigen::MatrixXd heavy = fit_and_predict(BaselineKind::Ridge, p, {0, 1}, {2}, 1e12);
  EXPECT_NEAR(heavy(0, 0), 10.0, 1e-9);
  EXPECT_NEAR(heavy(1, 0), 3.0, 1e-9);
}

TEST(Baselines, RidgeInterpolatesALinearYieldWithoutRegularisation) {
  // One input, yields linear in it: y0 = 1 + x_scaled, exactly representable. Uptake row 1 = 2.
  BaselineProblem p;
  p.inputs.resize(2, 3);
  p.inputs << 0, 10, 5,  //
      2, 2, 2;
  p.targets.resize(1, 3);
  p.targets << 2, 4, 3;  // yields 1, 2, 1.5 at scaled inputs 0, 1, 0.5
  p.uptake_input = 1;
  p.metric_rows = {0};
  const Eigen::MatrixXd out = fit_and_predict(BaselineKind::Ridge, p, {0, 1}, {2}, 1e-12);
  EXPECT_NEAR(out(0, 0), 3.0, 1e-9);
}

TEST(Baselines, LeaveOneOutRunsEveryExperimentAndReportsTheChosenLambda) {
  BaselineProblem p = three_experiments();
  std::vector<double> lambdas;
  const std::vector<OuterResult> r = run_baseline(BaselineKind::Ridge, p, {0, 1, 2}, &lambdas);
  ASSERT_EQ(r.size(), 3u);
  ASSERT_EQ(lambdas.size(), 3u);
  for (std::size_t k = 0; k < r.size(); ++k) {
    EXPECT_EQ(r[k].experiment, static_cast<int>(k));
    EXPECT_EQ(r[k].measured.size(), 2);
    EXPECT_TRUE(std::isfinite(r[k].validation_ne));
    const std::vector<double> grid = train::ridge_lambdas();
    EXPECT_NE(std::find(grid.begin(), grid.end(), lambdas[k]), grid.end());
  }
}

TEST(Baselines, RidgeLeaveOneOutUsesTheLambdaTheMinnBaseChooses) {
  BaselineProblem p = three_experiments();
  std::vector<double> lambdas;
  const std::vector<OuterResult> r = run_baseline(BaselineKind::RidgeLeaveOneOut, p, {0, 1, 2}, &lambdas);
  ASSERT_EQ(lambdas.size(), 3u);
  for (std::size_t k = 0; k < r.size(); ++k) {
    std::vector<int> rows;
    for (int e = 0; e < 3; ++e)
      if (e != static_cast<int>(k)) rows.push_back(e);
    Eigen::MatrixXd X(2, 2), T(2, 2);
    for (int j = 0; j < 2; ++j) {
      X.col(j) = p.inputs.col(rows[static_cast<std::size_t>(j)]);
      T.col(j) = p.targets.col(rows[static_cast<std::size_t>(j)]);
    }
    const Eigen::MatrixXd Xs = train::MinMaxScaler::fit(X).transform(X);
    EXPECT_EQ(lambdas[k], train::choose_ridge_lambda(Xs, T, X.row(1).transpose()));
    EXPECT_TRUE(std::isfinite(r[k].validation_ne));
    EXPECT_TRUE(r[k].measured.isApprox(fit_and_predict(BaselineKind::Ridge, p, rows, {static_cast<int>(k)}, lambdas[k]).col(0)));
  }
}

CvJobResult ishii_baseline(const std::string& variant) {
  CvJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  job.variant = variant;
  return run_cv_job(job);
}

TEST(Baselines, UptakeScaledProfileOnIshiiGivesTheIndependentlyMeasuredScores) {
  const CvJobResult r = ishii_baseline("scaled-profile");
  ASSERT_TRUE(r.cv.complete);
  ASSERT_EQ(r.cv.outer.size(), 29u);
  EXPECT_TRUE(r.baseline);
  // Issue 14: R2 0.955, MAE 0.273, RMSE 0.436, NE 0.161 (45 fluxes, clipped at 0).
  EXPECT_NEAR(r.scores.flux.mean.r2, 0.955, 0.0005);
  EXPECT_NEAR(r.scores.flux.mean.mae, 0.273, 0.0005);
  EXPECT_NEAR(r.scores.flux.mean.rmse, 0.436, 0.0005);
  EXPECT_NEAR(r.scores.flux.mean.ne, 0.161, 0.0005);
  EXPECT_TRUE(std::isnan(r.scores.l2_mean));  // no full flux vector
}

TEST(Baselines, MeanProfileOnIshiiGivesTheIndependentlyMeasuredNe) {
  const CvJobResult r = ishii_baseline("mean-profile");
  EXPECT_NEAR(r.scores.flux.mean.ne, 0.361, 0.0005);  // issue 14
  EXPECT_NEAR(r.scores.flux.mean.r2, 0.954, 0.0005);
}

TEST(Baselines, NormalisationIsRejectedForABaseline) {
  CvJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  job.variant = "ridge";
  job.normalise = "glucose";
  EXPECT_THROW(run_cv_job(job), Error);
}

}  // namespace
}  // namespace minn::eval
