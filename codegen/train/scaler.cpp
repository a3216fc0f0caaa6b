#include "train/scaler.hpp"

#include "common/error.hpp"

namespace minn::train {

MinMaxScaler MinMaxScaler::fit(const Eigen::MatrixXd& X) {
  if (X.cols() == 0) throw Error("cannot fit the input scaler on zero training rows");
  MinMaxScaler s;
  s.min = X.rowwise().minCoeff();
  s.max = X.rowwise().maxCoeff();
  s.range = s.max - s.min;
  for (Eigen::Index i = 0; i < s.range.size(); ++i)
    if (s.range(i) == 0) s.range(i) = 1.0;
  return s;
}

Eigen::MatrixXd MinMaxScaler::transform(const Eigen::MatrixXd& X) const {
  if (X.rows() != min.size())
    throw Error("input has " + std::to_string(X.rows()) + " features, the scaler expects " +
                std::to_string(min.size()));
  Eigen::MatrixXd scaled = ((X.colwise() - min).array().colwise() / range.array()).matrix();
  if (clip) scaled = scaled.cwiseMax(0.0).cwiseMin(1.0);
  return scaled;
}

}  // namespace minn::train
