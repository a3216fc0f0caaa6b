// The MINN refinement: K heavy-ball steps on L_mech starting from the network output V0,
//   d_0 = 0,  d_{k+1} = beta d_k - eta g(V_k),  V_{k+1} = V_k + d_{k+1},
// and its reverse-mode derivative written by hand (the training backpropagates through all K steps).
#pragma once
#include <Eigen/Core>
#include <vector>

#include "train/mechanics.hpp"

namespace minn::train {

struct HeavyBall {
  int steps = 8;        // K
  double eta = 0.01;    // step size
  double beta = 0.9;    // momentum
};

// Templated on the scalar (double, or float for float32 training; eta and beta are then rounded
// to float once).
template <class T>
class RefinerT {
 public:
  using Matrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
  // V = V_K from V0. When keep_trajectory, V_0..V_{K-1} are kept for backward().
  void forward(const Mechanics& mech, const HeavyBall& hb, const Matrix& V0, const Matrix& Vin, Matrix& V,
               bool keep_trajectory);
  // grad_V0 = dL/dV0 given grad_VK = dL/dV_K, for the last forward() with keep_trajectory.
  //   Adjoints: dbar_{k+1} += vbar_{k+1};  vbar_k = vbar_{k+1} - eta H(V_k) dbar_{k+1};  dbar_k = beta dbar_{k+1}
  // (H symmetric, so H^T = H).
  void backward(const Mechanics& mech, const HeavyBall& hb, const Matrix& Vin, const Matrix& grad_VK,
                Matrix& grad_V0);

 private:
  std::vector<Matrix> trajectory_;  // V_0 .. V_{K-1}
  Matrix d_, g_, scratch_, dbar_, hd_;
};
using Refiner = RefinerT<double>;

}  // namespace minn::train
