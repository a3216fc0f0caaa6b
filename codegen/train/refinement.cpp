#include "train/refinement.hpp"

namespace minn::train {

template <class T>
void RefinerT<T>::forward(const Mechanics& mech, const HeavyBall& hb, const Matrix& V0, const Matrix& Vin, Matrix& V,
                          bool keep_trajectory) {
  const T beta = static_cast<T>(hb.beta), eta = static_cast<T>(hb.eta);
  V = V0;
  d_.setZero(V0.rows(), V0.cols());
  if (keep_trajectory) trajectory_.resize(static_cast<std::size_t>(hb.steps));
  for (int k = 0; k < hb.steps; ++k) {
    if (keep_trajectory) trajectory_[static_cast<std::size_t>(k)] = V;
    mech.gradient(V, Vin, scratch_, g_);
    d_ = beta * d_ - eta * g_;
    V += d_;
  }
}

template <class T>
void RefinerT<T>::backward(const Mechanics& mech, const HeavyBall& hb, const Matrix& Vin, const Matrix& grad_VK,
                           Matrix& grad_V0) {
  const T beta = static_cast<T>(hb.beta), eta = static_cast<T>(hb.eta);
  grad_V0 = grad_VK;
  dbar_.setZero(grad_VK.rows(), grad_VK.cols());
  for (int k = hb.steps - 1; k >= 0; --k) {
    dbar_ += grad_V0;
    mech.hessian_times(trajectory_[static_cast<std::size_t>(k)], Vin, dbar_, scratch_, hd_);
    grad_V0 -= eta * hd_;
    dbar_ *= beta;
  }
}

template class RefinerT<double>;
template class RefinerT<float>;

}  // namespace minn::train
