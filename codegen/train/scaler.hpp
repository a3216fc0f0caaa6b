// Min-max scaling to [0, 1], fit on the training rows only (sklearn MinMaxScaler semantics:
// a constant feature gets range 1, so it maps to 0). With `clip` (sklearn's clip=True), scaled
// values are saturated to [0, 1]: a sensor reading beyond the training range is treated as the
// nearest value the network was trained on instead of being extrapolated (rpiA's rpiB transcript in
// the Ishii data is 38x the training maximum and makes the unclipped network predict nonsense).
#pragma once
#include <Eigen/Core>

namespace minn::train {

struct MinMaxScaler {
  Eigen::VectorXd min;    // per feature
  Eigen::VectorXd range;  // max - min, 1 where max == min
  Eigen::VectorXd max;    // per feature, as seen in the training rows (the envelope)
  bool clip = false;      // saturate transformed values to [0, 1]

  // X is features x samples.
  static MinMaxScaler fit(const Eigen::MatrixXd& X);
  Eigen::MatrixXd transform(const Eigen::MatrixXd& X) const;
};

}  // namespace minn::train
