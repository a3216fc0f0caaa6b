#include "train/trainer.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <string>

#include "common/error.hpp"
#include "train/adam.hpp"
#include "train/aux_head.hpp"
#include "train/loss_weighting.hpp"
#include "train/closed_rows.hpp"
#include "train/linear_base.hpp"
#include "train/yield_profile.hpp"

namespace minn::train {
namespace {

void require(bool ok, const std::string& message) {
  if (!ok) throw Error(message);
}

// Copies the given columns of `from` into `to` (resized).
template <class T>
void gather(const MatrixX<T>& from, const int* columns, int count, MatrixX<T>& to) {
  to.resize(from.rows(), count);
  for (int j = 0; j < count; ++j) to.col(j) = from.col(columns[j]);
}

}  // namespace

Precision parse_precision(const std::string& name) {
  if (name == "f64") return Precision::F64;
  if (name == "f32") return Precision::F32;
  throw Error("unknown precision '" + name + "' (expected f32 or f64)");
}

std::string precision_name(Precision p) { return p == Precision::F32 ? "f32" : "f64"; }

FluxNormalisation parse_normalisation(const std::string& name) {
  if (name == "none") return FluxNormalisation::None;
  if (name == "glucose") return FluxNormalisation::Uptake;
  if (name == "glucose-residual") return FluxNormalisation::UptakeResidual;
  if (name == "ridge-residual") return FluxNormalisation::RidgeResidual;
  throw Error("--normalise '" + name + "': expected none, glucose, glucose-residual or ridge-residual");
}

std::string normalisation_name(FluxNormalisation n) {
  switch (n) {
    case FluxNormalisation::Uptake: return "glucose";
    case FluxNormalisation::UptakeResidual: return "glucose-residual";
    case FluxNormalisation::RidgeResidual: return "ridge-residual";
    default: return "none";
  }
}

Eigen::VectorXd flux_scales(int scale_input, const Eigen::MatrixXd& raw_inputs) {
  if (scale_input < 0) return {};
  require(scale_input < raw_inputs.rows(), "uptake normalisation: input row " + std::to_string(scale_input) +
                                               " out of range (" + std::to_string(raw_inputs.rows()) + " inputs)");
  return raw_inputs.row(scale_input).transpose().cwiseMax(0.0);
}

void validate(const TrainOptions& o) {
  require(o.hidden > 0, "--hidden must be positive, got " + std::to_string(o.hidden));
  require(o.dropout >= 0 && o.dropout < 1, "--dropout must be in [0, 1), got " + std::to_string(o.dropout));
  require(o.lr > 0 && std::isfinite(o.lr), "--lr must be positive, got " + std::to_string(o.lr));
  require(o.weight_decay >= 0 && std::isfinite(o.weight_decay),
          "--weight-decay must be >= 0, got " + std::to_string(o.weight_decay));
  require(o.c > 0 && std::isfinite(o.c), "--c must be positive, got " + std::to_string(o.c));
  require(o.epochs >= 0, "--epochs must be >= 0, got " + std::to_string(o.epochs));
  require(o.batch > 0, "--batch must be positive, got " + std::to_string(o.batch));
  require(o.steps >= 0, "--steps must be >= 0, got " + std::to_string(o.steps));
  require(o.momentum >= 0 && o.momentum < 1, "--momentum must be in [0, 1), got " + std::to_string(o.momentum));
  require(o.fixed_step >= 0 && std::isfinite(o.fixed_step),
          "--refine-step must be 'auto' or a positive number, got " + std::to_string(o.fixed_step));
  require(o.precision == Precision::F64 || o.precision == Precision::F32, "--precision must be f32 or f64");
  require(o.aux_weight >= 0 && std::isfinite(o.aux_weight),
          "--aux-omics-weight must be >= 0, got " + std::to_string(o.aux_weight));
  for (double sd : o.input_noise_sd)
    require(sd >= 0 && std::isfinite(sd), "--input-noise: a standard deviation must be >= 0, got " + std::to_string(sd));
}

StepChoice choose_step(const Mechanics& mech, const TrainOptions& options) {
  return options.fixed_step > 0 ? choose_step_fixed(mech, options.fixed_step, options.momentum)
                                : choose_step_auto(mech, options.momentum, options.steps);
}

TrainingSet TrainingSet::subset(const std::vector<int>& columns) const {
  TrainingSet out;
  for (int c : columns)
    require(c >= 0 && c < samples(), "training subset: sample " + std::to_string(c) + " out of range");
  gather(inputs, columns.data(), static_cast<int>(columns.size()), out.inputs);
  gather(targets, columns.data(), static_cast<int>(columns.size()), out.targets);
  gather(vin, columns.data(), static_cast<int>(columns.size()), out.vin);
  if (aux_targets.size() > 0) gather(aux_targets, columns.data(), static_cast<int>(columns.size()), out.aux_targets);
  return out;
}

namespace {

// The training loop in scalar type T. The data, the scaler and every random draw stay in double
// (converted when used), so both precisions see the same initialisation, shuffles and dropout
// masks; the returned network holds the trained parameters widened exactly to double.
template <class T>
TrainedMinn train_in(const Mechanics& mech, const TrainingSet& data, const TrainOptions& o, const StepChoice& step,
                     const EpochCallback& on_epoch) {
  const int N = data.samples();
  // Independent streams, so that e.g. changing the dropout rate does not change the init.
  Rng root(o.seed);
  Rng init_rng = root.split();
  Rng shuffle_rng = root.split();
  Rng dropout_rng = root.split();

  // The model file stores eta and beta as float32; training with exactly those values makes the
  // stored refinement the one the network was trained with.
  const HeavyBall refinement{o.steps, static_cast<double>(static_cast<float>(step.eta)),
                             static_cast<double>(static_cast<float>(o.momentum))};
  const int features = static_cast<int>(data.inputs.rows());
  TrainedMinn model{MinMaxScaler::fit(data.inputs), Network(features, o.hidden, mech.n()), refinement, {}, -1, {}};
  model.scaler.clip = o.clip_inputs;  // no effect on the training rows (inside their own range)
  NetworkT<T> network(features, o.hidden, mech.n());
  network.init_pytorch_default(init_rng);
  // Uptake normalisation: per-sample multipliers of V0, and the residual form's mean yield profile.
  VectorX<T> scale_all, offset;
  Eigen::MatrixXd base_L;  // the ridge base's linear part (RidgeResidual), n x features
  MatrixX<T> base_L_T;
  if (o.normalise != FluxNormalisation::None) {
    model.scale_input = o.scale_input;
    scale_all = flux_scales(o.scale_input, data.inputs).template cast<T>();
    if (o.normalise == FluxNormalisation::UptakeResidual) {
      model.yield_offset =
          complete_yield_profile(mech, mean_yields(data.targets, data.inputs.row(o.scale_input).transpose()));
      // Rounded to float32 as the model file stores it, so training sees the stored offset.
      model.yield_offset = model.yield_offset.cast<float>().template cast<double>();
      offset = model.yield_offset.template cast<T>();
    }
    if (o.normalise == FluxNormalisation::RidgeResidual) {
      const LinearYieldBase base = fit_linear_yield_base(mech, model.scaler.transform(data.inputs), data.targets,
                                                         data.inputs.row(o.scale_input).transpose(), o.input_closes,
                                                         o.input_reactions, o.input_reverse_reactions);
      // Rounded to float32 as the model file stores them (the offset as yield_offset, L folded
      // into the output layer), so training sees the stored base.
      model.yield_offset = base.offset.cast<float>().template cast<double>();
      base_L = base.L.cast<float>().template cast<double>();
      model.ridge_lambda = base.lambda;
      offset = model.yield_offset.template cast<T>();
      base_L_T = base_L.template cast<T>();
    }
    if (offset.size() > 0) {
      // Residual forms: a zero output layer, so the untrained network is the base (the uptake-scaled
      // mean profile or the ridge) before the refinement.
      network.W2(network.parameters()).setZero();
      network.b2(network.parameters()).setZero();
    }
  }
  const MatrixX<T> X = model.scaler.transform(data.inputs).template cast<T>();
  const MatrixX<T> targets = data.targets.template cast<T>();
  const MatrixX<T> vin = data.vin.template cast<T>();
  // The auxiliary head: its own stream (split after the others, which stay as they were), targets
  // min-max scaled on these training rows.
  std::unique_ptr<AuxHeadT<T>> aux_head;
  MatrixX<T> aux_targets, aux_b, grad_A1_aux;
  if (o.aux_weight > 0) {
    Rng aux_rng = root.split();
    aux_head = std::make_unique<AuxHeadT<T>>(o.hidden, static_cast<int>(data.aux_targets.rows()), o.aux_weight,
                                             AdamOptions{o.lr, 0.9, 0.999, 1e-8, o.weight_decay}, aux_rng);
    aux_targets = MinMaxScaler::fit(data.aux_targets).transform(data.aux_targets).template cast<T>();
  }
  // Input noise: its own stream, split last and only when asked for, so the other streams (and
  // every model trained without noise) stay as they were. In scaled units: sd / range.
  Rng noise_rng(0);
  std::vector<double> noise_scaled;
  for (std::size_t i = 0; i < o.input_noise_sd.size(); ++i)
    noise_scaled.push_back(o.input_noise_sd[i] / model.scaler.range(static_cast<Eigen::Index>(i)));
  if (!noise_scaled.empty()) noise_rng = root.split();

  AdamT<T> adam(network.parameters().size(), AdamOptions{o.lr, 0.9, 0.999, 1e-8, o.weight_decay});
  RefinerT<T> refiner;
  std::vector<int> order(static_cast<std::size_t>(N));
  std::iota(order.begin(), order.end(), 0);
  MatrixX<T> xb, tb, vinb, V0, V, grad_V, grad_V0, SV, grad_mech;
  VectorX<T> scale_b;
  const LossWeighting weighting = o.weighting ? o.weighting() : LossWeighting{};
  model.history.reserve(static_cast<std::size_t>(o.epochs));
  for (int epoch = 1; epoch <= o.epochs; ++epoch) {
    shuffle_rng.shuffle(order);
    EpochReport report;
    report.epoch = epoch;
    for (int start = 0; start < N; start += o.batch) {
      const int count = std::min(o.batch, N - start);
      gather(X, order.data() + start, count, xb);
      gather(targets, order.data() + start, count, tb);
      gather(vin, order.data() + start, count, vinb);
      for (int j = 0; j < count; ++j)
        for (std::size_t i = 0; i < noise_scaled.size(); ++i)
          if (noise_scaled[i] > 0)
            xb(static_cast<Eigen::Index>(i), j) += static_cast<T>(noise_scaled[i] * noise_rng.normal());
      network.forward(xb, o.dropout, &dropout_rng, V0);
      if (base_L_T.size() > 0) V0.noalias() += base_L_T * xb;  // fixed: no gradient
      if (scale_all.size() > 0) {  // V0 = u * (network + offset); dV0/dnetwork = u
        scale_b.resize(count);
        for (int j = 0; j < count; ++j) scale_b(j) = scale_all(order[static_cast<std::size_t>(start + j)]);
        if (offset.size() > 0) V0.colwise() += offset;
        V0.array().rowwise() *= scale_b.transpose().array();
      }
      refiner.forward(mech, model.refinement, V0, vinb, V, true);
      const auto clipped = zero_closed_rows(mech.pin(), vinb, V);
      const BatchLoss loss = weighting ? weighted_batch_loss(mech, weighting, epoch, V, tb, vinb, grad_V, grad_mech, SV)
                                       : batch_loss(mech, o.variant, o.c, V, tb, vinb, &grad_V, SV);
      mask_clipped(clipped, grad_V);
      refiner.backward(mech, model.refinement, vinb, grad_V, grad_V0);
      if (scale_all.size() > 0) grad_V0.array().rowwise() *= scale_b.transpose().array();
      // backward() then Adam's layer step, not Network::backward_and_step(): the fused pass gives
      // the same bits but measured no faster here (0.91-1.06x per epoch, tests/bench/bench_train.cpp):
      // streaming p, m and v dominates Adam's pass, not the extra read of W2.
      LayerGradientT<T> layers[2];
      if (aux_head) {
        gather(aux_targets, order.data() + start, count, aux_b);
        report.aux += aux_head->train_step(network.hidden_activations(), aux_b, grad_A1_aux);
        network.backward(xb, grad_V0, grad_A1_aux, layers);
      } else {
        network.backward(xb, grad_V0, layers);
      }
      adam.step(network.parameters(), layers, 2);
      report.loss += loss.total;
      report.data += loss.data;
      report.mech += loss.mech;
      report.ne += loss.ne;
    }
    report.loss /= N;
    report.data /= N;
    report.mech /= N;
    report.ne /= N;
    report.aux /= N;
    if (!std::isfinite(report.loss))
      throw Error("training diverged at epoch " + std::to_string(epoch) +
                  " (loss is not finite); with a fixed --refine-step, check eta * lambda_max < 2(1+beta) or use auto");
    model.history.push_back(report);
    if (on_epoch) on_epoch(report);
  }
  model.network.parameters() = network.parameters().template cast<double>();  // exact widening
  if (base_L.size() > 0) model.network = fold_linear_base(model.network, base_L);
  return model;
}

}  // namespace

TrainedMinn train_minn(const Mechanics& mech, const TrainingSet& data, const TrainOptions& o, const StepChoice& step,
                       const EpochCallback& on_epoch) {
  validate(o);
  const int N = data.samples();
  require(N > 0, "no training rows");
  require(data.targets.rows() == mech.n_ref() && data.targets.cols() == N,
          "targets are " + std::to_string(data.targets.rows()) + " x " + std::to_string(data.targets.cols()) +
              ", expected " + std::to_string(mech.n_ref()) + " x " + std::to_string(N));
  require(data.vin.rows() == mech.n_in() && data.vin.cols() == N,
          "Vin is " + std::to_string(data.vin.rows()) + " x " + std::to_string(data.vin.cols()) + ", expected " +
              std::to_string(mech.n_in()) + " x " + std::to_string(N));
  require(data.inputs.allFinite() && data.targets.allFinite(), "training inputs and targets must be finite");
  require(o.input_noise_sd.empty() || static_cast<Eigen::Index>(o.input_noise_sd.size()) == data.inputs.rows(),
          "--input-noise: " + std::to_string(o.input_noise_sd.size()) + " standard deviations for " +
              std::to_string(data.inputs.rows()) + " inputs");
  require(o.aux_weight == 0 || (data.aux_targets.rows() > 0 && data.aux_targets.cols() == N &&
                                data.aux_targets.allFinite()),
          "--aux-omics-weight needs finite auxiliary targets for every training row, got " +
              std::to_string(data.aux_targets.rows()) + " x " + std::to_string(data.aux_targets.cols()));
  require(o.normalise == FluxNormalisation::None || (o.scale_input >= 0 && o.scale_input < data.inputs.rows()),
          "uptake normalisation needs the input row of the measured glucose uptake, got " +
              std::to_string(o.scale_input));
  return o.precision == Precision::F32 ? train_in<float>(mech, data, o, step, on_epoch)
                                       : train_in<double>(mech, data, o, step, on_epoch);
}

Eigen::MatrixXd predict_fluxes(const Mechanics& mech, const TrainedMinn& model, const Eigen::MatrixXd& raw_inputs,
                               const Eigen::MatrixXd& vin, Eigen::MatrixXd* V0_out) {
  Network net = model.network;  // forward() keeps activations; a copy keeps `model` const
  Eigen::MatrixXd V0, V;
  net.forward(model.scaler.transform(raw_inputs), 0.0, nullptr, V0);
  if (model.scale_input >= 0) {
    if (model.yield_offset.size() > 0) V0.colwise() += model.yield_offset;
    V0.array().rowwise() *= flux_scales(model.scale_input, raw_inputs).transpose().array();
  }
  Refiner refiner;
  refiner.forward(mech, model.refinement, V0, vin, V, false);
  zero_closed_rows(mech.pin(), vin, V);
  if (V0_out) *V0_out = V0;
  return V;
}

}  // namespace minn::train
