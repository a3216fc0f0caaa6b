// The backward product through W2 fused into Adam's column pass (Network::backward_and_step)
// against the separate path (backward() with dense_transpose_times, then Adam's step): the same
// operations in the same order, so the parameters must agree bit for bit after every step, in
// double and in float, for output sizes that are and are not multiples of the vector lanes.
#include <gtest/gtest.h>

#include <cstring>

#include "train/network.hpp"

namespace minn::train {
namespace {

template <class T>
bool same_bits(const VectorX<T>& a, const VectorX<T>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), sizeof(T) * a.size()) == 0;
}

template <class T>
void check_fused_equals_unfused(int inputs, int hidden, int outputs, int batch) {
  NetworkT<T> separate(inputs, hidden, outputs), fused(inputs, hidden, outputs);
  Rng init(11);
  separate.init_pytorch_default(init);
  fused.parameters() = separate.parameters();
  AdamT<T> adam_separate(separate.parameters().size(), AdamOptions{1e-2, 0.9, 0.999, 1e-8, 1e-3});
  AdamT<T> adam_fused(fused.parameters().size(), AdamOptions{1e-2, 0.9, 0.999, 1e-8, 1e-3});
  Rng data(12), dropout_a(13), dropout_b(13);
  MatrixX<T> V0a, V0b;
  for (int step = 0; step < 6; ++step) {
    const MatrixX<T> X = MatrixX<T>::NullaryExpr(inputs, batch, [&] { return static_cast<T>(data.uniform()); });
    const MatrixX<T> G =
        MatrixX<T>::NullaryExpr(outputs, batch, [&] { return static_cast<T>(data.uniform(-1.0, 1.0)); });
    separate.forward(X, 0.25, &dropout_a, V0a);
    fused.forward(X, 0.25, &dropout_b, V0b);
    LayerGradientT<T> layers[2];
    separate.backward(X, G, layers);
    adam_separate.step(separate.parameters(), layers, 2);
    fused.backward_and_step(X, G, adam_fused);
    ASSERT_TRUE(same_bits(fused.parameters(), separate.parameters()))
        << "step " << step << ", " << inputs << "-" << hidden << "-" << outputs << " batch " << batch;
  }
  EXPECT_EQ(adam_fused.steps_taken(), 6);
  // The updates did move the weights (the comparison is not between two untouched copies).
  NetworkT<T> start(inputs, hidden, outputs);
  Rng again(11);
  start.init_pytorch_default(again);
  EXPECT_FALSE(same_bits(start.parameters(), fused.parameters()));
}

TEST(FusedBackward, DoubleEqualsTheSeparatePassBitForBit) {
  check_fused_equals_unfused<double>(7, 13, 37, 5);   // 37 rows: 4 full 8-lane blocks and a tail
  check_fused_equals_unfused<double>(141, 25, 64, 3);  // no tail
  check_fused_equals_unfused<double>(5, 9, 3, 1);      // shorter than one block
}

TEST(FusedBackward, FloatEqualsTheSeparatePassBitForBit) {
  check_fused_equals_unfused<float>(7, 13, 37, 5);  // 37 rows: 2 full 16-lane blocks and a tail
  check_fused_equals_unfused<float>(141, 25, 64, 3);
  check_fused_equals_unfused<float>(5, 9, 3, 1);
}

}  // namespace
}  // namespace minn::train
