// Adam against a two-step example computed by hand with torch.optim.Adam's update rule
// (weight decay added to the gradient, bias-corrected moments):
//   p = (1, -2), g1 = (0.5, -1), g2 = (0.1, 0.3), lr 0.1, wd 0.01, betas (0.9, 0.999), eps 1e-8.
// Step 1: g = g1 + 0.01 p = (0.51, -1.02); m = 0.1 g; v = 0.001 g^2; m/(1-0.9) = g and
//   sqrt(v/(1-0.999)) = |g|, so p -= 0.1 * g / (|g| + 1e-8) = (0.9000000019607843, -1.900000000980392).
// Step 2 (same formulas, t = 2): (0.8189151743261174, -1.855176160880756).
#include <gtest/gtest.h>

#include <cmath>

#include "train/adam.hpp"

namespace minn::train {
namespace {

TEST(Adam, MatchesTheHandComputedTwoStepExample) {
  Eigen::VectorXd p(2), g(2);
  p << 1.0, -2.0;
  Adam adam(2, AdamOptions{0.1, 0.9, 0.999, 1e-8, 0.01});
  g << 0.5, -1.0;
  adam.step(p, g);
  EXPECT_NEAR(p(0), 0.90000000196078433, 1e-15);
  EXPECT_NEAR(p(1), -1.9000000009803921, 1e-15);
  g << 0.1, 0.3;
  adam.step(p, g);
  EXPECT_NEAR(p(0), 0.81891517432611738, 1e-14);
  EXPECT_NEAR(p(1), -1.8551761608807558, 1e-14);
  EXPECT_EQ(adam.steps_taken(), 2);
}

TEST(Adam, WithoutWeightDecayTheFirstStepMovesEachParameterByTheLearningRate) {
  // m_hat / sqrt(v_hat) = sign(g) on the first step: each parameter moves by lr (hand rule).
  Eigen::VectorXd p = Eigen::VectorXd::Zero(3), g(3);
  g << 3.0, -0.002, 40.0;
  Adam adam(3, AdamOptions{0.01, 0.9, 0.999, 1e-8, 0.0});
  adam.step(p, g);
  EXPECT_NEAR(p(0), -0.01, 1e-9);
  EXPECT_NEAR(p(1), 0.01, 1e-7);
  EXPECT_NEAR(p(2), -0.01, 1e-9);
}

TEST(Adam, FusedLayerStepEqualsTheFlatStepBitForBit) {
  // A 3x4 layer (weights at 0, bias at 12) and a 2x3 layer (weights at 15, bias at 21), batch 5.
  Eigen::MatrixXd U1 = Eigen::MatrixXd::Random(3, 5), X1 = Eigen::MatrixXd::Random(4, 5);
  Eigen::MatrixXd U2 = Eigen::MatrixXd::Random(2, 5), X2 = Eigen::MatrixXd::Random(3, 5);
  const LayerGradient layers[2] = {{&U1, &X1, 0, 12}, {&U2, &X2, 15, 21}};
  Eigen::VectorXd flat_params = Eigen::VectorXd::Random(23), fused_params = flat_params;
  Adam flat(23, AdamOptions{0.01, 0.9, 0.999, 1e-8, 0.1}), fused(23, AdamOptions{0.01, 0.9, 0.999, 1e-8, 0.1});
  for (int step = 0; step < 3; ++step) {
    Eigen::VectorXd grad = Eigen::VectorXd::Constant(23, std::nan(""));
    materialize(layers[0], grad);
    materialize(layers[1], grad);
    ASSERT_TRUE(grad.allFinite()) << "materialize must cover every parameter";
    // The factored gradient is U X^T and the column sums of U.
    Eigen::MatrixXd W1 = Eigen::Map<Eigen::MatrixXd>(grad.data(), 3, 4);
    EXPECT_LT((W1 - U1 * X1.transpose()).cwiseAbs().maxCoeff(), 1e-14);
    EXPECT_LT((grad.segment(12, 3) - U1.rowwise().sum()).cwiseAbs().maxCoeff(), 1e-14);
    flat.step(flat_params, grad);
    fused.step(fused_params, layers, 2);
    EXPECT_EQ(flat_params, fused_params) << "step " << step;
    U1 *= -0.5;
    X2 *= 1.5;
  }
}

}  // namespace
}  // namespace minn::train
