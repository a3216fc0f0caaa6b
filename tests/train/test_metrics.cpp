// Paper metrics on a hand-computed example.
#include <gtest/gtest.h>

#include <cmath>

#include "train/metrics.hpp"

namespace minn::train {
namespace {

TEST(Metrics, HandComputedExperiment) {
  // t = (1, 2, 3, 4), p = (1, 3, 3, -1) -> clipped (1, 3, 3, 0); e = (0, -1, 0, 4).
  // MAE = 5/4, RMSE = sqrt(17/4), NE = sqrt(17)/sqrt(30).
  // Pearson: t - 2.5 = (-1.5, -0.5, 0.5, 1.5), p - 1.75 = (-0.75, 1.25, 1.25, -1.75);
  // cov sum = 1.125 - 0.625 + 0.625 - 2.625 = -1.5; stt = 5, spp = 0.5625+1.5625*2+3.0625 = 6.75;
  // R^2 = 2.25 / 33.75 = 1/15.
  Eigen::VectorXd t(4), p(4);
  t << 1, 2, 3, 4;
  p << 1, 3, 3, -1;
  const FluxMetrics m = experiment_metrics(t, p);
  EXPECT_DOUBLE_EQ(m.mae, 1.25);
  EXPECT_DOUBLE_EQ(m.rmse, std::sqrt(17.0 / 4));
  EXPECT_DOUBLE_EQ(m.ne, std::sqrt(17.0) / std::sqrt(30.0));
  EXPECT_NEAR(m.r2, 1.0 / 15, 1e-15);
}

TEST(Metrics, SummaryUsesThePopulationStandardDeviation) {
  Eigen::MatrixXd t(2, 2), p(2, 2);
  t << 1, 1,  //
      1, 1;
  p << 1, 0,  // experiment 0 exact (MAE 0), experiment 1 MAE 0.5
      1, 1;
  const MetricsSummary s = summarize_metrics(t, p);
  EXPECT_DOUBLE_EQ(s.mean.mae, 0.25);
  EXPECT_DOUBLE_EQ(s.sd.mae, 0.25);  // ddof = 0
}

}  // namespace
}  // namespace minn::train
