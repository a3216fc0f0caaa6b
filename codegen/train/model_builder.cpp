#include "train/model_builder.hpp"

#include "common/error.hpp"
#include "common/version.hpp"

namespace minn::train {
namespace {

std::vector<float> to_float(const Eigen::VectorXd& v) {
  std::vector<float> out(static_cast<std::size_t>(v.size()));
  for (Eigen::Index i = 0; i < v.size(); ++i) out[static_cast<std::size_t>(i)] = static_cast<float>(v(i));
  return out;
}

// Row-major [out][in] as DenseLayer stores it, from a column-major Eigen matrix.
DenseLayer layer(const std::string& name, const Eigen::MatrixXd& W, const Eigen::VectorXd& b, Activation act) {
  DenseLayer l;
  l.name = name;
  l.in = static_cast<int>(W.cols());
  l.out = static_cast<int>(W.rows());
  l.weights.reserve(static_cast<std::size_t>(W.size()));
  for (Eigen::Index r = 0; r < W.rows(); ++r)
    for (Eigen::Index c = 0; c < W.cols(); ++c) l.weights.push_back(static_cast<float>(W(r, c)));
  l.bias = to_float(b);
  l.activation = act;
  return l;
}

}  // namespace

TrainedMinn rounded_to_float(const TrainedMinn& trained) {
  TrainedMinn out = trained;
  Eigen::VectorXd& p = out.network.parameters();
  for (Eigen::Index i = 0; i < p.size(); ++i) p(i) = static_cast<double>(static_cast<float>(p(i)));
  for (Eigen::Index i = 0; i < out.scaler.min.size(); ++i) {
    out.scaler.min(i) = static_cast<double>(static_cast<float>(out.scaler.min(i)));
    out.scaler.range(i) = static_cast<double>(static_cast<float>(out.scaler.range(i)));
  }
  return out;
}

TrainingMetrics training_metrics(const Mechanics& mech, const TrainedMinn& trained, const TrainingSet& data,
                                 const TrainOptions& options, const std::vector<int>& metric_rows) {
  const Eigen::MatrixXd V = predict_fluxes(mech, trained, data.inputs, data.vin);
  Eigen::MatrixXd SV;
  const BatchLoss loss = batch_loss(mech, options.variant, options.c, V, data.targets, data.vin, nullptr, SV);
  TrainingMetrics m;
  m.data_loss = loss.data / data.samples();
  m.mech_loss = loss.mech / data.samples();
  const Eigen::MatrixXd predicted = mech.measured(V);
  Eigen::MatrixXd t(static_cast<Eigen::Index>(metric_rows.size()), data.samples()), p(t.rows(), t.cols());
  for (std::size_t i = 0; i < metric_rows.size(); ++i) {
    t.row(static_cast<Eigen::Index>(i)) = data.targets.row(metric_rows[i]);
    p.row(static_cast<Eigen::Index>(i)) = predicted.row(metric_rows[i]);
  }
  m.flux = summarize_metrics(t, p);
  return m;
}

MinnModel build_model(const Gem& split_gem, const Mechanics& mech, const TrainedMinn& trained,
                      const TrainOptions& o, const StepChoice& step, const ModelDescription& d,
                      const TrainingMetrics& metrics) {
  const int F = trained.network.inputs();
  if (static_cast<int>(d.input_names.size()) != F || static_cast<int>(d.input_units.size()) != F)
    throw Error("model: " + std::to_string(d.input_names.size()) + " input names and " +
                std::to_string(d.input_units.size()) + " units for a network with " + std::to_string(F) + " inputs");
  if (static_cast<int>(split_gem.reactions.size()) != mech.n() ||
      static_cast<int>(split_gem.metabolites.size()) != mech.m())
    throw Error("model: the GEM '" + split_gem.id + "' does not match the trained mechanics");
  if (static_cast<int>(d.default_vin.size()) != mech.n_in())
    throw Error("model: " + std::to_string(d.default_vin.size()) + " default Vin values for " +
                std::to_string(mech.n_in()) + " Pin rows");
  MinnModel m;
  m.input_names = d.input_names;
  m.input_units = d.input_units;
  m.scaler_min = to_float(trained.scaler.min);
  m.scaler_range = to_float(trained.scaler.range);
  // The envelope: the training rows' min and max per input (raw units).
  m.envelope_min = m.scaler_min;
  m.envelope_max = to_float(trained.scaler.max);
  m.envelope_margin = static_cast<float>(d.envelope_margin);
  m.clip_inputs = trained.scaler.clip;  // the device saturates as the evaluated scaler did
  m.flux_scale_input = trained.scale_input;  // V0 = u * (output + yield_offset), model/model.hpp
  m.yield_offset = to_float(trained.yield_offset);

  const Network& net = trained.network;
  m.layers.push_back(layer("hidden", net.W1(), net.b1(), Activation::Relu));
  m.layers.push_back(layer("output", net.W2(), net.b2(), Activation::None));

  for (const Reaction& r : split_gem.reactions) m.reaction_ids.push_back(r.id);
  for (const Metabolite& met : split_gem.metabolites) m.metabolite_ids.push_back(met.id);
  const SparseRowMatrix& S = mech.S();
  m.S.rows = static_cast<int>(S.rows());
  m.S.cols = static_cast<int>(S.cols());
  m.S.row_ptr.assign(S.outerIndexPtr(), S.outerIndexPtr() + S.rows() + 1);
  m.S.col_index.assign(S.innerIndexPtr(), S.innerIndexPtr() + S.nonZeros());
  for (Eigen::Index k = 0; k < S.nonZeros(); ++k) m.S.values.push_back(static_cast<float>(S.valuePtr()[k]));

  m.refinement.steps = trained.refinement.steps;
  m.refinement.step_size = static_cast<float>(trained.refinement.eta);
  m.refinement.momentum = static_cast<float>(trained.refinement.beta);
  m.refinement.lambda_max = step.lambda_max;
  m.refinement.step_rule = step.automatic ? "auto" : "fixed";
  m.pin_reactions.assign(mech.pin().begin(), mech.pin().end());
  m.default_vin = d.default_vin;
  for (int r : mech.pref()) m.pref_reactions.push_back(split_gem.reactions[static_cast<std::size_t>(r)].id);

  m.gem_id = split_gem.id;
  m.gem_sha256 = split_gem.source_sha256;
  Provenance& p = m.provenance;
  p.minn_version = MINN_VERSION_STRING;
  p.dataset_sha256 = d.dataset_sha256;
  p.seed = o.seed;
  p.variant = d.variant.empty() ? variant_name(o.variant) : d.variant;
  p.hyper_parameters = {{"hidden", o.hidden},
                        {"dropout", o.dropout},
                        {"lr", o.lr},
                        {"weight_decay", o.weight_decay},
                        {"c", o.c},
                        {"epochs", o.epochs},
                        {"batch", o.batch},
                        {"steps", o.steps},
                        {"momentum", o.momentum},
                        {"refine_step", trained.refinement.eta},
                        {"refine_lambda_bound", step.lambda_bound}};
  if (step.automatic) {
    p.hyper_parameters.emplace_back("refine_mu_safe", step.mu_safe);
    p.hyper_parameters.emplace_back("refine_margin", step.margin);
  }
  p.hyper_parameters.emplace_back("envelope_margin", d.envelope_margin);
  if (o.normalise == FluxNormalisation::RidgeResidual) p.hyper_parameters.emplace_back("ridge_lambda", trained.ridge_lambda);
  p.training_metrics = {{"data_loss", metrics.data_loss},   {"mech_loss", metrics.mech_loss},
                        {"r2_mean", metrics.flux.mean.r2},   {"r2_sd", metrics.flux.sd.r2},
                        {"mae_mean", metrics.flux.mean.mae}, {"mae_sd", metrics.flux.sd.mae},
                        {"rmse_mean", metrics.flux.mean.rmse}, {"rmse_sd", metrics.flux.sd.rmse},
                        {"ne_mean", metrics.flux.mean.ne},   {"ne_sd", metrics.flux.sd.ne}};
  p.command = d.command;
  return m;
}

}  // namespace minn::train
