#include "train/adam.hpp"

#include <cmath>

namespace minn::train {

Adam::Adam(Eigen::Index size, AdamOptions options) : o_(options) {
  m_.setZero(size);
  v_.setZero(size);
}

void Adam::step(Eigen::VectorXd& params, Eigen::VectorXd& grad) {
  ++t_;
  const double bias1 = 1.0 - std::pow(o_.beta1, static_cast<double>(t_));
  const double bias2_sqrt = std::sqrt(1.0 - std::pow(o_.beta2, static_cast<double>(t_)));
  const double step_size = o_.lr / bias1;
  const double b1 = o_.beta1, b2 = o_.beta2, wd = o_.weight_decay, eps = o_.eps;
  const double c1 = 1.0 - b1, c2 = 1.0 - b2;
  // One fused pass (the optimiser streams ~4 vectors of every parameter per batch; four
  // separate passes were the trainer's largest cost). Element-wise IEEE operations only, so the
  // result does not depend on the vector width the compiler picks.
  double* p = params.data();
  double* g = grad.data();
  double* m = m_.data();
  double* v = v_.data();
  const Eigen::Index size = params.size();
  for (Eigen::Index i = 0; i < size; ++i) {
    const double gi = g[i] + wd * p[i];
    g[i] = gi;
    m[i] = b1 * m[i] + c1 * gi;
    v[i] = b2 * v[i] + c2 * (gi * gi);
    p[i] -= step_size * m[i] / (std::sqrt(v[i]) / bias2_sqrt + eps);
  }
}

}  // namespace minn::train
