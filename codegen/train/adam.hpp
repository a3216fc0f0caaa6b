// Adam with torch.optim.Adam semantics (amsgrad off): weight decay is added to the gradient,
//   g += wd * p;  m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;
//   p -= (lr / (1 - b1^t)) * m / (sqrt(v) / sqrt(1 - b2^t) + eps).
// Besides a flat gradient, a step can take a dense layer's gradient in factored form
// (dW = U W^T, db = U 1, as backpropagation produces them for a batch): each element is then
// formed and used in one pass, without writing (and zero-filling) a gradient vector first.
// Templated on the scalar (double or float, the trainer's two precisions). The hyper-parameters
// and bias corrections are computed in double and rounded once to the scalar type, as PyTorch
// does when it applies Python floats to float32 tensors.
#pragma once
#include <Eigen/Core>

namespace minn::train {

template <class T>
using MatrixX = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;
template <class T>
using VectorX = Eigen::Matrix<T, Eigen::Dynamic, 1>;

struct AdamOptions {
  double lr = 5e-4;
  double beta1 = 0.9;
  double beta2 = 0.999;
  double eps = 1e-8;
  double weight_decay = 1e-4;
};

// One layer's gradient for a batch: dL/dWeights = U * inputs^T (column-major [out x in]),
// dL/dbias = sum of U's columns. U is out x B, inputs is in x B.
template <class T>
struct LayerGradientT {
  const MatrixX<T>* U = nullptr;
  const MatrixX<T>* inputs = nullptr;
  Eigen::Index weight_offset = 0;  // where the layer's weights start in the flat parameter vector
  Eigen::Index bias_offset = 0;
};
using LayerGradient = LayerGradientT<double>;

// The gradient element of weight (i, j) and of bias i, summed over the batch in column order
// (shared by the fused step and by materialisation, so both give the same bits).
void layer_weight_gradient_column(const LayerGradientT<double>& g, Eigen::Index j, double* out);
void layer_weight_gradient_column(const LayerGradientT<float>& g, Eigen::Index j, float* out);
template <class T>
void layer_bias_gradient(const LayerGradientT<T>& g, T* out);
// Writes the layer's gradient into a flat vector laid out like the parameters.
template <class T>
void materialize(const LayerGradientT<T>& g, VectorX<T>& flat);

// The per-step constants of the element-wise update, in the scalar type.
template <class T>
struct AdamConstants {
  T beta1, beta2, one_minus_beta1, one_minus_beta2, weight_decay, scaled_step, scaled_eps;
};

// Backpropagation through a layer fused into its update: out = W^T G with the weights before
// this step (W = the layer's weights, G = U's rows' space, r x B), computed column by column
// just before the column is updated, so W is streamed once for both.
template <class T>
struct PreUpdateTransposeProduct {
  const MatrixX<T>* G = nullptr;
  MatrixX<T>* out = nullptr;  // resized to (layer inputs) x B
};

template <class T>
class AdamT {
 public:
  AdamT(Eigen::Index size, AdamOptions options);
  // One step with a flat gradient; grad is modified (weight decay added in place, as PyTorch).
  void step(VectorX<T>& params, VectorX<T>& grad);
  // One step whose gradient is given layer by layer; the layers must cover every parameter once.
  void step(VectorX<T>& params, const LayerGradientT<T>* layers, int count);
  // The same step taken in parts: begin_step() once, then update_layer() for every layer (in any
  // order: each element's update is independent). `transpose` (optional) is filled from the
  // pre-update weights, see PreUpdateTransposeProduct.
  AdamConstants<T> begin_step();
  void update_layer(const AdamConstants<T>& c, VectorX<T>& params, const LayerGradientT<T>& layer,
                    const PreUpdateTransposeProduct<T>* transpose = nullptr);
  long steps_taken() const { return t_; }

 private:
  AdamOptions o_;
  VectorX<T> m_, v_, column_;
  long t_ = 0;
};
using Adam = AdamT<double>;

}  // namespace minn::train
