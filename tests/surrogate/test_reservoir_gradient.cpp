// The MINN-reservoir's stage two learns through a frozen surrogate (train/reservoir.hpp): the
// hand-written gradient of its loss with respect to stage two's parameters, through the surrogate's
// network and its K refinement steps, must match central finite differences of the loss itself.
// e_coli_core with the surrogate's mechanics (Pin = CO2, no bound); untrained random networks, so
// nothing here depends on a training run.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <optional>

#include "ecoli_fixture.hpp"
#include "surrogate/surrogate_stage.hpp"
#include "train/reservoir.hpp"
#include "train/step_size.hpp"

namespace minn::surrogate {
namespace {

struct ReservoirFixture {
  train::Mechanics mech = surrogate_mechanics(ecoli_core().split, "e_coli_core");
  std::optional<train::TrainedMinn> surrogate;  // an untrained 5 -> 24 -> n MINN with the refinement
  std::vector<int> loss_reactions;
  Eigen::MatrixXd rates_seen, x, targets;  // what the surrogate's scaler saw; stage two's inputs and targets
};

ReservoirFixture make_fixture() {
  ReservoirFixture s;
  const Gem& split = ecoli_core().split;
  for (const char* id : {"R_EX_glc__D_e_rev", "R_EX_o2_e_rev", "R_EX_co2_e_fwd", "R_EX_etoh_e", "R_EX_ac_e"})
    s.loss_reactions.push_back(split.reaction_index(id));
  for (int r : s.loss_reactions) EXPECT_GE(r, 0);
  train::Rng rng(11);
  s.rates_seen = Eigen::MatrixXd::NullaryExpr(5, 12, [&] { return rng.uniform(0.0, 12.0); });
  train::Network network(5, 24, s.mech.n());
  network.init_pytorch_default(rng);
  const train::StepChoice step = train::choose_step_auto(s.mech, 0.9, 8);
  s.surrogate = train::TrainedMinn{train::MinMaxScaler::fit(s.rates_seen), network, train::HeavyBall{8, step.eta, 0.9},
                                   {}, -1, {}};
  s.x = Eigen::MatrixXd::NullaryExpr(7, 4, [&] { return rng.uniform(); });
  s.targets = Eigen::MatrixXd::NullaryExpr(5, 4, [&] { return rng.uniform(0.5, 10.0); });
  return s;
}

TEST(ReservoirGradient, ThroughTheFrozenSurrogateMatchesFiniteDifferences) {
  const ReservoirFixture s = make_fixture();
  train::FrozenMinn frozen(s.mech, *s.surrogate, Eigen::VectorXd::Constant(1, std::numeric_limits<double>::infinity()));
  train::Network stage_two(7, 9, 5);
  train::Rng rng(3);
  stage_two.init_pytorch_default(rng);
  const train::RateBox box = train::RateBox::of(frozen.scaler());

  const auto loss = [&](train::Network& net) {
    Eigen::MatrixXd Z, rates, V;
    net.forward(s.x, 0.0, nullptr, Z);
    box.forward(Z, rates);
    frozen.forward(rates, V);
    return train::reservoir_loss(V, s.targets, s.loss_reactions, nullptr);
  };
  Eigen::MatrixXd Z, rates, V, grad_V, grad_rates, grad_Z;
  stage_two.forward(s.x, 0.0, nullptr, Z);
  box.forward(Z, rates);
  // Inside the box the surrogate was trained on.
  for (Eigen::Index k = 0; k < rates.rows(); ++k) {
    EXPECT_GE(rates.row(k).minCoeff(), s.rates_seen.row(k).minCoeff()) << "rate " << k;
    EXPECT_LE(rates.row(k).maxCoeff(), s.rates_seen.row(k).maxCoeff()) << "rate " << k;
  }
  frozen.forward(rates, V);
  const double L = train::reservoir_loss(V, s.targets, s.loss_reactions, &grad_V);
  ASSERT_GT(L, 0.1);  // far from a minimum: the gradient is not trivially zero
  frozen.backward(grad_V, grad_rates);
  box.backward(Z, grad_rates, grad_Z);
  Eigen::VectorXd analytic;
  stage_two.backward(s.x, grad_Z, analytic);

  const double h = 1e-6;
  int checked = 0;
  double worst = 0;
  for (Eigen::Index i = 0; i < stage_two.parameters().size(); ++i) {
    train::Network plus = stage_two, minus = stage_two;
    plus.parameters()(i) += h;
    minus.parameters()(i) -= h;
    const double numeric = (loss(plus) - loss(minus)) / (2 * h);
    const double error = std::abs(numeric - analytic(i)) / std::max(1e-3, std::abs(numeric));
    worst = std::max(worst, error);
    ++checked;
  }
  EXPECT_EQ(checked, stage_two.parameters().size());
  EXPECT_LT(worst, 1e-4) << "largest relative difference over " << checked << " parameters";
  EXPECT_GT(analytic.norm(), 1e-3);
}

TEST(ReservoirGradient, TheSurrogateIsFrozenAndTheRatesGradientMatchesFiniteDifferences) {
  const ReservoirFixture s = make_fixture();
  const Eigen::VectorXd vin = Eigen::VectorXd::Constant(1, std::numeric_limits<double>::infinity());
  train::FrozenMinn frozen(s.mech, *s.surrogate, vin);
  const Eigen::MatrixXd rates = s.rates_seen.leftCols(4);
  Eigen::MatrixXd V, grad_V, grad_rates;
  frozen.forward(rates, V);
  train::reservoir_loss(V, s.targets, s.loss_reactions, &grad_V);
  frozen.backward(grad_V, grad_rates);
  const double h = 1e-6;
  for (Eigen::Index i = 0; i < rates.size(); ++i) {
    Eigen::MatrixXd plus = rates, minus = rates, Vp, Vm;
    plus(i) += h;
    minus(i) -= h;
    frozen.forward(plus, Vp);
    frozen.forward(minus, Vm);
    const double numeric = (train::reservoir_loss(Vp, s.targets, s.loss_reactions, nullptr) -
                            train::reservoir_loss(Vm, s.targets, s.loss_reactions, nullptr)) / (2 * h);
    EXPECT_NEAR(grad_rates(i), numeric, 1e-5 * std::max(1.0, std::abs(numeric))) << "rate entry " << i;
  }
  // The same V as the trainer's own prediction of the surrogate: FrozenMinn is that MINN, unchanged.
  const Eigen::MatrixXd reference =
      train::predict_fluxes(s.mech, *s.surrogate, rates, vin.replicate(1, rates.cols()));
  EXPECT_LT((V - reference).cwiseAbs().maxCoeff(), 1e-9 * std::max(1.0, reference.cwiseAbs().maxCoeff()));
}

}  // namespace
}  // namespace minn::surrogate
