#include "train/reservoir.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "common/error.hpp"

namespace minn::train {

FrozenMinn::FrozenMinn(const Mechanics& mech, TrainedMinn model, Eigen::VectorXd vin)
    : mech_(&mech), model_(std::move(model)), vin_(std::move(vin)) {
  if (model_.scale_input >= 0)
    throw Error("reservoir: the frozen surrogate has uptake normalisation; a surrogate maps rates to fluxes without it");
  if (model_.network.outputs() != mech.n())
    throw Error("reservoir: the surrogate predicts " + std::to_string(model_.network.outputs()) +
                " reactions, its mechanics have " + std::to_string(mech.n()));
  if (vin_.size() != mech.n_in())
    throw Error("reservoir: " + std::to_string(vin_.size()) + " Vin values for " + std::to_string(mech.n_in()) +
                " Pin rows of the surrogate");
  model_.scaler.clip = false;
}

void FrozenMinn::forward(const Eigen::MatrixXd& X, Eigen::MatrixXd& V) {
  const Network& net = model_.network;
  Z1_ = (net.W1() * model_.scaler.transform(X)).colwise() + net.b1();
  V0_ = (net.W2() * Z1_.cwiseMax(0.0)).colwise() + net.b2();
  Vin_ = vin_.replicate(1, X.cols());
  refiner_.forward(*mech_, model_.refinement, V0_, Vin_, V, true);
}

void FrozenMinn::backward(const Eigen::MatrixXd& grad_V, Eigen::MatrixXd& grad_X) {
  const Network& net = model_.network;
  refiner_.backward(*mech_, model_.refinement, Vin_, grad_V, grad_V0_);
  grad_Z1_ = (net.W2().transpose() * grad_V0_).cwiseProduct((Z1_.array() > 0.0).cast<double>().matrix());
  // x_scaled = (x - min) / range, so dL/dx = dL/dx_scaled / range.
  grad_X = (net.W1().transpose() * grad_Z1_).array().colwise() / model_.scaler.range.array();
}

RateBox RateBox::of(const MinMaxScaler& surrogate_scaler) {
  return RateBox{surrogate_scaler.min, surrogate_scaler.max - surrogate_scaler.min};
}

void RateBox::forward(const Eigen::MatrixXd& Z, Eigen::MatrixXd& rates) const {
  if (Z.rows() != low.size())
    throw Error("reservoir: " + std::to_string(Z.rows()) + " outputs for " + std::to_string(low.size()) + " rates");
  rates = ((1.0 + (-Z.array()).exp()).inverse().colwise() * span.array()).colwise() + low.array();
}

void RateBox::backward(const Eigen::MatrixXd& Z, const Eigen::MatrixXd& grad_rates, Eigen::MatrixXd& grad_Z) const {
  const Eigen::ArrayXXd sigma = (1.0 + (-Z.array()).exp()).inverse();
  grad_Z = (grad_rates.array() * sigma * (1.0 - sigma)).colwise() * span.array();
}

double reservoir_loss(const Eigen::MatrixXd& V, const Eigen::MatrixXd& targets, const std::vector<int>& loss_reactions,
                      Eigen::MatrixXd* grad_V) {
  const Eigen::Index k = static_cast<Eigen::Index>(loss_reactions.size());
  if (targets.rows() != k || targets.cols() != V.cols())
    throw Error("reservoir: targets are " + std::to_string(targets.rows()) + " x " + std::to_string(targets.cols()) +
                ", expected " + std::to_string(k) + " x " + std::to_string(V.cols()));
  if (grad_V) grad_V->setZero(V.rows(), V.cols());
  double total = 0;
  Eigen::VectorXd e(k);
  for (Eigen::Index b = 0; b < V.cols(); ++b) {
    for (Eigen::Index i = 0; i < k; ++i) e(i) = V(loss_reactions[static_cast<std::size_t>(i)], b) - targets(i, b);
    const double t_norm = targets.col(b).norm(), e_norm = e.norm();
    if (!(t_norm > 0)) continue;
    total += e_norm / t_norm;
    if (grad_V && e_norm > 0)
      for (Eigen::Index i = 0; i < k; ++i)
        (*grad_V)(loss_reactions[static_cast<std::size_t>(i)], b) += e(i) / (e_norm * t_norm);
  }
  return total;
}

ReservoirModel train_reservoir(const FrozenMinn& frozen, const Eigen::MatrixXd& inputs, const Eigen::MatrixXd& targets,
                               const std::vector<int>& loss_reactions, const TrainOptions& o,
                               const EpochCallback& on_epoch) {
  validate(o);
  const int N = static_cast<int>(inputs.cols());
  if (N < 1) throw Error("reservoir: no training rows");
  if (targets.cols() != N || targets.rows() != static_cast<Eigen::Index>(loss_reactions.size()))
    throw Error("reservoir: " + std::to_string(targets.rows()) + " x " + std::to_string(targets.cols()) +
                " targets for " + std::to_string(loss_reactions.size()) + " reactions and " + std::to_string(N) +
                " rows");
  if (!inputs.allFinite() || !targets.allFinite()) throw Error("reservoir: training inputs and targets must be finite");
  for (int r : loss_reactions)
    if (r < 0 || r >= frozen.reactions()) throw Error("reservoir: loss reaction " + std::to_string(r) + " out of range");
  FrozenMinn surrogate = frozen;  // forward() keeps activations: this training's own copy
  // Streams as the trainer's (train/trainer.cpp), so a seed means the same kind of thing.
  Rng root(o.seed);
  Rng init_rng = root.split();
  Rng shuffle_rng = root.split();
  Rng dropout_rng = root.split();
  const int features = static_cast<int>(inputs.rows());
  ReservoirModel model{MinMaxScaler::fit(inputs), Network(features, o.hidden, surrogate.inputs()),
                       RateBox::of(surrogate.scaler()), {}};
  model.scaler.clip = o.clip_inputs;
  model.network.init_pytorch_default(init_rng);
  const Eigen::MatrixXd X = model.scaler.transform(inputs);
  AdamT<double> adam(model.network.parameters().size(), AdamOptions{o.lr, 0.9, 0.999, 1e-8, o.weight_decay});
  std::vector<int> order(static_cast<std::size_t>(N));
  std::iota(order.begin(), order.end(), 0);
  Eigen::MatrixXd xb, tb, Z, rates, V, grad_V, grad_rates, grad_Z;
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    shuffle_rng.shuffle(order);
    EpochReport report;
    report.epoch = epoch;
    for (int start = 0; start < N; start += o.batch) {
      const int count = std::min(o.batch, N - start);
      xb.resize(X.rows(), count);
      tb.resize(targets.rows(), count);
      for (int j = 0; j < count; ++j) {
        xb.col(j) = X.col(order[static_cast<std::size_t>(start + j)]);
        tb.col(j) = targets.col(order[static_cast<std::size_t>(start + j)]);
      }
      model.network.forward(xb, o.dropout, &dropout_rng, Z);
      model.box.forward(Z, rates);
      surrogate.forward(rates, V);
      report.loss += reservoir_loss(V, tb, loss_reactions, &grad_V);
      surrogate.backward(grad_V, grad_rates);
      model.box.backward(Z, grad_rates, grad_Z);
      LayerGradient layers[2];
      model.network.backward(xb, grad_Z, layers);
      adam.step(model.network.parameters(), layers, 2);
    }
    report.loss /= N;
    report.ne = report.data = report.loss;
    if (!std::isfinite(report.loss))
      throw Error("reservoir: training diverged at epoch " + std::to_string(epoch) + " (loss is not finite)");
    model.history.push_back(report);
    if (on_epoch) on_epoch(report);
  }
  return model;
}

Eigen::MatrixXd predict_reservoir(const FrozenMinn& frozen, const ReservoirModel& model, const Eigen::MatrixXd& raw_inputs,
                                  Eigen::MatrixXd* rates_out) {
  FrozenMinn surrogate = frozen;
  Network network = model.network;
  Eigen::MatrixXd Z, rates, V;
  network.forward(model.scaler.transform(raw_inputs), 0.0, nullptr, Z);
  model.box.forward(Z, rates);
  surrogate.forward(rates, V);
  if (rates_out) *rates_out = rates;
  return V;
}

}  // namespace minn::train
