#include "train/aux_head.hpp"

#include <cmath>

#include "train/dense_kernels.hpp"

namespace minn::train {

template <class T>
AuxHeadT<T>::AuxHeadT(int hidden, int outputs, double weight, const AdamOptions& adam, Rng& rng)
    : hidden_(hidden),
      outputs_(outputs),
      weight_(weight),
      params_(Eigen::Index{outputs} * hidden + outputs),
      adam_(params_.size(), adam) {
  const double bound = 1.0 / std::sqrt(static_cast<double>(hidden));
  for (Eigen::Index i = 0; i < params_.size(); ++i) params_(i) = static_cast<T>(rng.uniform(-bound, bound));
}

template <class T>
double AuxHeadT<T>::train_step(const Matrix& A1, const Matrix& Y, Matrix& grad_A1) {
  const Eigen::Map<const Matrix> W(params_.data(), outputs_, hidden_);
  const Eigen::Map<const Vector> b(params_.data() + W.size(), outputs_);
  dense_forward(W, b, A1, prediction_);
  grad_prediction_ = prediction_ - Y;
  const double loss = weight_ * static_cast<double>(grad_prediction_.squaredNorm()) / outputs_;
  grad_prediction_ *= static_cast<T>(2.0 * weight_ / outputs_);
  dense_transpose_times(W, grad_prediction_, grad_A1);  // before the step: W as in the forward pass
  const LayerGradientT<T> layer{&grad_prediction_, &A1, 0, W.size()};
  adam_.step(params_, &layer, 1);
  return loss;
}

template class AuxHeadT<double>;
template class AuxHeadT<float>;

}  // namespace minn::train
