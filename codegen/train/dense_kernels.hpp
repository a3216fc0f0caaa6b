// The trainer's dense products for a small batch (B columns, e.g. 5), as plain loops with a
// fixed summation order. Without -ffast-math the compiler may vectorise these loops only in ways
// that keep every rounding step, so the AVX2/AVX-512 clones (chosen at run time) give exactly the
// bits of the SSE2 baseline: a model trained on any x86-64 is byte-identical. They are also faster
// here than Eigen's general GEMM, whose packing dominates at B = 5.
#pragma once
#include <Eigen/Core>

namespace minn::train {

// out = W X + bias (bias added first, then the columns of W in order). W is r x c, X is c x B.
void dense_forward(const Eigen::Ref<const Eigen::MatrixXd>& W, const Eigen::Ref<const Eigen::VectorXd>& bias,
                   const Eigen::MatrixXd& X, Eigen::MatrixXd& out);

// out = W^T G. W is r x c, G is r x B, out is c x B. Each entry is a dot product over r summed
// in 8 interleaved partial sums combined in a fixed tree.
void dense_transpose_times(const Eigen::Ref<const Eigen::MatrixXd>& W, const Eigen::MatrixXd& G, Eigen::MatrixXd& out);

}  // namespace minn::train
