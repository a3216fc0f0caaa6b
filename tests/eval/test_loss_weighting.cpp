// The trade-off weightings (bound, balancing, scheduler) against hand-computed weights, and the
// weighted loss's gradient against central finite differences.
#include <gtest/gtest.h>

#include <cmath>

#include "train/loss_weighting.hpp"
#include "train/rng.hpp"

namespace minn::train {
namespace {

TEST(LossWeighting, SchedulerPhasesOfThePaper) {
  EXPECT_EQ(scheduler_phases(150), std::make_pair(30, 40));
  const LossWeighting w = scheduler_weighting(150, 0.9)();
  EXPECT_DOUBLE_EQ(w(1, 0, 0).data, 0.1);
  EXPECT_DOUBLE_EQ(w(30, 0, 0).mech, 0.9);
  // Epoch 50 is 20 of the 40 transition epochs: 0.1 + 0.5 * (0.9 - 0.1) = 0.5.
  EXPECT_DOUBLE_EQ(w(50, 0, 0).data, 0.5);
  EXPECT_DOUBLE_EQ(w(50, 0, 0).mech, 0.5);
  EXPECT_DOUBLE_EQ(w(70, 0, 0).data, 0.9);
  EXPECT_DOUBLE_EQ(w(150, 0, 0).data, 0.9);
  EXPECT_NEAR(w(150, 0, 0).mech, 0.1, 1e-15);
  // scheduler-bound: the mechanistic weight is multiplied above the threshold only.
  const LossWeighting b = scheduler_weighting(150, 0.8, 1e-3, 10)();
  EXPECT_NEAR(b(100, 0, 5e-4).mech, 0.2, 1e-15);
  EXPECT_NEAR(b(100, 0, 2e-3).mech, 2.0, 1e-14);
}

TEST(LossWeighting, BoundPenalisesAboveTheThreshold) {
  const LossWeighting w = bound_weighting(20, 1e-3, 10)();
  EXPECT_EQ(w(1, 0.5, 1e-3).data, 20);
  EXPECT_EQ(w(1, 0.5, 1e-3).mech, 1);
  EXPECT_EQ(w(1, 0.5, 1.1e-3).mech, 10);
}

TEST(LossWeighting, BalancingDividesByMovingAveragesAndStartsFreshPerTraining) {
  const LossWeightingFactory factory = balancing_weighting(0.9);
  const LossWeighting w = factory();
  // ema_data: 2, then 0.9*2 + 0.1*4 = 2.2; ema_mech: 0.5, then 0.9*0.5 + 0.1*1.5 = 0.6.
  LossWeights first = w(1, 2.0, 0.5);
  EXPECT_DOUBLE_EQ(first.data, 0.5);
  EXPECT_DOUBLE_EQ(first.mech, 2.0);
  LossWeights second = w(1, 4.0, 1.5);
  EXPECT_DOUBLE_EQ(second.data, 1 / 2.2);
  EXPECT_DOUBLE_EQ(second.mech, 1 / 0.6);
  const LossWeighting fresh = factory();
  EXPECT_DOUBLE_EQ(fresh(1, 4.0, 1.5).data, 0.25);
}

// A small random network: 4 metabolites x 7 reactions, 3 measured.
Mechanics small_mechanics() {
  Rng rng(5);
  CsrMatrix S;
  S.rows = 4;
  S.cols = 7;
  S.row_ptr = {0};
  for (int r = 0; r < 4; ++r) {
    for (int c = 0; c < 7; ++c)
      if ((r + c) % 2 == 0) {
        S.col_index.push_back(c);
        S.values.push_back(rng.uniform(-2, 2));
      }
    S.row_ptr.push_back(static_cast<int>(S.values.size()));
  }
  return Mechanics(S, {6}, {0, 2, 4});
}

TEST(LossWeighting, WeightedLossGradientMatchesFiniteDifferences) {
  const Mechanics mech = small_mechanics();
  Rng rng(9);
  Eigen::MatrixXd V = Eigen::MatrixXd::NullaryExpr(7, 2, [&] { return rng.uniform(-0.5, 2.0); });
  const Eigen::MatrixXd T = Eigen::MatrixXd::NullaryExpr(3, 2, [&] { return rng.uniform(0.5, 2.0); });
  Eigen::MatrixXd Vin(1, 2);
  Vin << 0.3, 0.8;  // active bound on sample 0 or 1 depending on V
  const LossWeighting w = [](int, double, double) { return LossWeights{0.7, 3.0}; };
  Eigen::MatrixXd grad, gm, SV, g2, gm2;
  const BatchLoss loss = weighted_batch_loss(mech, w, 1, V, T, Vin, grad, gm, SV);
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < V.size(); ++i) {
    Eigen::MatrixXd Vp = V, Vm = V;
    Vp(i) += h;
    Vm(i) -= h;
    const double fd = (weighted_batch_loss(mech, w, 1, Vp, T, Vin, g2, gm2, SV).total -
                       weighted_batch_loss(mech, w, 1, Vm, T, Vin, g2, gm2, SV).total) /
                      (2 * h);
    EXPECT_NEAR(grad(i), fd, 1e-6 * (1 + std::abs(fd))) << i;
  }
  // With weights (c, 1) it is the c-balanced loss.
  const LossWeighting cb = [](int, double, double) { return LossWeights{20, 1}; };
  Eigen::MatrixXd g_cb;
  const BatchLoss a = weighted_batch_loss(mech, cb, 1, V, T, Vin, grad, gm, SV);
  const BatchLoss b = batch_loss(mech, Variant::CBalanced, 20, V, T, Vin, &g_cb, SV);
  EXPECT_NEAR(a.total, b.total, 1e-12 * std::abs(b.total));
  EXPECT_LT((grad - g_cb).norm(), 1e-12 * (1 + g_cb.norm()));
  EXPECT_GT(loss.total, 0);
}

}  // namespace
}  // namespace minn::train
