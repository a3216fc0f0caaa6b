// The ridge base of the residual MINN (FluxNormalisation::RidgeResidual, train/trainer.hpp).
//
// On the online inputs, ridge regression of the yields (flux per unit of glucose uptake) on the
// min-max scaled inputs is the best simple baseline (docs/results.md), better than the mean yield
// profile the glucose-residual MINN starts from. Here the network starts from the ridge instead:
//   V0 = u * (network(x_s) + offset + L x_s)
// with L and offset the ridge map completed from the measured reactions to every reaction of the
// GEM. When the genotype enters the network (--genotype-input), each knockout input's column of L
// also carries the knockout's mechanistic response (a MOMA-like minimal adjustment of the wild
// type at steady state), so a knocked-out strain never seen in training still reroutes its flux;
// the ridge fits what the responses leave. The base is fitted once per training, on the training
// rows only, and held fixed while the network learns a correction to it.
//
// Deployment needs no new layer type: relu(x) - relu(-x) = x exactly in floating point, so the
// base folds into the hidden layer as 2 x features extra units (identity rows, +-L columns) and
// the offset into the model's yield offset (model/model.hpp). The generated code stays the
// Linear-ReLU-Linear it was, and so does its bit-identity with the host.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "train/mechanics.hpp"
#include "train/network.hpp"

namespace minn::train {

struct LinearYieldBase {
  Eigen::MatrixXd L;       // n x features: yields per unit of scaled input, every reaction
  Eigen::VectorXd offset;  // n: yields at scaled input 0
  double lambda = 0;       // the ridge regularisation chosen by leave-one-out
};

// The lambda of ridge_lambdas() with the lowest leave-one-out NE of the predicted fluxes (yields x
// uptake) against `targets` over the N training rows (ties: the smaller lambda); that NE, the
// mean over the rows, in *loo_ne if given. Xs features x N (scaled), targets n_ref x N, uptake N
// (positive). Deterministic (no folds to draw), and the same rule for the ridge baseline
// (eval/baselines.hpp), so that the ridge-residual MINN starts exactly from that baseline.
// `explained` (n_ref x N yields, optional): a part of the yields known without the ridge (the
// knockout responses); the ridge then fits the rest and is scored with it added back.
double choose_ridge_lambda(const Eigen::MatrixXd& Xs, const Eigen::MatrixXd& targets, const Eigen::VectorXd& uptake,
                           double* loo_ne = nullptr, const Eigen::MatrixXd* explained = nullptr);

// Ridge of the measured yields on Xs with that lambda, completed to every reaction by a linear
// map: each measured reaction keeps the ridge's value exactly (so with no refinement and no
// training the model predicts what the ridge baseline predicts), every other reaction gets the
// least-norm fluxes that best balance the measured ones, argmin_d ||S_u d + S_m y_m||^2 + eps ||d||^2.
// With `closes` (per input, as TrainOptions::input_closes), the knockout responses at the mean
// measured yields (`held`: the reactions the inputs measure) are part of the base (their columns
// added to L), and the ridge fits what they leave unexplained.
LinearYieldBase fit_linear_yield_base(const Mechanics& mech, const Eigen::MatrixXd& Xs,
                                      const Eigen::MatrixXd& targets, const Eigen::VectorXd& uptake,
                                      const std::vector<std::vector<int>>& closes = {},
                                      const std::vector<int>& held = {}, const std::vector<int>& held_at_zero = {});

// The mechanistic response of the yields to each genotype input (n x features; zero columns for
// inputs that close nothing): the non-negative steady-state flux vector nearest (least squares at
// the measured reactions) to the mean measured yields y with `closes[j]` closed, minus the same
// without the closure, the `held` reactions (the measured online rates, which the ridge accounts
// for) fixed at their yields in both, `held_at_zero` (their opposite split halves) at 0. A knockout's flux then reroutes through the network (pgi:
// glucose 6-phosphate through the pentose phosphate pathway) instead of only vanishing.
Eigen::MatrixXd knockout_responses(const Mechanics& mech, const Eigen::VectorXd& y,
                                   const std::vector<std::vector<int>>& closes, const std::vector<int>& held,
                                   const std::vector<int>& held_at_zero);

// The network plus the base's linear part as one Linear-ReLU-Linear network with
// hidden + 2 x features units: W1 = [W1; I; -I], b1 = [b1; 0; 0], W2 = [W2, L, -L], b2 = b2.
Network fold_linear_base(const Network& network, const Eigen::MatrixXd& L);

}  // namespace minn::train
