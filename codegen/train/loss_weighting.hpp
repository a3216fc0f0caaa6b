// Loss weightings that change the balance between the data term and the mechanistic loss during
// training (the paper's trade-off strategies). The trainer asks for the weights once per
// mini-batch and treats them as constants in the gradient (a stop-gradient, as in the paper's
// PyTorch code where the weights are plain floats):
//   loss = w_data * sum_b NE_b + w_mech * sum_b L_mech,b
#pragma once
#include <Eigen/Core>

#include "train/loss.hpp"
#include "train/mechanics.hpp"
#include "train/trainer.hpp"

namespace minn::train {

// bound: c * NE + L_mech, with L_mech multiplied by `penalty` whenever the batch's per-sample
// mean L_mech exceeds `threshold` (keeps the mechanistic loss under a ceiling without letting it
// dominate below it).
LossWeightingFactory bound_weighting(double c, double threshold, double penalty);

// balancing (Hu et al. 2018): each term divided by an exponential moving average of its own past
// per-sample values, ema <- decay * ema + (1 - decay) * value (first batch: ema = value), so both
// terms contribute on the same scale whatever their units.
LossWeightingFactory balancing_weighting(double decay);

// scheduler: w_mech = 0.9, w_data = 0.1 for the first 20 % of the epochs (30 of 150), a linear
// transition over the next 26.7 % (40 of 150), then w_data = final_data_weight and
// w_mech = 1 - final_data_weight. With bound_threshold > 0 (scheduler-bound) the mechanistic
// weight is also multiplied by `penalty` above the threshold, as in bound_weighting.
LossWeightingFactory scheduler_weighting(int epochs, double final_data_weight, double bound_threshold = 0,
                                         double penalty = 1);

// The scheduler's phase lengths for a total number of epochs: {mechanistic, transition}.
std::pair<int, int> scheduler_phases(int epochs);

// The weighted loss of a batch (see the top of this file): data term = NE, per sample as in
// c-balanced. grad receives dLoss/dV; grad_mech and SV are scratch. Float overload for float32
// training (the weights are rounded to float once per batch).
BatchLoss weighted_batch_loss(const Mechanics& mech, const LossWeighting& weighting, int epoch,
                              const Eigen::MatrixXd& V, const Eigen::MatrixXd& targets, const Eigen::MatrixXd& Vin,
                              Eigen::MatrixXd& grad, Eigen::MatrixXd& grad_mech, Eigen::MatrixXd& SV);
BatchLoss weighted_batch_loss(const Mechanics& mech, const LossWeighting& weighting, int epoch,
                              const Eigen::MatrixXf& V, const Eigen::MatrixXf& targets, const Eigen::MatrixXf& Vin,
                              Eigen::MatrixXf& grad, Eigen::MatrixXf& grad_mech, Eigen::MatrixXf& SV);

}  // namespace minn::train
