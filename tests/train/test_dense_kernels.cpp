// The trainer's batch products against Eigen's general products (different summation order,
// so agreement to rounding), for batch sizes that exercise the 4-column blocks and the tails.
#include <gtest/gtest.h>

#include "train/dense_kernels.hpp"

namespace minn::train {
namespace {

TEST(DenseKernels, ForwardMatchesEigen) {
  for (int B : {1, 3, 4, 5, 9}) {
    const Eigen::MatrixXd W = Eigen::MatrixXd::Random(37, 13), X = Eigen::MatrixXd::Random(13, B);
    const Eigen::VectorXd b = Eigen::VectorXd::Random(37);
    Eigen::MatrixXd out;
    dense_forward(W, b, X, out);
    const Eigen::MatrixXd expected = (W * X).colwise() + b;
    EXPECT_LT((out - expected).cwiseAbs().maxCoeff(), 1e-13) << "B = " << B;
  }
}

TEST(DenseKernels, TransposeTimesMatchesEigen) {
  for (int rows : {5, 8, 23, 250}) {
    const Eigen::MatrixXd W = Eigen::MatrixXd::Random(rows, 11), G = Eigen::MatrixXd::Random(rows, 5);
    Eigen::MatrixXd out;
    dense_transpose_times(W, G, out);
    const Eigen::MatrixXd expected = W.transpose() * G;
    EXPECT_LT((out - expected).cwiseAbs().maxCoeff(), 1e-12) << "rows = " << rows;
  }
}

TEST(DenseKernels, TransposeTimesSumsInTheDocumentedOrder) {
  // 16 rows: partial sum k takes rows k and k + 8. With 1e16 at row 0, -1e16 at row 8 and 1 at
  // row 1, partial sum 0 cancels exactly and the 1 survives; a left-to-right sum would lose the 1
  // in 1e16 + 1 before the cancellation and return 0.
  Eigen::MatrixXd W = Eigen::MatrixXd::Ones(16, 1), G = Eigen::MatrixXd::Zero(16, 1);
  G(0) = 1e16;
  G(8) = -1e16;
  G(1) = 1.0;
  Eigen::MatrixXd out;
  dense_transpose_times(W, G, out);
  EXPECT_EQ(out(0, 0), 1.0);
}

TEST(DenseKernels, FloatForwardAndTransposeMatchEigen) {
  for (int rows : {5, 16, 23, 250}) {
    const Eigen::MatrixXf W = Eigen::MatrixXf::Random(rows, 11), G = Eigen::MatrixXf::Random(rows, 5);
    const Eigen::MatrixXf X = Eigen::MatrixXf::Random(11, 5);
    const Eigen::VectorXf b = Eigen::VectorXf::Random(rows);
    Eigen::MatrixXf out;
    dense_transpose_times(W, G, out);
    // float eps 1.2e-7 times up to 250 terms of size <= 1.
    EXPECT_LT((out - W.transpose() * G).cwiseAbs().maxCoeff(), 1e-4f) << "rows = " << rows;
    dense_forward(W, b, X, out);
    EXPECT_LT((out - ((W * X).colwise() + b)).cwiseAbs().maxCoeff(), 1e-5f) << "rows = " << rows;
  }
}

TEST(DenseKernels, FloatTransposeTimesSumsIn16Lanes) {
  // 32 rows: partial sum k takes rows k and k + 16. 2^25 at row 0 and -2^25 at row 16 cancel
  // exactly in lane 0 and the 1 at row 8 (lane 8) survives; with 8 lanes (row 8 in lane 0) or
  // left to right, 2^25 + 1 rounds to 2^25 first (float has 24 bits) and the result is 0.
  Eigen::MatrixXf W = Eigen::MatrixXf::Ones(32, 1), G = Eigen::MatrixXf::Zero(32, 1);
  G(0) = 33554432.0f;
  G(16) = -33554432.0f;
  G(8) = 1.0f;
  Eigen::MatrixXf out;
  dense_transpose_times(W, G, out);
  EXPECT_EQ(out(0, 0), 1.0f);
}

}  // namespace
}  // namespace minn::train
