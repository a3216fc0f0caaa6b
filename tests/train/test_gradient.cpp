// Hand-written backpropagation (network + K heavy-ball steps + loss) against central finite
// differences in double precision, on random small GEMs, with active and inactive ReLUs
// (hidden layer, positivity term, bound term).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "random_gem.hpp"
#include "train/loss.hpp"
#include "train/network.hpp"
#include "train/refinement.hpp"
#include "train/step_size.hpp"

namespace minn::train {
namespace {

struct Problem {
  Mechanics mech;
  Eigen::MatrixXd X, targets, vin;
};

struct Counts {
  int hidden_on = 0, hidden_off = 0, negative = 0, positive = 0, bound_on = 0, bound_off = 0;
};

// Loss of the whole pipeline at the network's current parameters; the dropout stream is copied
// so every evaluation uses the same mask.
double pipeline_loss(Network& net, const Problem& p, const HeavyBall& hb, Variant variant, double c, double dropout,
                     const Rng& dropout_rng, Eigen::VectorXd* grad, Counts* counts = nullptr) {
  Rng rng = dropout_rng;
  Eigen::MatrixXd V0, V, grad_V, grad_V0, SV;
  net.forward(p.X, dropout, &rng, V0);
  Refiner refiner;
  refiner.forward(p.mech, hb, V0, p.vin, V, true);
  const BatchLoss loss = batch_loss(p.mech, variant, c, V, p.targets, p.vin, grad ? &grad_V : nullptr, SV);
  if (grad) {
    refiner.backward(p.mech, hb, p.vin, grad_V, grad_V0);
    net.backward(p.X, grad_V0, *grad);
  }
  if (counts) {
    const Eigen::MatrixXd Z1 = (net.W1() * p.X).colwise() + net.b1();
    counts->hidden_on = static_cast<int>((Z1.array() > 0).count());
    counts->hidden_off = static_cast<int>((Z1.array() < 0).count());
    counts->negative = static_cast<int>((V.array() < 0).count());
    counts->positive = static_cast<int>((V.array() > 0).count());
    // The bound term acts at the first refinement step (V0) in these problems.
    for (Eigen::Index b = 0; b < V0.cols(); ++b)
      for (int i = 0; i < p.mech.n_in(); ++i)
        (V0(p.mech.pin()[static_cast<std::size_t>(i)], b) > p.vin(i, b) ? counts->bound_on : counts->bound_off)++;
  }
  return loss.total;
}

// Largest |fd - analytic| relative to the gradient's largest component, and the norm-wise error.
void check_against_finite_differences(Network& net, const Problem& p, const HeavyBall& hb, Variant variant,
                                      double c, double dropout) {
  Rng dropout_rng(99);
  Eigen::VectorXd analytic;
  pipeline_loss(net, p, hb, variant, c, dropout, dropout_rng, &analytic);
  Eigen::VectorXd& theta = net.parameters();
  Eigen::VectorXd fd(theta.size());
  for (Eigen::Index i = 0; i < theta.size(); ++i) {
    const double saved = theta(i);
    const double h = 1e-6 * std::max(1.0, std::abs(saved));
    theta(i) = saved + h;
    const double plus = pipeline_loss(net, p, hb, variant, c, dropout, dropout_rng, nullptr);
    theta(i) = saved - h;
    const double minus = pipeline_loss(net, p, hb, variant, c, dropout, dropout_rng, nullptr);
    theta(i) = saved;
    fd(i) = (plus - minus) / (2 * h);
  }
  ASSERT_GT(analytic.norm(), 0.0);
  const double relative = (fd - analytic).norm() / analytic.norm();
  EXPECT_LT(relative, 1e-5) << variant_name(variant) << " norm-wise relative error";
  const double scale = analytic.cwiseAbs().maxCoeff();
  for (Eigen::Index i = 0; i < theta.size(); ++i)
    EXPECT_NEAR(fd(i), analytic(i), 1e-5 * std::abs(analytic(i)) + 1e-7 * scale) << "parameter " << i;
}

Problem random_problem(Rng& rng, int m, int n, int inputs, int batch, Network& net) {
  std::vector<int> pin = {0, 3, 5};
  std::vector<int> pref = {1, 2, 4, 6, 7};
  Problem p{Mechanics(testing::random_stoichiometry(m, n, rng), pin, pref), {}, {}, {}};
  p.X = Eigen::MatrixXd::NullaryExpr(inputs, batch, [&] { return rng.uniform(); });
  p.targets = Eigen::MatrixXd::NullaryExpr(static_cast<Eigen::Index>(pref.size()), batch,
                                           [&] { return rng.uniform(0.0, 5.0); });
  // Bounds just below the network output on every other Pin row (active), none on the others.
  Eigen::MatrixXd V0;
  net.forward(p.X, 0.0, nullptr, V0);
  p.vin.resize(static_cast<Eigen::Index>(pin.size()), batch);
  for (Eigen::Index b = 0; b < batch; ++b)
    for (Eigen::Index i = 0; i < p.vin.rows(); ++i)
      p.vin(i, b) = i % 2 == 0 ? V0(pin[static_cast<std::size_t>(i)], b) - 0.3
                               : std::numeric_limits<double>::infinity();
  return p;
}

class GradientCheck : public ::testing::TestWithParam<Variant> {};

TEST_P(GradientCheck, RandomSmallGemsMatchCentralDifferences) {
  for (std::uint64_t seed : {1u, 2u, 3u}) {
    Rng rng(seed);
    const int m = 6, n = 12, inputs = 4, hidden = 7, batch = 3;
    Network net(inputs, hidden, n);
    net.init_pytorch_default(rng);
    // Scale the output layer so V0 has entries of both signs and visible size.
    net.parameters().tail(Eigen::Index{n} * hidden + n) *= 3.0;
    HeavyBall hb{8, 0.0, 0.9};
    Problem p = random_problem(rng, m, n, inputs, batch, net);
    hb.eta = choose_step_auto(p.mech, hb.beta, hb.steps).eta;
    Counts counts;
    Rng dropout_rng(99);
    pipeline_loss(net, p, hb, GetParam(), 20.0, 0.25, dropout_rng, nullptr, &counts);
    EXPECT_GT(counts.hidden_on, 0);
    EXPECT_GT(counts.hidden_off, 0);
    EXPECT_GT(counts.negative, 0) << "positivity term inactive everywhere";
    EXPECT_GT(counts.positive, 0);
    EXPECT_GT(counts.bound_on, 0) << "bound term inactive everywhere";
    EXPECT_GT(counts.bound_off, 0);
    SCOPED_TRACE("seed " + std::to_string(seed));
    check_against_finite_differences(net, p, hb, GetParam(), 20.0, 0.25);
  }
}

INSTANTIATE_TEST_SUITE_P(Variants, GradientCheck,
                         ::testing::Values(Variant::CBalanced, Variant::Unbalanced, Variant::Mse, Variant::Divided),
                         [](const auto& info) {
                           std::string name = variant_name(info.param);
                           for (char& ch : name)
                             if (ch == '-') ch = '_';
                           return name;
                         });

// The refinement's adjoint alone, with a large step (eta * lambda near the safe limit) so that
// the K steps change V a lot: d/dV0 of L_mech(V_K) against central differences.
TEST(RefinementBackward, MatchesCentralDifferencesOfTheRefinedMechanisticLoss) {
  Rng rng(7);
  Mechanics mech(testing::random_stoichiometry(5, 9, rng), {2, 4}, {0, 1});
  HeavyBall hb{8, 0.0, 0.9};
  hb.eta = 1.1 / lambda_max_sts(mech);
  Eigen::MatrixXd V0 = Eigen::MatrixXd::NullaryExpr(9, 2, [&] { return rng.uniform(-2.0, 2.0); });
  Eigen::MatrixXd vin(2, 2);
  vin << 0.1, std::numeric_limits<double>::infinity(), -0.5, 0.3;
  auto loss = [&](const Eigen::MatrixXd& start) {
    Refiner r;
    Eigen::MatrixXd V;
    r.forward(mech, hb, start, vin, V, false);
    return mech.losses(V, vin).sum();
  };
  Refiner refiner;
  Eigen::MatrixXd V, G, SV, grad_V0;
  refiner.forward(mech, hb, V0, vin, V, true);
  mech.gradient(V, vin, SV, G);
  refiner.backward(mech, hb, vin, G, grad_V0);
  Eigen::MatrixXd fd(V0.rows(), V0.cols());
  for (Eigen::Index i = 0; i < V0.size(); ++i) {
    Eigen::MatrixXd plus = V0, minus = V0;
    plus(i) += 1e-6;
    minus(i) -= 1e-6;
    fd(i) = (loss(plus) - loss(minus)) / 2e-6;
  }
  EXPECT_LT((fd - grad_V0).norm() / grad_V0.norm(), 1e-5);
  EXPECT_GT((V.array() < 0).count(), 0);
}

}  // namespace
}  // namespace minn::train
