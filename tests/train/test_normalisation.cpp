// Uptake-normalised MINNs (train/trainer.hpp, FluxNormalisation) and the mean yield profile
// (train/yield_profile.hpp): the multiplier is the raw uptake, so fluxes keep scaling beyond the
// trained range; a constant uptake of 1 changes no bit of training; the residual form starts from
// the uptake-scaled mean profile; the completion of a yield profile is checked on a chain whose
// steady state is known by hand.
#include <gtest/gtest.h>

#include <limits>

#include "common/error.hpp"
#include "random_gem.hpp"
#include "train/trainer.hpp"
#include "train/yield_profile.hpp"

namespace minn::train {
namespace {

// S = [[1, -1, 0], [0, 1, -1]]: a chain, steady state v0 = v1 = v2.
CsrMatrix chain() {
  CsrMatrix S;
  S.rows = 2;
  S.cols = 3;
  S.row_ptr = {0, 2, 4};
  S.col_index = {0, 1, 1, 2};
  S.values = {1, -1, 1, -1};
  return S;
}

TEST(YieldProfile, MeanYieldsDivideEachSampleByItsUptake) {
  Eigen::MatrixXd t(2, 2);
  t << 2, 9,  //
      4, 3;
  const Eigen::VectorXd y = mean_yields(t, Eigen::Vector2d(2, 3));
  EXPECT_DOUBLE_EQ(y(0), 2.0);  // (1 + 3) / 2
  EXPECT_DOUBLE_EQ(y(1), 1.5);  // (2 + 1) / 2
  EXPECT_THROW(mean_yields(t, Eigen::Vector2d(2, 0)), Error);
}

TEST(YieldProfile, CompletionCarriesAMeasuredYieldThroughTheSteadyState) {
  // Only reaction 0 measured, yield 3: the steady state of the chain puts 3 on every reaction.
  const Mechanics mech(chain(), {0}, {0});
  const Eigen::VectorXd v = complete_yield_profile(mech, Eigen::VectorXd::Constant(1, 3.0));
  ASSERT_EQ(v.size(), 3);
  for (int i = 0; i < 3; ++i) EXPECT_NEAR(v(i), 3.0, 1e-3) << i;
}

TEST(YieldProfile, CompletionStaysNonNegative) {
  // A measured yield that would need a negative flux elsewhere: v0 = 2, v2 = 5 cannot both hold
  // at steady state; every entry of the compromise is still >= 0.
  const Mechanics mech(chain(), {0}, {0, 2});
  const Eigen::VectorXd v = complete_yield_profile(mech, Eigen::Vector2d(2, 5));
  EXPECT_GE(v.minCoeff(), 0.0);
  EXPECT_GT(v(2), v(0));
}

struct Fixture {
  Mechanics mech;
  TrainingSet data;
};

// Input row 0 is the uptake u; the targets are u times a fixed profile plus a small input effect.
Fixture make_fixture(bool unit_uptake) {
  Rng rng(7);
  const int n = 20, samples = 10, features = 4;
  Mechanics mech(testing::random_stoichiometry(8, n, rng), {0}, {1, 3, 6, 8});
  TrainingSet data;
  data.inputs = Eigen::MatrixXd::NullaryExpr(features, samples, [&] { return rng.uniform(1.0, 10.0); });
  if (unit_uptake) data.inputs.row(0).setOnes();
  const Eigen::VectorXd profile = Eigen::VectorXd::NullaryExpr(mech.n_ref(), [&] { return rng.uniform(0.5, 2.0); });
  data.targets = profile * data.inputs.row(0);
  data.targets += 0.05 * Eigen::MatrixXd::NullaryExpr(mech.n_ref(), features, [&] { return rng.uniform(0.0, 1.0); }) *
                  data.inputs;
  data.vin = Eigen::MatrixXd::Constant(1, samples, std::numeric_limits<double>::infinity());
  return {std::move(mech), std::move(data)};
}

TrainOptions options(FluxNormalisation n) {
  TrainOptions o;
  o.hidden = 12;
  o.epochs = 20;
  o.lr = 3e-3;
  o.seed = 5;
  o.normalise = n;
  o.scale_input = n == FluxNormalisation::None ? -1 : 0;
  return o;
}

TEST(Normalisation, AUnitUptakeChangesNoBitOfTraining) {
  const Fixture f = make_fixture(true);
  const TrainOptions plain = options(FluxNormalisation::None), scaled = options(FluxNormalisation::Uptake);
  const TrainedMinn a = train_minn(f.mech, f.data, plain, choose_step(f.mech, plain));
  const TrainedMinn b = train_minn(f.mech, f.data, scaled, choose_step(f.mech, scaled));
  EXPECT_EQ(a.network.parameters(), b.network.parameters());
  EXPECT_EQ(b.scale_input, 0);
  EXPECT_EQ(b.yield_offset.size(), 0);
}

TEST(Normalisation, FluxesScaleWithTheRawUptakeBeyondTheTrainedRange) {
  const Fixture f = make_fixture(false);
  TrainOptions o = options(FluxNormalisation::Uptake);
  o.clip_inputs = true;  // beyond the range the network sees the same (clipped) inputs
  o.steps = 0;           // V = V0
  const TrainedMinn model = train_minn(f.mech, f.data, o, choose_step(f.mech, o));
  Eigen::MatrixXd x = f.data.inputs.col(0).replicate(1, 2);
  const double top = f.data.inputs.row(0).maxCoeff();
  x(0, 0) = 2 * top;
  x(0, 1) = 3 * top;
  const Eigen::MatrixXd vin = Eigen::MatrixXd::Constant(1, 2, std::numeric_limits<double>::infinity());
  const Eigen::MatrixXd V = predict_fluxes(f.mech, model, x, vin);
  for (Eigen::Index i = 0; i < V.rows(); ++i) EXPECT_NEAR(V(i, 1), 1.5 * V(i, 0), 1e-12 * (1 + std::abs(V(i, 1))));
  // A negative (faulty) uptake gives V0 = 0, not sign-flipped fluxes.
  x(0, 0) = -top;
  EXPECT_EQ(predict_fluxes(f.mech, model, x, vin).col(0).cwiseAbs().maxCoeff(), 0.0);
}

TEST(Normalisation, AnUntrainedResidualModelIsTheUptakeScaledMeanProfile) {
  const Fixture f = make_fixture(false);
  TrainOptions o = options(FluxNormalisation::UptakeResidual);
  o.epochs = 0;
  const TrainedMinn model = train_minn(f.mech, f.data, o, choose_step(f.mech, o));
  ASSERT_EQ(model.yield_offset.size(), f.mech.n());
  const Eigen::VectorXd expected =
      complete_yield_profile(f.mech, mean_yields(f.data.targets, f.data.inputs.row(0).transpose()));
  EXPECT_TRUE(model.yield_offset.isApprox(expected.cast<float>().cast<double>()));
  Eigen::MatrixXd V0;
  predict_fluxes(f.mech, model, f.data.inputs, f.data.vin, &V0);
  for (Eigen::Index j = 0; j < V0.cols(); ++j)
    EXPECT_TRUE(V0.col(j).isApprox(f.data.inputs(0, j) * model.yield_offset)) << j;
}

TEST(Normalisation, TrainingLowersTheLossInBothForms) {
  const Fixture f = make_fixture(false);
  for (FluxNormalisation n : {FluxNormalisation::Uptake, FluxNormalisation::UptakeResidual}) {
    TrainOptions o = options(n);
    o.epochs = 40;
    const TrainedMinn model = train_minn(f.mech, f.data, o, choose_step(f.mech, o));
    EXPECT_LT(model.history.back().loss, model.history.front().loss) << normalisation_name(n);
  }
}

TEST(Normalisation, NeedsTheUptakeRow) {
  const Fixture f = make_fixture(false);
  TrainOptions o = options(FluxNormalisation::Uptake);
  o.scale_input = -1;
  EXPECT_THROW(train_minn(f.mech, f.data, o, choose_step(f.mech, o)), Error);
  EXPECT_THROW(parse_normalisation("biomass"), Error);
}

}  // namespace
}  // namespace minn::train
