#include "train/refinement.hpp"

namespace minn::train {

void Refiner::forward(const Mechanics& mech, const HeavyBall& hb, const Eigen::MatrixXd& V0,
                      const Eigen::MatrixXd& Vin, Eigen::MatrixXd& V, bool keep_trajectory) {
  V = V0;
  d_.setZero(V0.rows(), V0.cols());
  if (keep_trajectory) trajectory_.resize(static_cast<std::size_t>(hb.steps));
  for (int k = 0; k < hb.steps; ++k) {
    if (keep_trajectory) trajectory_[static_cast<std::size_t>(k)] = V;
    mech.gradient(V, Vin, scratch_, g_);
    d_ = hb.beta * d_ - hb.eta * g_;
    V += d_;
  }
}

void Refiner::backward(const Mechanics& mech, const HeavyBall& hb, const Eigen::MatrixXd& Vin,
                       const Eigen::MatrixXd& grad_VK, Eigen::MatrixXd& grad_V0) {
  grad_V0 = grad_VK;
  dbar_.setZero(grad_VK.rows(), grad_VK.cols());
  for (int k = hb.steps - 1; k >= 0; --k) {
    dbar_ += grad_V0;
    mech.hessian_times(trajectory_[static_cast<std::size_t>(k)], Vin, dbar_, scratch_, hd_);
    grad_V0 -= hb.eta * hd_;
    dbar_ *= hb.beta;
  }
}

}  // namespace minn::train
