#include "train/ridge.hpp"

#include <Eigen/Cholesky>
#include <cmath>

#include "common/error.hpp"

namespace minn::train {
namespace {

struct DualSolution {
  Eigen::VectorXd x_mean, y_mean;
  Eigen::MatrixXd Xc;
  Eigen::MatrixXd alpha;  // N x targets: (Xc^T Xc + lambda I)^-1 Yc^T
};

DualSolution solve_dual(const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y, double lambda) {
  if (X.cols() != Y.cols() || X.cols() == 0)
    throw Error("ridge: " + std::to_string(X.cols()) + " input samples and " + std::to_string(Y.cols()) +
                " target samples; expected the same positive number");
  if (!(lambda >= 0)) throw Error("ridge: lambda must be >= 0");
  DualSolution d;
  d.x_mean = X.rowwise().mean();
  d.y_mean = Y.rowwise().mean();
  d.Xc = X.colwise() - d.x_mean;
  const Eigen::MatrixXd Yc = Y.colwise() - d.y_mean;
  Eigen::MatrixXd K = d.Xc.transpose() * d.Xc;
  K.diagonal().array() += lambda;
  d.alpha = K.ldlt().solve(Yc.transpose());
  return d;
}

}  // namespace

std::vector<double> ridge_lambdas() {
  std::vector<double> out;
  for (int k = -8; k <= 8; ++k) out.push_back(std::pow(10.0, k / 2.0));
  return out;
}

Eigen::MatrixXd ridge_predict(const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y, const Eigen::MatrixXd& Xnew,
                              double lambda) {
  const DualSolution d = solve_dual(X, Y, lambda);
  const Eigen::MatrixXd cross = d.Xc.transpose() * (Xnew.colwise() - d.x_mean);  // N x new
  return (d.alpha.transpose() * cross).colwise() + d.y_mean;
}

RidgeFit ridge_fit(const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y, double lambda) {
  DualSolution d = solve_dual(X, Y, lambda);
  return RidgeFit{d.alpha.transpose() * d.Xc.transpose(), std::move(d.x_mean), std::move(d.y_mean)};
}

}  // namespace minn::train
