// Adam with torch.optim.Adam semantics (amsgrad off): weight decay is added to the gradient,
//   g += wd * p;  m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
//   p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
#pragma once
#include <Eigen/Core>

namespace minn::train {

struct AdamOptions {
  double lr = 5e-4;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 1e-4;
};

class Adam {
 public:
  Adam(Eigen::Index size, AdamOptions options);
  // One step; grad is modified (weight decay is added in place, as PyTorch does).
  void step(Eigen::VectorXd& params, Eigen::VectorXd& grad);
  long steps_taken() const { return t_; }

 private:
  AdamOptions o_;
  Eigen::VectorXd m_, v_;
  long t_ = 0;
};

}  // namespace minn::train
