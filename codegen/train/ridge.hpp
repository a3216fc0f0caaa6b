// Ridge regression with an unpenalised intercept (sklearn's Ridge(fit_intercept=True)), solved in
// the dual because minn's problems have far fewer samples (experiments) than targets. Shared by the
// ridge baseline (eval/baselines.hpp) and the ridge base of the residual MINN (train/linear_base.hpp).
#pragma once
#include <Eigen/Core>
#include <vector>

namespace minn::train {

// The search grid every ridge in minn uses: 10^-4 .. 10^4 in steps of 10^0.5.
std::vector<double> ridge_lambdas();

// Fitted on X (features x N) and Y (targets x N), the predictions for Xnew (features x M):
//   mean(Y) + Yc (Xc^T Xc + lambda I)^-1 Xc^T (Xnew - mean(X)), Xc, Yc centred.
Eigen::MatrixXd ridge_predict(const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y, const Eigen::MatrixXd& Xnew,
                              double lambda);

// The same fit as an affine map: prediction(x) = y_mean + W (x - x_mean).
struct RidgeFit {
  Eigen::MatrixXd W;  // targets x features
  Eigen::VectorXd x_mean, y_mean;
};
RidgeFit ridge_fit(const Eigen::MatrixXd& X, const Eigen::MatrixXd& Y, double lambda);

}  // namespace minn::train
