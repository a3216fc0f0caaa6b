// The trainer's dense products for a small batch (B columns, e.g. 5), as plain loops with a
// fixed summation order. Without -ffast-math the compiler may vectorise these loops only in ways
// that keep every rounding step, so the AVX2/AVX-512 clones (chosen at run time) give exactly the
// bits of the SSE2 baseline: a model trained on any x86-64 is byte-identical. They are also faster
// here than Eigen's general GEMM, whose packing dominates at B = 5. Overloaded for the trainer's
// two precisions (double and float).
#pragma once
#include <Eigen/Core>

namespace minn::train {

// out = W X + bias (bias added first, then the columns of W in order). W is r x c, X is c x B.
void dense_forward(const Eigen::Ref<const Eigen::MatrixXd>& W, const Eigen::Ref<const Eigen::VectorXd>& bias,
                   const Eigen::MatrixXd& X, Eigen::MatrixXd& out);
void dense_forward(const Eigen::Ref<const Eigen::MatrixXf>& W, const Eigen::Ref<const Eigen::VectorXf>& bias,
                   const Eigen::MatrixXf& X, Eigen::MatrixXf& out);

// out = W^T G. W is r x c, G is r x B, out is c x B. Each entry is a dot product over r summed
// in kDotLanes<T> interleaved partial sums (8 for double, 16 for float: one AVX-512 register)
// combined in a fixed tree.
void dense_transpose_times(const Eigen::Ref<const Eigen::MatrixXd>& W, const Eigen::MatrixXd& G, Eigen::MatrixXd& out);
void dense_transpose_times(const Eigen::Ref<const Eigen::MatrixXf>& W, const Eigen::MatrixXf& G, Eigen::MatrixXf& out);

// One entry of dense_transpose_times: sum_i a[i] g[i] in the same order (the fused Adam pass over
// W2 uses it, so the fused and unfused backward give the same bits). Inline so that the caller's
// vector clones cover it.
template <class T>
inline constexpr int kDotLanes = 64 / static_cast<int>(sizeof(T));

template <class T>
__attribute__((always_inline)) inline T dense_dot(const T* a, const T* g, Eigen::Index r) {
  constexpr int L = kDotLanes<T>;
  T acc[L] = {};
  Eigen::Index i = 0;
  for (; i + L <= r; i += L)
    for (int k = 0; k < L; ++k) acc[k] += a[i + k] * g[i + k];
  T tail = 0;
  for (; i < r; ++i) tail += a[i] * g[i];
  // Pairwise tree over the lanes: ((0+1)+(2+3)) + ((4+5)+(6+7)) for 8, the same one level deeper for 16.
  for (int width = L / 2; width >= 1; width /= 2)
    for (int k = 0; k < width; ++k) acc[k] = acc[2 * k] + acc[2 * k + 1];
  return acc[0] + tail;
}

}  // namespace minn::train
