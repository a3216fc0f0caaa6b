#include "train/dense_kernels.hpp"

#include <algorithm>

namespace minn::train {
namespace {

#define MINN_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))

// N output columns at once, so each column of W is loaded once per N samples.
// always_inline: the clones' vector ISA applies only to code inlined into them.
// Double: rows in blocks of 512 (4 KiB), so the N (<= 8) output blocks being accumulated stay in
// L1 across all columns of W (5 full double columns of iAF1260's output layer, 75 KB, do not;
// measured 15-20 % faster). Float: no blocking (5 columns are 37 KB; blocking measured slightly
// slower). Each entry is the bias plus the columns' terms in column order either way.
template <class T>
constexpr Eigen::Index kRowBlock = sizeof(T) == sizeof(double) ? 512 : Eigen::Index{1} << 40;

template <int N, class T>
__attribute__((always_inline)) inline void forward_block(const T* W, Eigen::Index r, Eigen::Index c, const T* bias,
                                                         const T* X, Eigen::Index ldx, T* out, Eigen::Index ldo) {
  for (Eigen::Index i0 = 0; i0 < r; i0 += kRowBlock<T>) {
    const Eigen::Index i1 = std::min(r, i0 + kRowBlock<T>);
    for (int b = 0; b < N; ++b)
      for (Eigen::Index i = i0; i < i1; ++i) out[b * ldo + i] = bias[i];
    for (Eigen::Index f = 0; f < c; ++f) {
      const T* w = W + f * r;
      T x[N];
      for (int b = 0; b < N; ++b) x[b] = X[b * ldx + f];
      for (int b = 0; b < N; ++b) {
        T* o = out + b * ldo;
        const T xb = x[b];
        for (Eigen::Index i = i0; i < i1; ++i) o[i] += w[i] * xb;
      }
    }
  }
}

template <class T>
__attribute__((always_inline)) inline void forward_all_body(const T* W, Eigen::Index r, Eigen::Index c, const T* bias,
                                                            const T* X, Eigen::Index B, T* out) {
  // Chunks of up to 8 samples, so W is streamed once per chunk (once per batch of 5). Each
  // output entry is summed in the same order whatever the chunk size.
  for (Eigen::Index b = 0; b < B; b += 8) {
    const T* x = X + b * c;
    T* o = out + b * r;
    switch (std::min<Eigen::Index>(8, B - b)) {
      case 1: forward_block<1>(W, r, c, bias, x, c, o, r); break;
      case 2: forward_block<2>(W, r, c, bias, x, c, o, r); break;
      case 3: forward_block<3>(W, r, c, bias, x, c, o, r); break;
      case 4: forward_block<4>(W, r, c, bias, x, c, o, r); break;
      case 5: forward_block<5>(W, r, c, bias, x, c, o, r); break;
      case 6: forward_block<6>(W, r, c, bias, x, c, o, r); break;
      case 7: forward_block<7>(W, r, c, bias, x, c, o, r); break;
      default: forward_block<8>(W, r, c, bias, x, c, o, r); break;
    }
  }
}

template <class T>
__attribute__((always_inline)) inline void transpose_all_body(const T* W, Eigen::Index r, Eigen::Index c, const T* G,
                                                              Eigen::Index B, T* out) {
  for (Eigen::Index j = 0; j < c; ++j) dense_dots(W + j * r, G, r, B, r, out + j, c);
}

// target_clones does not apply to templates: one plain function per scalar type.
MINN_CLONES void forward_all(const double* W, Eigen::Index r, Eigen::Index c, const double* bias, const double* X,
                             Eigen::Index B, double* out) {
  forward_all_body(W, r, c, bias, X, B, out);
}
MINN_CLONES void forward_all(const float* W, Eigen::Index r, Eigen::Index c, const float* bias, const float* X,
                             Eigen::Index B, float* out) {
  forward_all_body(W, r, c, bias, X, B, out);
}
MINN_CLONES void transpose_all(const double* W, Eigen::Index r, Eigen::Index c, const double* G, Eigen::Index B,
                               double* out) {
  transpose_all_body(W, r, c, G, B, out);
}
MINN_CLONES void transpose_all(const float* W, Eigen::Index r, Eigen::Index c, const float* G, Eigen::Index B,
                               float* out) {
  transpose_all_body(W, r, c, G, B, out);
}

}  // namespace

void dense_forward(const Eigen::Ref<const Eigen::MatrixXd>& W, const Eigen::Ref<const Eigen::VectorXd>& bias,
                   const Eigen::MatrixXd& X, Eigen::MatrixXd& out) {
  out.resize(W.rows(), X.cols());
  forward_all(W.data(), W.rows(), W.cols(), bias.data(), X.data(), X.cols(), out.data());
}

void dense_forward(const Eigen::Ref<const Eigen::MatrixXf>& W, const Eigen::Ref<const Eigen::VectorXf>& bias,
                   const Eigen::MatrixXf& X, Eigen::MatrixXf& out) {
  out.resize(W.rows(), X.cols());
  forward_all(W.data(), W.rows(), W.cols(), bias.data(), X.data(), X.cols(), out.data());
}

void dense_transpose_times(const Eigen::Ref<const Eigen::MatrixXd>& W, const Eigen::MatrixXd& G,
                           Eigen::MatrixXd& out) {
  out.resize(W.cols(), G.cols());
  transpose_all(W.data(), W.rows(), W.cols(), G.data(), G.cols(), out.data());
}

void dense_transpose_times(const Eigen::Ref<const Eigen::MatrixXf>& W, const Eigen::MatrixXf& G,
                           Eigen::MatrixXf& out) {
  out.resize(W.cols(), G.cols());
  transpose_all(W.data(), W.rows(), W.cols(), G.data(), G.cols(), out.data());
}

}  // namespace minn::train
