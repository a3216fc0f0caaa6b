// The refinement on real split GEMs (e_coli_core and the full split iAF1260).
// Reference eigenvalues: numpy.linalg.eigvalsh of (2/m) S S^T (same non-zero spectrum as
// (2/m) S^T S) with S built by a separate Python script straight from the SBML (reversible
// reactions split by the SBML attribute into +S and -S columns): e_coli_core 510.855487291
// (72 x 142), iAF1260 22.6623427853 (1668 x 2957).
#include <gtest/gtest.h>

#include <limits>

#include "gem_fixtures.hpp"
#include "residual_checks.hpp"
#include "train/loss.hpp"
#include "train/network.hpp"
#include "train/refinement.hpp"
#include "train/step_size.hpp"

namespace minn::train {
namespace {

Mechanics mechanics_of(const std::string& gem) {
  return Mechanics::from_gem(testing::split_gem(gem), {"R_EX_co2_e_fwd"},
                             {"R_EX_glc__D_e_rev", "R_EX_o2_e_rev", "R_PGK_rev", "R_PFK", "R_CS"});
}

TEST(GemRefinement, SplitShapesMatchTheIndependentScript) {
  EXPECT_EQ(mechanics_of("e_coli_core").m(), 72);
  EXPECT_EQ(mechanics_of("e_coli_core").n(), 142);
  EXPECT_EQ(mechanics_of("iAF1260").m(), 1668);
  EXPECT_EQ(mechanics_of("iAF1260").n(), 2957);
}

TEST(GemRefinement, LambdaMaxMatchesNumpy) {
  EXPECT_NEAR(lambda_max_sts(mechanics_of("e_coli_core")), 510.855487291, 1e-6 * 510.855487291);
  EXPECT_NEAR(lambda_max_sts(mechanics_of("iAF1260")), 22.6623427853, 1e-6 * 22.6623427853);
}

TEST(GemRefinement, ThePapersStepDivergesOnECCoreOnly) {
  EXPECT_TRUE(choose_step_fixed(mechanics_of("e_coli_core"), 0.01, 0.9).diverges);  // 0.01 * 510.9 > 3.8
  EXPECT_FALSE(choose_step_fixed(mechanics_of("iAF1260"), 0.01, 0.9).diverges);     // 0.01 * 22.7 < 3.8
}

TEST(GemRefinement, AutoStepNeverIncreasesTheResidualOnECCore) {
  testing::expect_no_growth(mechanics_of("e_coli_core"), "e_coli_core", 41);
}
TEST(GemRefinement, AutoStepNeverIncreasesTheResidualOnSplitIAF1260) {
  testing::expect_no_growth(mechanics_of("iAF1260"), "iAF1260", 42);
}

// Backpropagation through network, 8 refinement steps and the c-balanced loss on e_coli_core,
// against central differences (a subset of parameters: every 7th, all of b2).
TEST(GemRefinement, GradientMatchesCentralDifferencesOnECCore) {
  const Mechanics mech = mechanics_of("e_coli_core");
  Rng rng(43);
  const int inputs = 5, hidden = 6, batch = 3;
  Network net(inputs, hidden, mech.n());
  net.init_pytorch_default(rng);
  net.parameters().tail(Eigen::Index{mech.n()} * (hidden + 1)) *= 4.0;
  const HeavyBall hb{8, choose_step_auto(mech, 0.9, 8).eta, 0.9};
  const Eigen::MatrixXd X = Eigen::MatrixXd::NullaryExpr(inputs, batch, [&] { return rng.uniform(); });
  const Eigen::MatrixXd T = Eigen::MatrixXd::NullaryExpr(mech.n_ref(), batch, [&] { return rng.uniform(0.0, 10.0); });
  Eigen::MatrixXd vin(1, batch);
  vin << -0.5, std::numeric_limits<double>::infinity(), 0.0;
  auto loss = [&](Eigen::VectorXd* grad, Eigen::MatrixXd* V_out) {
    Rng dropout(5);
    Eigen::MatrixXd V0, V, gV, gV0, SV;
    net.forward(X, 0.25, &dropout, V0);
    Refiner r;
    r.forward(mech, hb, V0, vin, V, true);
    const double total = batch_loss(mech, Variant::CBalanced, 20.0, V, T, vin, grad ? &gV : nullptr, SV).total;
    if (grad) {
      r.backward(mech, hb, vin, gV, gV0);
      net.backward(X, gV0, *grad);
    }
    if (V_out) *V_out = V;
    return total;
  };
  Eigen::VectorXd analytic;
  Eigen::MatrixXd V;
  loss(&analytic, &V);
  EXPECT_GT((V.array() < 0).count(), 0);
  EXPECT_GT((V.array() > 0).count(), 0);
  Eigen::VectorXd& theta = net.parameters();
  std::vector<Eigen::Index> checked;
  for (Eigen::Index i = 0; i < theta.size() - mech.n(); i += 7) checked.push_back(i);
  for (Eigen::Index i = theta.size() - mech.n(); i < theta.size(); ++i) checked.push_back(i);
  Eigen::VectorXd fd(static_cast<Eigen::Index>(checked.size())), an(fd.size());
  for (std::size_t k = 0; k < checked.size(); ++k) {
    const Eigen::Index i = checked[k];
    const double saved = theta(i), h = 1e-6 * std::max(1.0, std::abs(saved));
    theta(i) = saved + h;
    const double plus = loss(nullptr, nullptr);
    theta(i) = saved - h;
    const double minus = loss(nullptr, nullptr);
    theta(i) = saved;
    fd(static_cast<Eigen::Index>(k)) = (plus - minus) / (2 * h);
    an(static_cast<Eigen::Index>(k)) = analytic(i);
  }
  EXPECT_LT((fd - an).norm() / an.norm(), 1e-5);
}

}  // namespace
}  // namespace minn::train
