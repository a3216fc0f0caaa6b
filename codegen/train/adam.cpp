#include "train/adam.hpp"

#include <cmath>

#include "train/dense_kernels.hpp"

namespace minn::train {
namespace {

// Element-wise IEEE operations only, so results do not depend on the vector width: the
// optimiser (the trainer's largest streaming cost) gets AVX2/AVX-512 clones where the CPU has
// them, and the same bits as the SSE2 baseline. target_clones does not apply to templates, so
// each body is inlined into one plain function per scalar type.
#define MINN_ELEMENTWISE_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

template <class T>
__attribute__((always_inline)) inline void gradient_column_body(const LayerGradientT<T>& g, Eigen::Index j, T* out) {
  const MatrixX<T>& U = *g.U;
  const MatrixX<T>& X = *g.inputs;
  const Eigen::Index rows = U.rows(), batch = U.cols();
  const T* u0 = U.data();
  {
    const T x = X(j, 0);
    for (Eigen::Index i = 0; i < rows; ++i) out[i] = u0[i] * x;
  }
  for (Eigen::Index b = 1; b < batch; ++b) {
    const T* ub = U.data() + b * rows;
    const T x = X(j, b);
    for (Eigen::Index i = 0; i < rows; ++i) out[i] += ub[i] * x;
  }
}

// torch: p -= (lr/bc1) m / (sqrt(v)/sqrt(bc2) + eps). Multiplying numerator and denominator by
// sqrt(bc2) gives the same value with one division per element instead of two (division and
// square root bound this loop).
template <class T>
__attribute__((always_inline)) inline void update_body(const AdamConstants<T>& c, T* p, const T* g, T* m, T* v,
                                                       Eigen::Index size) {
  const T b1 = c.beta1, b2 = c.beta2, c1 = c.one_minus_beta1, c2 = c.one_minus_beta2, wd = c.weight_decay;
  const T scaled_step = c.scaled_step, scaled_eps = c.scaled_eps;
  for (Eigen::Index i = 0; i < size; ++i) {
    const T gi = g[i] + wd * p[i];
    m[i] = b1 * m[i] + c1 * gi;
    v[i] = b2 * v[i] + c2 * (gi * gi);
    p[i] -= scaled_step * m[i] / (std::sqrt(v[i]) + scaled_eps);
  }
}

// One weight column j of a layer: optionally the pre-update dot products with G (the fused
// backward product), then the gradient column, then the update.
template <class T>
__attribute__((always_inline)) inline void column_body(const AdamConstants<T>& c, const LayerGradientT<T>& g,
                                                       Eigen::Index j, T* p, T* m, T* v, T* column,
                                                       const PreUpdateTransposeProduct<T>* transpose) {
  const Eigen::Index rows = g.U->rows();
  if (transpose) {
    const MatrixX<T>& G = *transpose->G;
    MatrixX<T>& out = *transpose->out;
    dense_dots(p, G.data(), rows, G.cols(), rows, out.data() + j, out.rows());
  }
  gradient_column_body(g, j, column);
  update_body(c, p, column, m, v, rows);
}

MINN_ELEMENTWISE_CLONES void update(const AdamConstants<double>& c, double* p, const double* g, double* m, double* v,
                                    Eigen::Index size) {
  update_body(c, p, g, m, v, size);
}
MINN_ELEMENTWISE_CLONES void update(const AdamConstants<float>& c, float* p, const float* g, float* m, float* v,
                                    Eigen::Index size) {
  update_body(c, p, g, m, v, size);
}
MINN_ELEMENTWISE_CLONES void update_column(const AdamConstants<double>& c, const LayerGradientT<double>& g,
                                           Eigen::Index j, double* p, double* m, double* v, double* column,
                                           const PreUpdateTransposeProduct<double>* transpose) {
  column_body(c, g, j, p, m, v, column, transpose);
}
MINN_ELEMENTWISE_CLONES void update_column(const AdamConstants<float>& c, const LayerGradientT<float>& g,
                                           Eigen::Index j, float* p, float* m, float* v, float* column,
                                           const PreUpdateTransposeProduct<float>* transpose) {
  column_body(c, g, j, p, m, v, column, transpose);
}

}  // namespace

MINN_ELEMENTWISE_CLONES
void layer_weight_gradient_column(const LayerGradientT<double>& g, Eigen::Index j, double* out) {
  gradient_column_body(g, j, out);
}
MINN_ELEMENTWISE_CLONES
void layer_weight_gradient_column(const LayerGradientT<float>& g, Eigen::Index j, float* out) {
  gradient_column_body(g, j, out);
}

template <class T>
void layer_bias_gradient(const LayerGradientT<T>& g, T* out) {
  const MatrixX<T>& U = *g.U;
  for (Eigen::Index i = 0; i < U.rows(); ++i) {
    T sum = U(i, 0);
    for (Eigen::Index b = 1; b < U.cols(); ++b) sum += U(i, b);
    out[i] = sum;
  }
}

template <class T>
void materialize(const LayerGradientT<T>& g, VectorX<T>& flat) {
  const Eigen::Index rows = g.U->rows();
  for (Eigen::Index j = 0; j < g.inputs->rows(); ++j)
    layer_weight_gradient_column(g, j, flat.data() + g.weight_offset + j * rows);
  layer_bias_gradient(g, flat.data() + g.bias_offset);
}

template <class T>
AdamT<T>::AdamT(Eigen::Index size, AdamOptions options) : o_(options) {
  m_.setZero(size);
  v_.setZero(size);
}

template <class T>
AdamConstants<T> AdamT<T>::begin_step() {
  ++t_;
  const double bias1 = 1.0 - std::pow(o_.beta1, static_cast<double>(t_));
  const double bias2_sqrt = std::sqrt(1.0 - std::pow(o_.beta2, static_cast<double>(t_)));
  const double step_size = o_.lr / bias1;
  return {static_cast<T>(o_.beta1),
          static_cast<T>(o_.beta2),
          static_cast<T>(1.0 - o_.beta1),
          static_cast<T>(1.0 - o_.beta2),
          static_cast<T>(o_.weight_decay),
          static_cast<T>(step_size * bias2_sqrt),
          static_cast<T>(o_.eps * bias2_sqrt)};
}

template <class T>
void AdamT<T>::step(VectorX<T>& params, VectorX<T>& grad) {
  AdamConstants<T> c = begin_step();
  if (c.weight_decay != 0) grad += c.weight_decay * params;  // PyTorch leaves the decayed gradient behind
  c.weight_decay = 0;                                         // already added
  update(c, params.data(), grad.data(), m_.data(), v_.data(), params.size());
}

template <class T>
void AdamT<T>::step(VectorX<T>& params, const LayerGradientT<T>* layers, int count) {
  const AdamConstants<T> c = begin_step();
  for (int l = 0; l < count; ++l) update_layer(c, params, layers[l]);
}

template <class T>
void AdamT<T>::update_layer(const AdamConstants<T>& c, VectorX<T>& params, const LayerGradientT<T>& g,
                            const PreUpdateTransposeProduct<T>* transpose) {
  const Eigen::Index rows = g.U->rows();
  column_.resize(rows);
  if (transpose) transpose->out->resize(g.inputs->rows(), transpose->G->cols());
  for (Eigen::Index j = 0; j < g.inputs->rows(); ++j) {
    const Eigen::Index at = g.weight_offset + j * rows;
    update_column(c, g, j, params.data() + at, m_.data() + at, v_.data() + at, column_.data(), transpose);
  }
  layer_bias_gradient(g, column_.data());
  update(c, params.data() + g.bias_offset, column_.data(), m_.data() + g.bias_offset, v_.data() + g.bias_offset,
         rows);
}

template void layer_bias_gradient(const LayerGradientT<double>&, double*);
template void layer_bias_gradient(const LayerGradientT<float>&, float*);
template void materialize(const LayerGradientT<double>&, VectorX<double>&);
template void materialize(const LayerGradientT<float>&, VectorX<float>&);
template class AdamT<double>;
template class AdamT<float>;

}  // namespace minn::train
