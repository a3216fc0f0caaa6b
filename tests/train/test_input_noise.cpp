// Input-noise augmentation (TrainOptions::input_noise_sd): no noise trains exactly as without the
// option; noise on one of two redundant inputs teaches the network to lean on the clean one (the
// reason it exists: a growth rate estimated from a noisy biomass signal next to clean uptakes);
// bad standard deviations are errors naming the option.
#include <gtest/gtest.h>

#include <limits>

#include "common/error.hpp"
#include "random_gem.hpp"
#include "train/trainer.hpp"

namespace minn::train {
namespace {

struct Fixture {
  Mechanics mech;
  TrainingSet data;
};

// Inputs 0 and 1 carry the same value (a redundant measurement); input 2 is independent.
Fixture redundant_inputs() {
  Rng rng(41);
  const int n = 20, samples = 80;
  Mechanics mech(testing::random_stoichiometry(8, n, rng), {0}, {1, 3, 4, 6, 8, 10, 12});
  TrainingSet data;
  data.inputs.resize(3, samples);
  for (int j = 0; j < samples; ++j) {
    data.inputs(0, j) = rng.uniform(0.0, 10.0);
    data.inputs(1, j) = data.inputs(0, j);
    data.inputs(2, j) = rng.uniform(0.0, 10.0);
  }
  Eigen::MatrixXd mix = Eigen::MatrixXd::NullaryExpr(mech.n_ref(), 3, [&] { return rng.uniform(0.1, 1.0); });
  mix.col(1).setZero();  // the truth depends on the shared value through input 0's column only
  data.targets = mix * data.inputs;
  data.vin = Eigen::MatrixXd::Constant(1, samples, std::numeric_limits<double>::infinity());
  return {std::move(mech), std::move(data)};
}

TrainOptions options(std::vector<double> noise) {
  TrainOptions o;
  o.hidden = 32;
  o.epochs = 150;
  o.lr = 3e-3;
  o.dropout = 0;
  o.seed = 3;
  o.input_noise_sd = std::move(noise);
  return o;
}

// Mean absolute change of the predicted fluxes when input 1 alone moves by +3 (input 0 unchanged).
double reliance_on_input_1(const Fixture& f, const TrainedMinn& model) {
  Eigen::MatrixXd moved = f.data.inputs;
  moved.row(1).array() += 3.0;
  const Eigen::MatrixXd a = predict_fluxes(f.mech, model, f.data.inputs, f.data.vin);
  const Eigen::MatrixXd b = predict_fluxes(f.mech, model, moved, f.data.vin);
  return (b - a).cwiseAbs().mean();
}

TEST(InputNoise, ZeroNoiseTrainsExactlyAsWithoutTheOption) {
  const Fixture f = redundant_inputs();
  const TrainOptions none = options({}), zero = options({0.0, 0.0, 0.0});
  const TrainedMinn a = train_minn(f.mech, f.data, none, choose_step(f.mech, none));
  const TrainedMinn b = train_minn(f.mech, f.data, zero, choose_step(f.mech, zero));
  EXPECT_EQ(a.network.parameters(), b.network.parameters());
}

TEST(InputNoise, NoiseOnARedundantInputMovesTheNetworkToTheCleanOne) {
  const Fixture f = redundant_inputs();
  const TrainOptions clean = options({}), noisy = options({0.0, 3.0, 0.0});
  const TrainedMinn plain = train_minn(f.mech, f.data, clean, choose_step(f.mech, clean));
  const TrainedMinn augmented = train_minn(f.mech, f.data, noisy, choose_step(f.mech, noisy));
  const double before = reliance_on_input_1(f, plain), after = reliance_on_input_1(f, augmented);
  EXPECT_GT(before, 0.05) << "the plain network should use both copies";
  EXPECT_LT(after, 0.5 * before) << "before " << before << ", after " << after;
  // Same seed, same noise: the same weights (the noise has its own seeded stream).
  const TrainedMinn again = train_minn(f.mech, f.data, noisy, choose_step(f.mech, noisy));
  EXPECT_EQ(augmented.network.parameters(), again.network.parameters());
}

TEST(InputNoise, BadStandardDeviationsAreErrorsNamingTheOption) {
  const Fixture f = redundant_inputs();
  for (const std::vector<double>& bad : {std::vector<double>{0.0, -1.0, 0.0},
                                         std::vector<double>{0.0, std::numeric_limits<double>::infinity(), 0.0},
                                         std::vector<double>{1.0, 1.0}}) {
    const TrainOptions o = options(bad);
    try {
      train_minn(f.mech, f.data, o, choose_step(f.mech, o));
      FAIL() << "accepted a bad --input-noise";
    } catch (const Error& error) {
      EXPECT_NE(std::string(error.what()).find("--input-noise"), std::string::npos) << error.what();
    }
  }
}

}  // namespace
}  // namespace minn::train
