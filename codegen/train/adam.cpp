#include "train/adam.hpp"

#include <cmath>

namespace minn::train {

// Element-wise IEEE operations only, so results do not depend on the vector width: the
// optimiser (the trainer's largest streaming cost) gets AVX2/AVX-512 clones where the CPU has
// them, and the same bits as the SSE2 baseline.
#define MINN_ELEMENTWISE_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

MINN_ELEMENTWISE_CLONES
void layer_weight_gradient_column(const LayerGradient& g, Eigen::Index j, double* out) {
  const Eigen::MatrixXd& U = *g.U;
  const Eigen::MatrixXd& X = *g.inputs;
  const Eigen::Index rows = U.rows(), batch = U.cols();
  const double* u0 = U.data();
  {
    const double x = X(j, 0);
    for (Eigen::Index i = 0; i < rows; ++i) out[i] = u0[i] * x;
  }
  for (Eigen::Index b = 1; b < batch; ++b) {
    const double* ub = U.data() + b * rows;
    const double x = X(j, b);
    for (Eigen::Index i = 0; i < rows; ++i) out[i] += ub[i] * x;
  }
}

void layer_bias_gradient(const LayerGradient& g, double* out) {
  const Eigen::MatrixXd& U = *g.U;
  for (Eigen::Index i = 0; i < U.rows(); ++i) {
    double sum = U(i, 0);
    for (Eigen::Index b = 1; b < U.cols(); ++b) sum += U(i, b);
    out[i] = sum;
  }
}

void materialize(const LayerGradient& g, Eigen::VectorXd& flat) {
  const Eigen::Index rows = g.U->rows();
  for (Eigen::Index j = 0; j < g.inputs->rows(); ++j)
    layer_weight_gradient_column(g, j, flat.data() + g.weight_offset + j * rows);
  layer_bias_gradient(g, flat.data() + g.bias_offset);
}

Adam::Adam(Eigen::Index size, AdamOptions options) : o_(options) {
  m_.setZero(size);
  v_.setZero(size);
}

Adam::Constants Adam::begin_step() {
  ++t_;
  const double bias1 = 1.0 - std::pow(o_.beta1, static_cast<double>(t_));
  const double bias2_sqrt = std::sqrt(1.0 - std::pow(o_.beta2, static_cast<double>(t_)));
  return {o_.lr / bias1, bias2_sqrt, o_.weight_decay};
}

MINN_ELEMENTWISE_CLONES
void Adam::update(const Constants& c, double* p, const double* g, double* m, double* v, Eigen::Index size) const {
  const double b1 = o_.beta1, b2 = o_.beta2, wd = c.weight_decay, eps = o_.eps;
  const double c1 = 1.0 - b1, c2 = 1.0 - b2;
  // torch: p -= (lr/bc1) m / (sqrt(v)/sqrt(bc2) + eps). Multiplying numerator and denominator by
  // sqrt(bc2) gives the same value with one division per element instead of two (division and
  // square root bound this loop).
  const double scaled_step = c.step_size * c.bias2_sqrt, scaled_eps = eps * c.bias2_sqrt;
  for (Eigen::Index i = 0; i < size; ++i) {
    const double gi = g[i] + wd * p[i];
    m[i] = b1 * m[i] + c1 * gi;
    v[i] = b2 * v[i] + c2 * (gi * gi);
    p[i] -= scaled_step * m[i] / (std::sqrt(v[i]) + scaled_eps);
  }
}

void Adam::step(Eigen::VectorXd& params, Eigen::VectorXd& grad) {
  Constants c = begin_step();
  if (c.weight_decay != 0) grad += c.weight_decay * params;  // PyTorch leaves the decayed gradient behind
  c.weight_decay = 0;                                         // already added
  update(c, params.data(), grad.data(), m_.data(), v_.data(), params.size());
}

void Adam::step(Eigen::VectorXd& params, const LayerGradient* layers, int count) {
  const Constants c = begin_step();
  for (int l = 0; l < count; ++l) {
    const LayerGradient& g = layers[l];
    const Eigen::Index rows = g.U->rows();
    column_.resize(rows);
    for (Eigen::Index j = 0; j < g.inputs->rows(); ++j) {
      const Eigen::Index at = g.weight_offset + j * rows;
      layer_weight_gradient_column(g, j, column_.data());
      update(c, params.data() + at, column_.data(), m_.data() + at, v_.data() + at, rows);
    }
    layer_bias_gradient(g, column_.data());
    update(c, params.data() + g.bias_offset, column_.data(), m_.data() + g.bias_offset,
           v_.data() + g.bias_offset, rows);
  }
}

}  // namespace minn::train
