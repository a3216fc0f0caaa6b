// The trainer's dense products for a small batch (B columns, e.g. 5), as plain loops with a
// fixed summation order. Without -ffast-math the compiler may vectorise these loops only in ways
// that keep every rounding step, so the AVX2/AVX-512 clones (chosen at run time) give exactly the
// bits of the SSE2 baseline: a model trained on any x86-64 is byte-identical. They are also faster
// here than Eigen's general GEMM, whose packing dominates at B = 5. Overloaded for the trainer's
// two precisions (double and float).
#pragma once
#include <Eigen/Core>
#include <algorithm>

namespace minn::train {

// out = W X + bias (bias added first, then the columns of W in order). W is r x c, X is c x B.
void dense_forward(const Eigen::Ref<const Eigen::MatrixXd>& W, const Eigen::Ref<const Eigen::VectorXd>& bias,
                   const Eigen::MatrixXd& X, Eigen::MatrixXd& out);
void dense_forward(const Eigen::Ref<const Eigen::MatrixXf>& W, const Eigen::Ref<const Eigen::VectorXf>& bias,
                   const Eigen::MatrixXf& X, Eigen::MatrixXf& out);

// out = W^T G. W is r x c, G is r x B, out is c x B. Each entry is a dot product over r summed
// in kDotLanes<T> interleaved partial sums (8 for double, 16 for float: one AVX-512 register)
// combined in a fixed tree, plus the tail (rows beyond a multiple of the lanes) summed in order.
void dense_transpose_times(const Eigen::Ref<const Eigen::MatrixXd>& W, const Eigen::MatrixXd& G, Eigen::MatrixXd& out);
void dense_transpose_times(const Eigen::Ref<const Eigen::MatrixXf>& W, const Eigen::MatrixXf& G, Eigen::MatrixXf& out);

// The entries of dense_transpose_times for one column a of W: out[b * out_stride] =
// sum_i a[i] g[b * ldg + i] for b < B, in the documented order (the fused Adam pass over W2 uses
// it too, so the fused and unfused backward give the same bits). The B dot products run interleaved, so `a` is read once and the
// B accumulator chains hide the addition latency. Inline so that the caller's vector clones
// cover it.
template <class T>
inline constexpr int kDotLanes = 64 / static_cast<int>(sizeof(T));

template <int N, class T>
__attribute__((always_inline)) inline void dense_dots_fixed(const T* a, const T* g, Eigen::Index ldg, Eigen::Index r,
                                                            T* out, Eigen::Index out_stride) {
  constexpr int L = kDotLanes<T>;
  T acc[N][L] = {};
  Eigen::Index i = 0;
  for (; i + L <= r; i += L)
    for (int b = 0; b < N; ++b)
      for (int k = 0; k < L; ++k) acc[b][k] += a[i + k] * g[b * ldg + i + k];
  for (int b = 0; b < N; ++b) {
    T tail = 0;
    for (Eigen::Index t = i; t < r; ++t) tail += a[t] * g[b * ldg + t];
    // Pairwise tree over the lanes: ((0+1)+(2+3)) + ((4+5)+(6+7)) for 8, one level deeper for 16.
    for (int width = L / 2; width >= 1; width /= 2)
      for (int k = 0; k < width; ++k) acc[b][k] = acc[b][2 * k] + acc[b][2 * k + 1];
    out[b * out_stride] = acc[b][0] + tail;
  }
}

template <class T>
__attribute__((always_inline)) inline void dense_dots(const T* a, const T* g, Eigen::Index ldg, Eigen::Index B,
                                                      Eigen::Index r, T* out, Eigen::Index out_stride) {
  for (Eigen::Index b = 0; b < B; b += 8) {
    const T* gb = g + b * ldg;
    T* ob = out + b * out_stride;
    switch (std::min<Eigen::Index>(8, B - b)) {
      case 1: dense_dots_fixed<1>(a, gb, ldg, r, ob, out_stride); break;
      case 2: dense_dots_fixed<2>(a, gb, ldg, r, ob, out_stride); break;
      case 3: dense_dots_fixed<3>(a, gb, ldg, r, ob, out_stride); break;
      case 4: dense_dots_fixed<4>(a, gb, ldg, r, ob, out_stride); break;
      case 5: dense_dots_fixed<5>(a, gb, ldg, r, ob, out_stride); break;
      case 6: dense_dots_fixed<6>(a, gb, ldg, r, ob, out_stride); break;
      case 7: dense_dots_fixed<7>(a, gb, ldg, r, ob, out_stride); break;
      default: dense_dots_fixed<8>(a, gb, ldg, r, ob, out_stride); break;
    }
  }
}

}  // namespace minn::train
