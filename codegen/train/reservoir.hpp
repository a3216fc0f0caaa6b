// MINN-reservoir (Tazza et al. 2025, section 2.3.1), stage two. Stage one is a flux surrogate: a
// MINN from a few exchange rates to every reaction, trained on pFBA solutions and then frozen
// (FrozenMinn). Stage two is a network from the omics and measured uptakes to those rates; its
// output goes through the frozen surrogate (network and refinement) to a full flux vector, and the
// loss is NE between that vector's entries at chosen reactions (the exchanges) and their targets.
// Gradients flow through the frozen surrogate, hand-written like the trainer's, into stage two only.
// Double precision throughout (the surrogate is evaluated as stored, widened to double).
#pragma once
#include <Eigen/Core>
#include <vector>

#include "train/trainer.hpp"

namespace minn::train {

// A trained MINN used as a fixed differentiable map from raw inputs to refined fluxes, in eval mode
// (no dropout): V = refine(W2 relu(W1 scale(x) + b1) + b2). Keeps the activations of the last
// forward() for backward(), so one instance serves one training at a time (copy it per thread).
class FrozenMinn {
 public:
  // `mech`: the surrogate's own mechanics (its Pin and Pref), which must outlive this object;
  // `vin`: its Pin bounds (n_in values, +inf = none), the same for every sample. minn::Error for a
  // model with uptake normalisation (a surrogate has none) or sizes that do not match.
  FrozenMinn(const Mechanics& mech, TrainedMinn model, Eigen::VectorXd vin);

  int inputs() const { return model_.network.inputs(); }
  int reactions() const { return model_.network.outputs(); }
  const MinMaxScaler& scaler() const { return model_.scaler; }  // the box its training inputs spanned

  // V (reactions x B) from raw inputs X (inputs x B). The scaler does not clip here: saturating the
  // inputs would cut the gradient that stage two learns from.
  void forward(const Eigen::MatrixXd& X, Eigen::MatrixXd& V);
  // dL/dX (inputs x B, raw units) given dL/dV for the last forward().
  void backward(const Eigen::MatrixXd& grad_V, Eigen::MatrixXd& grad_X);

 private:
  const Mechanics* mech_;
  TrainedMinn model_;
  Eigen::VectorXd vin_;
  Refiner refiner_;
  Eigen::MatrixXd Vin_, Z1_, V0_, grad_V0_, grad_Z1_;
};

// Stage two's output z mapped into the box the surrogate was trained on: rate = low + span * sigmoid(z)
// per rate. A surrogate is valid only where it was sampled. With the paper's linear output, stage two
// learns rates far outside that box (negative glucose uptakes) where the surrogate's extrapolated
// exchange fluxes happen to match the targets while every other flux is meaningless: on e_coli_core,
// 3 held-out experiments, NE 2.9 on the 45 fluxes and ||S V||^2/m = 339 (0.0007 inside the box).
struct RateBox {
  Eigen::VectorXd low, span;
  static RateBox of(const MinMaxScaler& surrogate_scaler);
  void forward(const Eigen::MatrixXd& Z, Eigen::MatrixXd& rates) const;
  // dL/dZ from dL/drates, for the same Z.
  void backward(const Eigen::MatrixXd& Z, const Eigen::MatrixXd& grad_rates, Eigen::MatrixXd& grad_Z) const;
};

struct ReservoirModel {
  MinMaxScaler scaler;  // stage two's inputs, fit on its training rows
  Network network;      // scaled inputs -> z (linear output)
  RateBox box;          // z -> the surrogate's raw inputs
  std::vector<EpochReport> history;  // loss = ne = sum over the epoch of per-sample NE / N
};

// Per sample NE(t, V[loss_reactions]) summed over the batch; grad_V (reactions x B) its gradient.
// NE is 0 for a sample with ||t|| = 0, as the trainer's (train/loss.hpp). Returns the sum.
double reservoir_loss(const Eigen::MatrixXd& V, const Eigen::MatrixXd& targets, const std::vector<int>& loss_reactions,
                      Eigen::MatrixXd* grad_V);

// Trains stage two: inputs (features x N, raw), targets (loss_reactions x N, raw fluxes). Uses
// hidden, dropout, lr, weight_decay, epochs, batch, seed and clip_inputs of `options` (Adam with
// weight decay added to the gradient, as PyTorch's Adam and the trainer); the loss is NE only (the mechanistic
// terms act through the surrogate's refinement, as the paper's divided loss).
ReservoirModel train_reservoir(const FrozenMinn& surrogate, const Eigen::MatrixXd& inputs, const Eigen::MatrixXd& targets,
                               const std::vector<int>& loss_reactions, const TrainOptions& options,
                               const EpochCallback& on_epoch = {});

// Eval mode: the full refined flux vectors (reactions x samples); `rates` receives stage two's output.
Eigen::MatrixXd predict_reservoir(const FrozenMinn& surrogate, const ReservoirModel& model,
                                  const Eigen::MatrixXd& raw_inputs, Eigen::MatrixXd* rates = nullptr);

}  // namespace minn::train
