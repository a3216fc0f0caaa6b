#include "train/network.hpp"

#include <cmath>

#include "common/error.hpp"
#include "train/dense_kernels.hpp"

namespace minn::train {

template <class T>
NetworkT<T>::NetworkT(int inputs, int hidden, int outputs) : inputs_(inputs), hidden_(hidden), outputs_(outputs) {
  if (inputs <= 0 || hidden <= 0 || outputs <= 0)
    throw Error("network sizes must be positive (inputs " + std::to_string(inputs) + ", hidden " +
                std::to_string(hidden) + ", outputs " + std::to_string(outputs) + ")");
  off_b1_ = Eigen::Index{hidden} * inputs;
  off_W2_ = off_b1_ + hidden;
  off_b2_ = off_W2_ + Eigen::Index{outputs} * hidden;
  params_.setZero(off_b2_ + outputs);
}

template <class T>
void NetworkT<T>::init_pytorch_default(Rng& rng) {
  const double bound1 = 1.0 / std::sqrt(static_cast<double>(inputs_));
  const double bound2 = 1.0 / std::sqrt(static_cast<double>(hidden_));
  for (Eigen::Index i = 0; i < off_W2_; ++i) params_(i) = static_cast<T>(rng.uniform(-bound1, bound1));
  for (Eigen::Index i = off_W2_; i < params_.size(); ++i) params_(i) = static_cast<T>(rng.uniform(-bound2, bound2));
}

template <class T>
void NetworkT<T>::forward(const Matrix& X, double dropout, Rng* rng, Matrix& V0) {
  dense_forward(W1(), b1(), X, Z1_);
  A1_ = Z1_.cwiseMax(T(0));
  if (dropout > 0 && rng) {
    const T keep_scale = static_cast<T>(1.0 / (1.0 - dropout));
    mask_.resize(A1_.rows(), A1_.cols());
    for (Eigen::Index i = 0; i < mask_.size(); ++i) mask_(i) = rng->uniform() < dropout ? T(0) : keep_scale;
    A1_.array() *= mask_.array();
  } else {
    mask_.setOnes(A1_.rows(), A1_.cols());
  }
  dense_forward(W2(), b2(), A1_, V0);
}

template <class T>
void NetworkT<T>::through_activation() {
  // Through dropout (mask holds 0 or the keep scale) and ReLU (derivative 0 at 0, as PyTorch).
  grad_A1_.array() *= mask_.array() * (Z1_.array() > T(0)).template cast<T>();
}

template <class T>
void NetworkT<T>::backward(const Matrix& X, const Matrix& grad_V0, LayerGradientT<T> layers[2]) {
  dense_transpose_times(W2(), grad_V0, grad_A1_);
  through_activation();
  layers[0] = LayerGradientT<T>{&grad_A1_, &X, 0, off_b1_};
  layers[1] = LayerGradientT<T>{&grad_V0, &A1_, off_W2_, off_b2_};
}

template <class T>
void NetworkT<T>::backward(const Matrix& X, const Matrix& grad_V0, const Matrix& extra_grad_A1,
                           LayerGradientT<T> layers[2]) {
  dense_transpose_times(W2(), grad_V0, grad_A1_);
  grad_A1_ += extra_grad_A1;
  through_activation();
  layers[0] = LayerGradientT<T>{&grad_A1_, &X, 0, off_b1_};
  layers[1] = LayerGradientT<T>{&grad_V0, &A1_, off_W2_, off_b2_};
}

template <class T>
void NetworkT<T>::backward(const Matrix& X, const Matrix& grad_V0, Vector& grad) {
  LayerGradientT<T> layers[2];
  backward(X, grad_V0, layers);
  grad.resize(params_.size());
  materialize(layers[0], grad);
  materialize(layers[1], grad);
}

template <class T>
void NetworkT<T>::backward_and_step(const Matrix& X, const Matrix& grad_V0, AdamT<T>& adam) {
  const AdamConstants<T> c = adam.begin_step();
  // The output layer first: its pass reads each W2 column once for grad_A1 (pre-update) and the update.
  const PreUpdateTransposeProduct<T> transpose{&grad_V0, &grad_A1_};
  adam.update_layer(c, params_, LayerGradientT<T>{&grad_V0, &A1_, off_W2_, off_b2_}, &transpose);
  through_activation();
  adam.update_layer(c, params_, LayerGradientT<T>{&grad_A1_, &X, 0, off_b1_});
}

template class NetworkT<double>;
template class NetworkT<float>;

}  // namespace minn::train
