// The MINN's neural part: V0 = W2 dropout(relu(W1 x + b1)) + b2, batched (one column per sample).
// All parameters live in one flat vector (W1, b1, W2, b2, column-major) so that the optimiser
// updates them in one vectorised pass. Templated on the scalar (double, or float for the paper's
// float32 training); Network is the double one that predictions and model files use.
#pragma once
#include <Eigen/Core>

#include "train/adam.hpp"
#include "train/rng.hpp"

namespace minn::train {

template <class T>
class NetworkT {
 public:
  using Matrix = MatrixX<T>;
  using Vector = VectorX<T>;

  NetworkT(int inputs, int hidden, int outputs);

  int inputs() const { return inputs_; }
  int hidden() const { return hidden_; }
  int outputs() const { return outputs_; }

  Vector& parameters() { return params_; }
  const Vector& parameters() const { return params_; }

  using Mat = Eigen::Map<Matrix>;
  using Vec = Eigen::Map<Vector>;
  using CMat = Eigen::Map<const Matrix>;
  using CVec = Eigen::Map<const Vector>;
  CMat W1() const { return CMat(params_.data(), hidden_, inputs_); }
  CVec b1() const { return CVec(params_.data() + off_b1_, hidden_); }
  CMat W2() const { return CMat(params_.data() + off_W2_, outputs_, hidden_); }
  CVec b2() const { return CVec(params_.data() + off_b2_, outputs_); }
  // Views of a flat vector laid out like parameters() (e.g. a gradient).
  Mat W1(Vector& flat) const { return Mat(flat.data(), hidden_, inputs_); }
  Vec b1(Vector& flat) const { return Vec(flat.data() + off_b1_, hidden_); }
  Mat W2(Vector& flat) const { return Mat(flat.data() + off_W2_, outputs_, hidden_); }
  Vec b2(Vector& flat) const { return Vec(flat.data() + off_b2_, outputs_); }

  // PyTorch's default nn.Linear initialisation: weight and bias ~ U(-1/sqrt(fan_in), 1/sqrt(fan_in)),
  // drawn in the order W1, b1, W2, b2 (column-major within a matrix). Drawn in double and rounded
  // to T, so both precisions start from the same stream.
  void init_pytorch_default(Rng& rng);

  // V0 = network(X). With dropout > 0 and an rng, inverted dropout (training): a hidden unit is
  // zeroed with probability `dropout` and the others scaled by 1/(1-dropout). Keeps what
  // backward() needs.
  void forward(const Matrix& X, double dropout, Rng* rng, Matrix& V0);
  // dL/dparams given dL/dV0 for the last forward(), in factored form per layer (hidden, output)
  // for Adam's fused step. The factors point at X, grad_V0 and this network's buffers.
  void backward(const Matrix& X, const Matrix& grad_V0, LayerGradientT<T> layers[2]);
  // The same with a further gradient reaching the hidden layer's output (after dropout) from
  // another head (train/aux_head.hpp): dL/dA1 = W2^T grad_V0 + extra_grad_A1.
  void backward(const Matrix& X, const Matrix& grad_V0, const Matrix& extra_grad_A1, LayerGradientT<T> layers[2]);
  // The hidden layer's output of the last forward() (after ReLU and dropout), hidden x B.
  const Matrix& hidden_activations() const { return A1_; }
  // The same gradient as a flat vector (same layout as parameters()).
  void backward(const Matrix& X, const Matrix& grad_V0, Vector& grad);
  // backward() and adam.step() in one go, with the product W2^T grad_V0 fused into Adam's pass
  // over W2 (one stream of W2 instead of two). Gives the bits of backward(layers) + step(). On
  // the 2-core Sapphire Rapids VM it measured no faster than the separate passes (bench_train),
  // so the trainer does not use it; kept, tested, for machines where W2 streaming dominates.
  void backward_and_step(const Matrix& X, const Matrix& grad_V0, AdamT<T>& adam);

 private:
  void through_activation();  // grad_A1 *= dropout mask * relu'(Z1)

  int inputs_, hidden_, outputs_;
  Eigen::Index off_b1_, off_W2_, off_b2_;
  Vector params_;
  Matrix Z1_, A1_, mask_, grad_A1_;
};
using Network = NetworkT<double>;

}  // namespace minn::train
