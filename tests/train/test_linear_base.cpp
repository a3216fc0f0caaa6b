// The ridge base of the residual MINN (train/ridge.hpp, train/linear_base.hpp): the affine ridge
// map is the ridge's prediction, leave-one-out picks no shrinkage for exact data and strong
// shrinkage for noise, the completion keeps the measured values and balances the rest (a chain
// whose steady state is known by hand), folding the base into the hidden layer changes no output,
// and an untrained ridge-residual MINN without refinement predicts what the ridge predicts.
#include <gtest/gtest.h>

#include <limits>

#include "common/error.hpp"
#include "random_gem.hpp"
#include "train/linear_base.hpp"
#include "train/ridge.hpp"
#include "train/trainer.hpp"

namespace minn::train {
namespace {

Eigen::MatrixXd uniform(Rng& rng, Eigen::Index rows, Eigen::Index cols, double lo, double hi) {
  return Eigen::MatrixXd::NullaryExpr(rows, cols, [&] { return rng.uniform(lo, hi); });
}

TEST(Ridge, TheAffineMapIsTheRidgePrediction) {
  Rng rng(3);
  const Eigen::MatrixXd X = uniform(rng, 5, 12, 0, 1), Y = uniform(rng, 7, 12, -2, 2), Xnew = uniform(rng, 5, 4, -1, 2);
  for (double lambda : {1e-3, 0.1, 10.0}) {  // lambda 0 is singular in the dual when N > features
    const RidgeFit fit = ridge_fit(X, Y, lambda);
    const Eigen::MatrixXd affine = (fit.W * (Xnew.colwise() - fit.x_mean)).colwise() + fit.y_mean;
    EXPECT_TRUE(affine.isApprox(ridge_predict(X, Y, Xnew, lambda), 1e-10)) << lambda;
  }
  EXPECT_THROW(ridge_fit(X, Y.leftCols(5), 1.0), Error);
  EXPECT_THROW(ridge_fit(X, Y, -1.0), Error);
}

TEST(Ridge, WithoutShrinkageItRecoversAnExactLinearMap) {
  Rng rng(4);
  const Eigen::MatrixXd X = uniform(rng, 3, 10, 0, 1);
  Eigen::MatrixXd W(2, 3);
  W << 1, -2, 0.5,  //
      0, 3, 1;
  const Eigen::MatrixXd Y = (W * X).colwise() + Eigen::Vector2d(4, -1);
  const RidgeFit fit = ridge_fit(X, Y, 0.0);
  EXPECT_TRUE(fit.W.isApprox(W, 1e-9));
}

// Yields (flux per unit uptake) of two measured reactions; uptakes in [1, 3].
struct YieldData {
  Eigen::MatrixXd Xs, targets;
  Eigen::VectorXd uptake;
};

YieldData yield_data(bool exact, std::uint64_t seed) {
  Rng rng(seed);
  const int N = 20;
  YieldData d;
  d.Xs = uniform(rng, 4, N, 0, 1);
  d.uptake = uniform(rng, N, 1, 1, 3).col(0);
  Eigen::MatrixXd yields(2, N);
  if (exact) {
    yields.row(0) = (1.0 + 0.5 * d.Xs.row(0).array() - 0.3 * d.Xs.row(2).array()).matrix();
    yields.row(1) = (2.0 + 0.8 * d.Xs.row(1).array()).matrix();
  } else {  // yields unrelated to the inputs
    yields = uniform(rng, 2, N, 0.5, 3);
  }
  d.targets = yields * d.uptake.asDiagonal();
  return d;
}

TEST(LinearBase, LeaveOneOutChoosesNoShrinkageForExactDataAndStrongShrinkageForNoise) {
  const YieldData exact = yield_data(true, 5), noise = yield_data(false, 6);
  EXPECT_EQ(choose_ridge_lambda(exact.Xs, exact.targets, exact.uptake), ridge_lambdas().front());
  // Yields unrelated to the inputs: lambda at least the inputs' own scale (X_c^T X_c's diagonal is
  // about N/12 = 1.7 here), shrinking the slopes towards the mean.
  EXPECT_GE(choose_ridge_lambda(noise.Xs, noise.targets, noise.uptake), 1.0);
  Eigen::VectorXd bad = exact.uptake;
  bad(3) = 0;
  EXPECT_THROW(choose_ridge_lambda(exact.Xs, exact.targets, bad), Error);
}

// S = [[1, -1, 0, 0], [0, 1, -1, 0]]: reactions 0 -> 1 -> 2 a chain (steady state v0 = v1 = v2),
// reaction 3 free (in no metabolite).
CsrMatrix chain_and_free() {
  CsrMatrix S;
  S.rows = 2;
  S.cols = 4;
  S.row_ptr = {0, 2, 4};
  S.col_index = {0, 1, 1, 2};
  S.values = {1, -1, 1, -1};
  return S;
}

TEST(LinearBase, CompletionKeepsTheMeasuredYieldsAndBalancesTheChain) {
  // Reactions 0 and 3 measured: the chain's 1 and 2 must carry reaction 0's yield, and reaction 3
  // keeps its own.
  const Mechanics mech(chain_and_free(), {0}, {0, 3});
  const YieldData d = yield_data(true, 7);
  const LinearYieldBase base = fit_linear_yield_base(mech, d.Xs, d.targets, d.uptake);
  EXPECT_EQ(base.lambda, ridge_lambdas().front());
  ASSERT_EQ(base.L.rows(), 4);
  ASSERT_EQ(base.L.cols(), 4);
  const Eigen::MatrixXd yields = (base.L * d.Xs).colwise() + base.offset;
  const Eigen::MatrixXd ridge = ridge_predict(d.Xs, d.targets * d.uptake.cwiseInverse().asDiagonal(), d.Xs, base.lambda);
  for (Eigen::Index j = 0; j < d.Xs.cols(); ++j) {
    EXPECT_NEAR(yields(0, j), ridge(0, j), 1e-9) << j;
    EXPECT_NEAR(yields(3, j), ridge(1, j), 1e-9) << j;
    EXPECT_NEAR(yields(1, j), yields(0, j), 1e-5 * yields(0, j)) << j;
    EXPECT_NEAR(yields(2, j), yields(0, j), 1e-5 * yields(0, j)) << j;
  }
  // The exact data's own map: yield 0 = 1 + 0.5 x0 - 0.3 x2.
  EXPECT_NEAR(base.L(0, 0), 0.5, 1e-3);
  EXPECT_NEAR(base.L(0, 2), -0.3, 1e-3);
  EXPECT_NEAR(base.offset(0), 1.0, 1e-3);
}

// A -> B by a measured main path (r1) and an unmeasured bypass (r2); r0 takes A up (a measured
// rate, held), r3 takes B out, r4 turns B back into A (a reaction the wild type does not need).
CsrMatrix main_path_and_bypass() {
  CsrMatrix S;
  S.rows = 2;
  S.cols = 5;
  S.row_ptr = {0, 4, 8};
  S.col_index = {0, 1, 2, 4, 1, 2, 3, 4};
  S.values = {1, -1, -1, 1, 1, 1, -1, -1};
  return S;
}

TEST(LinearBase, AKnockoutReroutesItsFluxThroughTheBypassWithTheMeasuredRateHeld) {
  const Mechanics mech(main_path_and_bypass(), {0}, {0, 1, 3});
  const Eigen::Vector3d y(1.0, 0.8, 1.0);  // uptake, main path, outflow: the bypass carries 0.2
  const Eigen::MatrixXd delta = knockout_responses(mech, y, {{}, {1}, {4}}, {0}, {});
  ASSERT_EQ(delta.rows(), 5);
  ASSERT_EQ(delta.cols(), 3);
  EXPECT_EQ(delta.col(0).cwiseAbs().maxCoeff(), 0.0);  // an input that closes nothing
  // Main path closed: its 0.8 moves to the bypass, the held uptake and the outflow stay.
  EXPECT_NEAR(delta(0, 1), 0.0, 1e-6);
  EXPECT_NEAR(delta(1, 1), -0.8, 1e-4);
  EXPECT_NEAR(delta(2, 1), 0.8, 1e-4);
  EXPECT_NEAR(delta(3, 1), 0.0, 1e-4);
  // Closing what the wild type does not use changes nothing.
  EXPECT_LT(delta.col(2).cwiseAbs().maxCoeff(), 1e-4);
  EXPECT_THROW(knockout_responses(mech, Eigen::Vector2d(1, 1), {{1}}, {0}, {}), Error);
}

TEST(LinearBase, TheRidgeFitsWhatTheKnockoutResponseLeaves) {
  // Input 0 a rate, input 1 the knockout of the main path (main yield 0.7 in the wild type, 0 in
  // the knockout). The response is taken at the mean yields (knockout rows included), so it
  // explains most of the knockout's effect and the ridge the rest: together exact.
  const Mechanics mech(main_path_and_bypass(), {0}, {0, 1, 3});
  const int N = 12;
  Eigen::MatrixXd Xs(2, N), targets(3, N);
  Eigen::VectorXd uptake(N);
  for (int j = 0; j < N; ++j) {
    Xs(0, j) = j / static_cast<double>(N - 1);
    Xs(1, j) = j % 4 == 0 ? 1 : 0;
    uptake(j) = 1 + Xs(0, j);
    const double main = Xs(1, j) > 0 ? 0 : 0.7;
    targets.col(j) = Eigen::Vector3d(1.0, main, 1.0) * uptake(j);
  }
  const LinearYieldBase base = fit_linear_yield_base(mech, Xs, targets, uptake, {{}, {1}}, {0}, {});
  EXPECT_NEAR(base.L(1, 1), -0.7, 1e-3);  // response + ridge slope on the knockout input
  // The unmeasured bypass takes it over: the response at the mean (0.525) plus the ridge's rest
  // completed by least norm, which shares it with the B -> A loop r4.
  EXPECT_GT(base.L(2, 1), 0.525 - 1e-3);
  const Eigen::MatrixXd yields = (base.L * Xs).colwise() + base.offset;
  for (int j = 0; j < N; ++j) {
    EXPECT_NEAR(yields(0, j), 1.0, 1e-3) << j;
    EXPECT_NEAR(yields(1, j) * uptake(j), targets(1, j), 1e-3) << j;
  }
}

TEST(LinearBase, FoldingTheBaseIntoTheHiddenLayerChangesNoOutput) {
  Rng rng(8);
  Network net(3, 5, 6);
  net.init_pytorch_default(rng);
  const Eigen::MatrixXd L = uniform(rng, 6, 3, -2, 2);
  const Network folded = fold_linear_base(net, L);
  EXPECT_EQ(folded.hidden(), 5 + 2 * 3);
  Eigen::MatrixXd X = uniform(rng, 3, 7, -3, 3);  // negative inputs too: the pairs are exact
  Network a = net, b = folded;
  Eigen::MatrixXd plain, with_base;
  a.forward(X, 0.0, nullptr, plain);
  b.forward(X, 0.0, nullptr, with_base);
  EXPECT_TRUE(with_base.isApprox(plain + L * X, 1e-12));
  EXPECT_THROW(fold_linear_base(net, L.leftCols(2)), Error);
}

TEST(LinearBase, AnUntrainedRidgeResidualMinnWithoutRefinementIsTheRidge) {
  Rng rng(9);
  const int n = 16, samples = 14, features = 3;
  const Mechanics mech(testing::random_stoichiometry(6, n, rng), {0}, {1, 4, 7, 9});
  TrainingSet data;
  data.inputs = uniform(rng, features, samples, 1, 10);
  data.targets = uniform(rng, mech.n_ref(), samples, 0.5, 2) * data.inputs.row(0).asDiagonal();
  data.vin = Eigen::MatrixXd::Constant(1, samples, std::numeric_limits<double>::infinity());
  TrainOptions o;
  o.hidden = 8;
  o.epochs = 0;
  o.steps = 0;
  o.seed = 2;
  o.normalise = FluxNormalisation::RidgeResidual;
  o.scale_input = 0;
  const TrainedMinn model = train_minn(mech, data, o, choose_step(mech, o));
  EXPECT_EQ(model.network.hidden(), 8 + 2 * features);
  // The ridge of the yields on the min-max scaled inputs, computed here from its definition.
  const Eigen::VectorXd u = data.inputs.row(0).transpose();
  const Eigen::MatrixXd Xs = model.scaler.transform(data.inputs);
  const double lambda = choose_ridge_lambda(Xs, data.targets, u);
  EXPECT_EQ(model.ridge_lambda, lambda);
  const Eigen::MatrixXd expected =
      ridge_predict(Xs, data.targets * u.cwiseInverse().asDiagonal(), Xs, lambda) * u.asDiagonal();
  const Eigen::MatrixXd V = predict_fluxes(mech, model, data.inputs, data.vin);
  const Eigen::MatrixXd measured = mech.measured(V);
  EXPECT_TRUE(measured.isApprox(expected, 1e-6)) << (measured - expected).cwiseAbs().maxCoeff();
  // Trained, the loss falls from that start.
  o.epochs = 30;
  o.steps = 4;
  o.lr = 3e-3;
  const TrainedMinn trained = train_minn(mech, data, o, choose_step(mech, o));
  EXPECT_LT(trained.history.back().loss, trained.history.front().loss);
  EXPECT_EQ(parse_normalisation("ridge-residual"), FluxNormalisation::RidgeResidual);
  EXPECT_EQ(normalisation_name(FluxNormalisation::RidgeResidual), "ridge-residual");
}

}  // namespace
}  // namespace minn::train
