// Training runs on a random GEM: a short run lowers the loss, the same seed gives bit-identical
// weights (also when two trainings run on two threads at once), another seed does not, and a
// fixed step that overflows is reported as an error instead of producing garbage.
#include <gtest/gtest.h>

#include <limits>
#include <thread>

#include "common/error.hpp"
#include "random_gem.hpp"
#include "train/trainer.hpp"

namespace minn::train {
namespace {

struct Fixture {
  Mechanics mech;
  TrainingSet data;
};

Fixture make_fixture() {
  Rng rng(31);
  const int n = 24, samples = 12, features = 6;
  Mechanics mech(testing::random_stoichiometry(10, n, rng), {0}, {2, 5, 7, 9, 11});
  TrainingSet data;
  data.inputs = Eigen::MatrixXd::NullaryExpr(features, samples, [&] { return rng.uniform(0.0, 50.0); });
  // Targets depend on the inputs, so there is something to learn.
  Eigen::MatrixXd mix = Eigen::MatrixXd::NullaryExpr(mech.n_ref(), features, [&] { return rng.uniform(0.0, 0.1); });
  data.targets = mix * data.inputs;
  data.vin = Eigen::MatrixXd::Constant(1, samples, std::numeric_limits<double>::infinity());
  return {std::move(mech), std::move(data)};
}

TrainOptions small_options(std::uint64_t seed) {
  TrainOptions o;
  o.hidden = 16;
  o.epochs = 60;
  o.lr = 3e-3;
  o.seed = seed;
  return o;
}

TEST(Training, AShortRunLowersTheLoss) {
  const Fixture f = make_fixture();
  const TrainOptions o = small_options(1);
  const TrainedMinn model = train_minn(f.mech, f.data, o, choose_step(f.mech, o));
  ASSERT_EQ(model.history.size(), 60u);
  EXPECT_LT(model.history.back().loss, 0.5 * model.history.front().loss);
  EXPECT_LT(model.history.back().ne, model.history.front().ne);
}

TEST(Training, EveryVariantTrainsAndLowersItsOwnObjective) {
  const Fixture f = make_fixture();
  for (Variant v : {Variant::CBalanced, Variant::Unbalanced, Variant::Mse, Variant::Divided}) {
    TrainOptions o = small_options(2);
    o.variant = v;
    o.c = default_c(v);
    const TrainedMinn model = train_minn(f.mech, f.data, o, choose_step(f.mech, o));
    EXPECT_LT(model.history.back().loss, model.history.front().loss) << variant_name(v);
  }
}

TEST(Training, SameSeedGivesIdenticalWeightsOnOneOrTwoThreads) {
  const Fixture f = make_fixture();
  const TrainOptions a = small_options(7), b = small_options(8);
  const StepChoice step = choose_step(f.mech, a);
  const TrainedMinn first = train_minn(f.mech, f.data, a, step);
  const TrainedMinn again = train_minn(f.mech, f.data, a, step);
  EXPECT_EQ(first.network.parameters(), again.network.parameters());

  // Two trainings at once on two threads (as cross-validation runs them).
  std::unique_ptr<TrainedMinn> threaded_a, threaded_b;
  std::thread ta([&] { threaded_a = std::make_unique<TrainedMinn>(train_minn(f.mech, f.data, a, step)); });
  std::thread tb([&] { threaded_b = std::make_unique<TrainedMinn>(train_minn(f.mech, f.data, b, step)); });
  ta.join();
  tb.join();
  EXPECT_EQ(first.network.parameters(), threaded_a->network.parameters());
  EXPECT_NE(first.network.parameters(), threaded_b->network.parameters());
}

TEST(Training, AnOverflowingFixedStepIsAnErrorNotGarbage) {
  // eta * lambda = 1e40: after 8 steps the fluxes overflow to inf.
  const Fixture f = make_fixture();
  TrainOptions o = small_options(3);
  o.fixed_step = 1e40 / lambda_max_sts(f.mech);
  const StepChoice step = choose_step(f.mech, o);
  EXPECT_TRUE(step.diverges);
  EXPECT_THROW(train_minn(f.mech, f.data, o, step), Error);
}

TEST(Training, RejectsBadOptionsAndShapes) {
  const Fixture f = make_fixture();
  TrainOptions o = small_options(4);
  const StepChoice step = choose_step(f.mech, o);
  o.dropout = 1.0;
  EXPECT_THROW(train_minn(f.mech, f.data, o, step), Error);
  o = small_options(4);
  TrainingSet bad = f.data;
  bad.targets.conservativeResize(bad.targets.rows() - 1, Eigen::NoChange);
  EXPECT_THROW(train_minn(f.mech, bad, o, step), Error);
  bad = f.data;
  bad.inputs(0, 0) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(train_minn(f.mech, bad, o, step), Error);
}

TEST(Scaler, MapsTheTrainingRowsOntoZeroOne) {
  Eigen::MatrixXd X(2, 3);
  X << 1, 3, 5,  //
      7, 7, 7;   // constant feature: range 1, maps to 0 (sklearn)
  const MinMaxScaler s = MinMaxScaler::fit(X);
  const Eigen::MatrixXd Y = s.transform(X);
  EXPECT_DOUBLE_EQ(Y(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(Y(0, 1), 0.5);
  EXPECT_DOUBLE_EQ(Y(0, 2), 1.0);
  EXPECT_DOUBLE_EQ(Y(1, 1), 0.0);
  EXPECT_DOUBLE_EQ(s.range(1), 1.0);
}

TEST(Scaler, ClipSaturatesOnlyValuesOutsideTheTrainingRange) {
  Eigen::MatrixXd X(2, 3);
  X << 1, 3, 5,  //
      7, 7, 7;
  MinMaxScaler s = MinMaxScaler::fit(X);
  Eigen::MatrixXd held_out(2, 3);
  held_out << -3, 4, 157,  // below, inside, 38x beyond the range
      7, 6.5, 9;
  const Eigen::MatrixXd free = s.transform(held_out);
  EXPECT_DOUBLE_EQ(free(0, 0), -1.0);
  EXPECT_DOUBLE_EQ(free(0, 2), 39.0);
  s.clip = true;
  const Eigen::MatrixXd clipped = s.transform(held_out);
  EXPECT_DOUBLE_EQ(clipped(0, 0), 0.0);
  EXPECT_DOUBLE_EQ(clipped(0, 1), 0.75);
  EXPECT_DOUBLE_EQ(clipped(0, 2), 1.0);
  EXPECT_DOUBLE_EQ(clipped(1, 0), 0.0);
  EXPECT_DOUBLE_EQ(clipped(1, 1), 0.0);
  EXPECT_DOUBLE_EQ(clipped(1, 2), 1.0);
  EXPECT_EQ(s.transform(X), MinMaxScaler::fit(X).transform(X));  // the training rows are untouched
}

}  // namespace
}  // namespace minn::train
