#include "surrogate/linear_baseline.hpp"

#include <Eigen/QR>
#include <string>

#include "common/error.hpp"

namespace minn::surrogate {

train::TrainedMinn fit_linear_baseline(const train::TrainingSet& training, const train::TrainOptions& options,
                                       const train::StepChoice& step) {
  const int features = static_cast<int>(training.inputs.rows());
  const int outputs = static_cast<int>(training.targets.rows());
  const int samples = training.samples();
  if (samples < features + 1)
    throw Error("--baseline linear: " + std::to_string(samples) + " training samples for " +
                std::to_string(features) + " rates and an intercept");
  train::TrainedMinn m{train::MinMaxScaler::fit(training.inputs),
                       train::Network(features, 2 * features, outputs),
                       train::HeavyBall{0, static_cast<double>(static_cast<float>(step.eta)),
                                        static_cast<double>(static_cast<float>(options.momentum))},
                       {}, -1, {}};
  m.scaler.clip = options.clip_inputs;
  // Least squares on the scaled rates with an intercept column. With --input-noise, the expected
  // squared error under the same Gaussian input noise the MINN trains with: E||Y - (X + E) B||^2 =
  // ||Y - X B||^2 + N sum_i sigma_i^2 ||B_i||^2, i.e. ridge with a penalty N sigma_i^2 per input
  // (Bishop, Neural Comput. 7:108-116, 1995: training with noise is Tikhonov regularisation).
  const Eigen::MatrixXd scaled = m.scaler.transform(training.inputs);
  Eigen::MatrixXd design(samples, features + 1);
  design.leftCols(features) = scaled.transpose();
  design.col(features).setOnes();
  Eigen::MatrixXd coef;  // (f+1) x n
  if (options.input_noise_sd.empty()) {
    // Column-pivoting QR: exact for a well-posed problem, and a rank-deficient one still solves.
    coef = design.colPivHouseholderQr().solve(training.targets.transpose());
  } else {
    Eigen::MatrixXd normal = design.transpose() * design;
    for (int i = 0; i < features; ++i) {
      const double sd = options.input_noise_sd[static_cast<std::size_t>(i)] / m.scaler.range(i);
      normal(i, i) += samples * sd * sd;
    }
    coef = normal.colPivHouseholderQr().solve(design.transpose() * training.targets.transpose());
  }

  train::Network& net = m.network;
  Eigen::VectorXd& p = net.parameters();
  p.setZero();
  auto W1 = net.W1(p);
  W1.topRows(features).setIdentity();
  W1.bottomRows(features) = -Eigen::MatrixXd::Identity(features, features);
  auto W2 = net.W2(p);
  const Eigen::MatrixXd B = coef.topRows(features).transpose();  // n x f
  W2.leftCols(features) = B;
  W2.rightCols(features) = -B;
  net.b2(p) = coef.row(features).transpose();
  return m;
}

}  // namespace minn::surrogate
