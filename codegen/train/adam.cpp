#include "train/adam.hpp"

#include <cmath>

namespace minn::train {

Adam::Adam(Eigen::Index size, AdamOptions options) : o_(options) {
  m_.setZero(size);
  v_.setZero(size);
}

void Adam::step(Eigen::VectorXd& params, Eigen::VectorXd& grad) {
  ++t_;
  if (o_.weight_decay != 0) grad += o_.weight_decay * params;
  m_ = o_.beta1 * m_ + (1.0 - o_.beta1) * grad;
  v_ = o_.beta2 * v_ + (1.0 - o_.beta2) * grad.cwiseAbs2();
  const double bias1 = 1.0 - std::pow(o_.beta1, static_cast<double>(t_));
  const double bias2_sqrt = std::sqrt(1.0 - std::pow(o_.beta2, static_cast<double>(t_)));
  const double step_size = o_.lr / bias1;
  params.array() -= step_size * m_.array() / (v_.array().sqrt() / bias2_sqrt + o_.eps);
}

}  // namespace minn::train
