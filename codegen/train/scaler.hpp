// Min-max scaling to [0, 1], fit on the training rows only (sklearn MinMaxScaler semantics:
// a constant feature gets range 1, so it maps to 0).
#pragma once
#include <Eigen/Core>

namespace minn::train {

struct MinMaxScaler {
  Eigen::VectorXd min;    // per feature
  Eigen::VectorXd range;  // max - min, 1 where max == min
  Eigen::VectorXd max;    // per feature, as seen in the training rows (the envelope)

  // X is features x samples.
  static MinMaxScaler fit(const Eigen::MatrixXd& X);
  Eigen::MatrixXd transform(const Eigen::MatrixXd& X) const;
};

}  // namespace minn::train
