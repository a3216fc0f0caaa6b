// An auxiliary head for training only (issue 15, omics as training-only information): a linear
// layer from the MINN's hidden layer (after ReLU and dropout) to the omics, min-max scaled on the
// training rows, with loss  w * ||Wa A1 + ba - y||^2 / n_aux  per sample, summed over the batch like
// the MINN's loss. Its gradient reaches the hidden layer, so the omics shape the representation the
// flux head reads; the head itself is discarded after training (not in the .minn file, not in the
// generated code), so inference needs only the model's own inputs.
#pragma once
#include <Eigen/Core>

#include "train/adam.hpp"
#include "train/rng.hpp"

namespace minn::train {

template <class T>
class AuxHeadT {
 public:
  using Matrix = MatrixX<T>;
  using Vector = VectorX<T>;

  // PyTorch's default nn.Linear initialisation from `rng`; Adam with the MINN's options.
  AuxHeadT(int hidden, int outputs, double weight, const AdamOptions& adam, Rng& rng);

  // For a batch: hidden activations A1 (hidden x B) and scaled targets Y (outputs x B). Returns
  // the weighted loss summed over the batch; grad_A1 receives its gradient with respect to A1,
  // computed with the weights before this call's Adam step, which it then takes.
  double train_step(const Matrix& A1, const Matrix& Y, Matrix& grad_A1);

 private:
  int hidden_, outputs_;
  double weight_;
  Vector params_;  // Wa (outputs x hidden, column-major), then ba
  AdamT<T> adam_;
  Matrix prediction_, grad_prediction_;
};

}  // namespace minn::train
