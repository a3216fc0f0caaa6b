// Adam with torch.optim.Adam semantics (amsgrad off): weight decay is added to the gradient,
//   g += wd * p;  m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
//   p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
// Besides a flat gradient, a step can take a dense layer's gradient in factored form
// (dW = U W^T, db = U 1, as backpropagation produces them for a batch): each element is then
// formed and used in one pass, without writing (and zero-filling) a gradient vector first.
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

// One layer's gradient for a batch: dL/dWeights = U * inputs^T (column-major [out x in]),
// dL/dbias = sum of U's columns. U is out x B, inputs is in x B.
struct LayerGradient {
  const Eigen::MatrixXd* U = nullptr;
  const Eigen::MatrixXd* inputs = nullptr;
  Eigen::Index weight_offset = 0;  // where the layer's weights start in the flat parameter vector
  Eigen::Index bias_offset = 0;
};

// The gradient element of weight (i, j) and of bias i, summed over the batch in column order
// (shared by the fused step and by materialisation, so both give the same bits).
void layer_weight_gradient_column(const LayerGradient& g, Eigen::Index j, double* out);
void layer_bias_gradient(const LayerGradient& g, double* out);
// Writes the layer's gradient into a flat vector laid out like the parameters.
void materialize(const LayerGradient& g, Eigen::VectorXd& flat);

class Adam {
 public:
  Adam(Eigen::Index size, AdamOptions options);
  // One step with a flat gradient; grad is modified (weight decay added in place, as PyTorch).
  void step(Eigen::VectorXd& params, Eigen::VectorXd& grad);
  // One step whose gradient is given layer by layer; the layers must cover every parameter once.
  void step(Eigen::VectorXd& params, const LayerGradient* layers, int count);
  long steps_taken() const { return t_; }

 private:
  struct Constants {
    double step_size, bias2_sqrt, weight_decay;
  };
  Constants begin_step();
  void update(const Constants& c, double* p, const double* g, double* m, double* v, Eigen::Index size) const;

  AdamOptions o_;
  Eigen::VectorXd m_, v_, column_;
  long t_ = 0;
};

}  // namespace minn::train
