// The least-squares baseline stored as a MINN (surrogate/linear_baseline.hpp): its network is
// exactly linear in the rates (also far outside the training range), it recovers an exactly linear
// map, and --input-noise shrinks the weight of a noisy redundant input as training with that noise
// would (ridge with the noise's variance).
#include <gtest/gtest.h>

#include <limits>

#include "common/error.hpp"
#include "surrogate/linear_baseline.hpp"
#include "train/rng.hpp"

namespace minn::surrogate {
namespace {

// Targets = A x + c for random x (3 rates), 5 outputs; x1 a copy of x0 when `redundant`.
train::TrainingSet linear_data(bool redundant, int samples = 60) {
  train::Rng rng(12);
  train::TrainingSet data;
  data.inputs.resize(3, samples);
  for (int j = 0; j < samples; ++j) {
    data.inputs(0, j) = rng.uniform(1.0, 10.0);
    data.inputs(1, j) = redundant ? data.inputs(0, j) : rng.uniform(0.0, 20.0);
    data.inputs(2, j) = rng.uniform(0.1, 0.7);
  }
  Eigen::MatrixXd A(5, 3);
  A << 1, 0, 2, 0.5, 0, -3, 2, 0, 0, 0.1, 0, 1, 3, 0, 5;
  if (!redundant) A.col(1) << 0.2, -1, 0.5, 0, 0.3;
  data.targets = (A * data.inputs).colwise() + Eigen::VectorXd::LinSpaced(5, 1, 5);
  data.vin = Eigen::MatrixXd::Constant(1, samples, std::numeric_limits<double>::infinity());
  return data;
}

// The stored network's V0 for raw inputs (no refinement: K = 0).
Eigen::MatrixXd network_output(const train::TrainedMinn& m, const Eigen::MatrixXd& raw) {
  train::Network net = m.network;
  Eigen::MatrixXd V0;
  net.forward(m.scaler.transform(raw), 0.0, nullptr, V0);
  return V0;
}

train::StepChoice step() {
  train::StepChoice s;
  s.eta = 0.01;
  return s;
}

TEST(LinearBaseline, RecoversAnExactlyLinearMapAndStaysLinearFarOutside) {
  const train::TrainingSet data = linear_data(false);
  const train::TrainedMinn m = fit_linear_baseline(data, train::TrainOptions{}, step());
  EXPECT_EQ(m.refinement.steps, 0);
  EXPECT_EQ(m.network.hidden(), 6);
  EXPECT_LT((network_output(m, data.inputs) - data.targets).cwiseAbs().maxCoeff(), 1e-9);
  // Far outside the training range, on both sides: still A x + c (the +-x hidden pairs).
  Eigen::MatrixXd far(3, 2);
  far << -50, 400, 300, -80, -2, 9;
  Eigen::MatrixXd A(5, 3);
  A << 1, 0.2, 2, 0.5, -1, -3, 2, 0.5, 0, 0.1, 0, 1, 3, 0.3, 5;
  const Eigen::MatrixXd want = (A * far).colwise() + Eigen::VectorXd::LinSpaced(5, 1, 5);
  EXPECT_LT((network_output(m, far) - want).cwiseAbs().maxCoeff(), 1e-8);
}

TEST(LinearBaseline, InputNoiseShrinksTheNoisyCopyOfARedundantRate) {
  const train::TrainingSet data = linear_data(true);
  train::TrainOptions noisy;
  noisy.input_noise_sd = {0.0, 5.0, 0.0};
  const train::TrainedMinn m = fit_linear_baseline(data, noisy, step());
  // The fit leans on the clean copy: moving only the noisy copy barely moves the outputs.
  Eigen::MatrixXd a = data.inputs.leftCols(5), b = a;
  b.row(1).array() += 3.0;
  const double moved_noisy = (network_output(m, b) - network_output(m, a)).cwiseAbs().maxCoeff();
  b = a;
  b.row(0).array() += 3.0;
  const double moved_clean = (network_output(m, b) - network_output(m, a)).cwiseAbs().maxCoeff();
  EXPECT_LT(moved_noisy, 0.01 * moved_clean) << moved_noisy << " vs " << moved_clean;
}

TEST(LinearBaseline, TooFewSamplesIsAnErrorNamingTheOption) {
  try {
    fit_linear_baseline(linear_data(false, 3), train::TrainOptions{}, step());
    FAIL() << "3 samples for 3 rates and an intercept were accepted";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("--baseline linear: 3 training samples"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace minn::surrogate
