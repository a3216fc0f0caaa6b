// Scoring held-out predictions as the paper does, on a hand-computed example.
#include <gtest/gtest.h>

#include <cmath>

#include "common/error.hpp"
#include "eval/cv_scores.hpp"
#include "eval/nested_cv.hpp"

namespace minn::eval {
namespace {

// S = [[1, -1, 0], [0, 1, -1]]; every reaction measured (Pref = 0, 1, 2).
train::Mechanics chain() {
  CsrMatrix S;
  S.rows = 2;
  S.cols = 3;
  S.row_ptr = {0, 2, 4};
  S.col_index = {0, 1, 1, 2};
  S.values = {1, -1, 1, -1};
  return train::Mechanics(S, {0}, {0, 1, 2});
}

TEST(CvScores, HandComputedExperimentsWithUnscoredRowAndClipping) {
  const train::Mechanics mech = chain();
  Eigen::MatrixXd V(3, 2), truth(3, 2);
  V << 3, -1,  //
      1, 0,    //
      2, 1;
  truth << 2, 1,  //
      100, 7,     // row 1 is not scored (an input, like the glucose uptake)
      4, 1;
  const CvScores s = score_predictions(mech, truth, V, {0, 2});
  // A: t = (2, 4), p = (3, 2): e = (-1, 2), MAE 1.5, RMSE sqrt(2.5), NE sqrt(5)/sqrt(20) = 0.5,
  //    two points anti-correlated: R^2 = 1. SV = (3-1, 1-2) = (2, -1): L2 = 5/2.
  // B: t = (1, 1), p = clip(-1, 1) = (0, 1): e = (1, 0), MAE 0.5, RMSE sqrt(0.5), NE 1/sqrt(2);
  //    constant truth: R^2 = 0. SV = (-1-0, 0-1): L2 = 2/2 = 1.
  ASSERT_EQ(s.flux.per_experiment.size(), 2u);
  EXPECT_DOUBLE_EQ(s.flux.per_experiment[0].mae, 1.5);
  EXPECT_DOUBLE_EQ(s.flux.per_experiment[0].rmse, std::sqrt(2.5));
  EXPECT_DOUBLE_EQ(s.flux.per_experiment[0].ne, 0.5);
  EXPECT_NEAR(s.flux.per_experiment[0].r2, 1.0, 1e-15);
  EXPECT_DOUBLE_EQ(s.flux.per_experiment[1].mae, 0.5);
  EXPECT_DOUBLE_EQ(s.flux.per_experiment[1].ne, 1 / std::sqrt(2.0));
  EXPECT_EQ(s.flux.per_experiment[1].r2, 0.0);
  EXPECT_DOUBLE_EQ(s.flux.mean.mae, 1.0);
  EXPECT_DOUBLE_EQ(s.flux.sd.mae, 0.5);  // population SD
  ASSERT_EQ(s.l2.size(), 2u);
  EXPECT_DOUBLE_EQ(s.l2[0], 2.5);
  EXPECT_DOUBLE_EQ(s.l2[1], 1.0);
  EXPECT_DOUBLE_EQ(s.l2_mean, 1.75);
  EXPECT_DOUBLE_EQ(s.l2_sd, 0.75);
}

TEST(CvScores, ValidationObjectiveIsTheMeanPaperNe) {
  Eigen::MatrixXd t(2, 2), p(2, 2);
  t << 3, 1,  //
      4, 0;
  p << 3, -1,  // experiment 0 exact apart from row 1; experiment 1 clipped to 0
      0, 0;
  // NE0 = 4/5, NE1 = 1/1.
  EXPECT_DOUBLE_EQ(mean_validation_ne(t, p, {0, 1}), (0.8 + 1.0) / 2);
  EXPECT_DOUBLE_EQ(mean_validation_ne(t, p, {0}), (0.0 + 1.0) / 2);
}

TEST(CvScores, ShapeMismatchIsAnError) {
  const train::Mechanics mech = chain();
  EXPECT_THROW(score_predictions(mech, Eigen::MatrixXd::Ones(2, 1), Eigen::MatrixXd::Ones(3, 1), {0}), Error);
  EXPECT_THROW(steady_state_l2(mech, Eigen::MatrixXd::Ones(4, 1)), Error);
}

}  // namespace
}  // namespace minn::eval
