#include "surrogate/surrogate_job.hpp"

#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>

#include "common/error.hpp"
#include "common/path_name.hpp"
#include "data/ishii_dataset.hpp"
#include "lp/json_writer.hpp"
#include "sbml/sbml_reader.hpp"
#include "surrogate/holdout.hpp"
#include "surrogate/linear_baseline.hpp"
#include "surrogate/surrogate_stage.hpp"
#include "train/model_builder.hpp"
#include "train/train_job.hpp"

namespace minn::surrogate {
namespace {

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

std::string canonical_command(const SurrogateJob& job, long long max_draws) {
  const train::TrainOptions& o = job.options;
  using train::shortest_double;
  std::string c = "minnc surrogate --gem " + path_file_name(job.gem_path) + " --data " + path_file_name(job.data_dir) +
                  " --reduce " + job.reduction.method;
  if (job.reduction.method == "fba")
    c += " --reduce-solutions " + std::to_string(job.reduction.solutions) + " --reduce-seed " +
         std::to_string(job.reduction.seed);
  c += " --rates " + job.rates;
  // Only when not the default, so the commands recorded before --sampling existed stay as they were.
  if (job.sampling.sampling != Sampling::fixed_rates) c += " --sampling " + sampling_name(job.sampling.sampling);
  if (!job.input_noise.empty()) c += " --input-noise " + job.input_noise;
  if (job.linear_baseline) c += " --baseline linear";
  if (job.envelope_margin != 0.1) c += " --envelope-margin " + shortest_double(job.envelope_margin);
  c += " --samples " + std::to_string(job.sampling.samples) + " --max-draws " +
       std::to_string(max_draws) + " --holdout " + shortest_double(job.holdout) + " --seed " + std::to_string(job.seed);
  c += " --variant " + train::variant_name(o.variant) + " --hidden " + std::to_string(o.hidden) + " --dropout " +
       shortest_double(o.dropout) + " --lr " + shortest_double(o.lr) + " --weight-decay " +
       shortest_double(o.weight_decay) + " --c " + shortest_double(o.c) + " --epochs " + std::to_string(o.epochs) +
       " --batch " + std::to_string(o.batch) + " --steps " + std::to_string(o.steps) + " --momentum " +
       shortest_double(o.momentum) + " --refine-step " +
       (o.fixed_step > 0 ? shortest_double(o.fixed_step) : std::string("auto")) + " --precision " +
       train::precision_name(o.precision);
  return c + " -o " + path_file_name(job.output_path);
}

std::string scores_json(const SurrogateScores& s) {
  const train::FluxMetrics &mean = s.flux.mean, &sd = s.flux.sd;
  json::Object o;
  o.add("r2_mean", json::number(mean.r2)).add("r2_sd", json::number(sd.r2));
  o.add("mae_mean", json::number(mean.mae)).add("mae_sd", json::number(sd.mae));
  o.add("rmse_mean", json::number(mean.rmse)).add("rmse_sd", json::number(sd.rmse));
  o.add("ne_mean", json::number(mean.ne)).add("ne_sd", json::number(sd.ne));
  o.add("steady_state_residual", json::number(s.residual));
  return o.str();
}

std::string rates_json(const std::vector<Rate>& rates) {
  std::string out = "[";
  for (std::size_t i = 0; i < rates.size(); ++i) {
    json::Object o;
    o.add("id", json::quote(rates[i].id)).add("unit", json::quote(rates[i].unit));
    o.add("min", json::number(rates[i].min)).add("max", json::number(rates[i].max));
    o.add("range", json::quote(rates[i].measured ? "measured" : "given"));
    out += (i ? ", " : "") + o.str();
  }
  return out + "]";
}

std::string report_json(const SurrogateJob& job, const SurrogateResult& r, long long max_draws,
                        const std::string& dataset_sha256, int scored) {
  const train::TrainOptions& o = job.options;
  json::Object sampling, holdout, training, report;
  sampling.add("mode", json::quote(sampling_name(job.sampling.sampling)))
      .add("samples", json::number(static_cast<long long>(r.samples.samples())))
      .add("bounds", json::quote(job.sampling.sampling == Sampling::growth_optimal ? "uptake capacity" : "equality"))
      .add("solution", json::quote("pfba"))
      .add("draws", json::number(r.samples.draws))
      .add("infeasible_draws", json::number(r.samples.infeasible))
      .add("max_draws", json::number(max_draws));
  holdout.add("fraction", json::number(job.holdout))
      .add("train_samples", json::number(static_cast<long long>(r.train_samples.size())))
      .add("test_samples", json::number(static_cast<long long>(r.test_samples.size())))
      .add("scored_reactions", json::number(static_cast<long long>(scored)));
  training.add("variant", json::quote(train::variant_name(o.variant)))
      .add("hidden", json::number(static_cast<long long>(o.hidden)))
      .add("dropout", json::number(o.dropout))
      .add("lr", json::number(o.lr))
      .add("weight_decay", json::number(o.weight_decay))
      .add("c", json::number(o.c))
      .add("epochs", json::number(static_cast<long long>(o.epochs)))
      .add("batch", json::number(static_cast<long long>(o.batch)))
      .add("steps", json::number(static_cast<long long>(o.steps)))
      .add("momentum", json::number(o.momentum))
      .add("eta", json::number(r.step.eta))
      .add("lambda_max", json::number(r.step.lambda_max))
      .add("precision", json::quote(train::precision_name(o.precision)));
  report.add("command", json::quote(r.command))
      .add("gem", json::quote(r.gem_id))
      .add("gem_sha256", json::quote(r.model.gem_sha256))
      .add("reduce", json::quote(job.reduction.method))
      .add("reactions", json::number(static_cast<long long>(r.samples.reaction_ids.size())))
      .add("metabolites", json::number(static_cast<long long>(r.metabolites)))
      .add("dataset_sha256", json::quote(dataset_sha256))
      .add("seed", json::number(static_cast<long long>(job.seed)))
      .add("rates", rates_json(r.samples.rates))
      .add("sampling", sampling.str())
      .add("holdout", holdout.str())
      .add("training", training.str())
      .add("surrogate_holdout", r.test_samples.empty() ? "null" : scores_json(r.holdout))
      .add("training_mean_holdout", r.test_samples.empty() ? "null" : scores_json(r.baseline));
  return report.str() + "\n";
}

}  // namespace

train::TrainOptions default_training_options() {
  train::TrainOptions o;
  o.variant = train::Variant::CBalanced;
  o.c = 20;
  o.hidden = 500;
  o.dropout = 0;
  o.lr = 3e-3;
  o.weight_decay = 0;
  o.epochs = 300;
  o.batch = 32;
  o.steps = 8;
  o.precision = train::Precision::F32;
  return o;
}

std::string report_path_for(const std::string& model_path) {
  const std::string suffix = ".minn";
  const bool has_suffix =
      model_path.size() > suffix.size() && model_path.compare(model_path.size() - suffix.size(), suffix.size(), suffix) == 0;
  return (has_suffix ? model_path.substr(0, model_path.size() - suffix.size()) : model_path) + "_report.json";
}

SurrogateResult run_surrogate_job(const SurrogateJob& job, const SurrogateProgress& progress) {
  train::TrainOptions options = job.options;
  options.seed = job.seed;
  train::validate(options);
  // Cheap checks before the GEM is read and reduced (minutes on iAF1260).
  if (job.sampling.samples < 1) throw Error("--samples " + std::to_string(job.sampling.samples) + ": expected at least 1");
  if (!(job.envelope_margin >= 0.0) || !std::isfinite(job.envelope_margin))
    throw Error("--envelope-margin " + train::shortest_double(job.envelope_margin) + ": expected a finite number >= 0");
  (void)holdout_split(job.sampling.samples, job.holdout, job.seed);

  SurrogateResult r;
  Diagnostics diagnostics;
  const Gem unsplit = reduce_for_dataset(read_sbml(job.gem_path, &diagnostics), job.reduction, job.data_dir);
  r.warnings = diagnostics.warnings;
  const Gem split = split_reversible(unsplit);
  const Dataset dataset = load_ishii(job.data_dir, split);
  const std::vector<Rate> rates = resolve_rates(job.rates, split, dataset, job.data_dir);
  options.input_noise_sd = resolve_input_noise(job.input_noise, rates);

  SamplerOptions sampling = job.sampling;
  sampling.seed = job.seed;
  const long long max_draws =
      sampling.max_draws > 0 ? sampling.max_draws : static_cast<long long>(kDefaultDrawsPerSample) * sampling.samples;
  auto start = std::chrono::steady_clock::now();
  r.samples = sample_fluxes(unsplit, rates, sampling, progress.sampling);
  r.sampling_seconds = seconds_since(start);
  const HoldoutSplit split_rows = holdout_split(r.samples.samples(), job.holdout, job.seed);
  r.train_samples = split_rows.train;
  r.test_samples = split_rows.test;

  const int n = static_cast<int>(split.reactions.size());
  const train::Mechanics mech = surrogate_mechanics(split, job.gem_path);
  std::vector<int> scored;  // every reaction but the rates
  for (int k = 0; k < n; ++k) {
    bool is_rate = false;
    for (const Rate& rate : rates) is_rate |= rate.id == split.reactions[static_cast<std::size_t>(k)].id;
    if (!is_rate) scored.push_back(k);
  }

  train::TrainingSet all;
  all.inputs = r.samples.inputs;
  all.targets = r.samples.fluxes;
  all.vin = Eigen::MatrixXd::Constant(1, r.samples.samples(), std::numeric_limits<double>::infinity());
  const train::TrainingSet training = all.subset(r.train_samples);
  r.step = train::choose_step(mech, options);
  if (r.step.diverges)
    r.warnings.push_back("--refine-step " + train::shortest_double(options.fixed_step) +
                         ": eta * lambda_max >= 2(1+beta), so the refinement diverges on GEM '" + split.id +
                         "'; use --refine-step auto");
  start = std::chrono::steady_clock::now();
  if (job.linear_baseline) {  // recorded as what it is: no hidden training, no refinement
    options.hidden = 2 * static_cast<int>(training.inputs.rows());
    options.steps = 0;
    options.epochs = 0;
    options.dropout = 0;
  }
  const train::TrainedMinn trained = job.linear_baseline
                                         ? fit_linear_baseline(training, options, r.step)
                                         : train::train_minn(mech, training, options, r.step, progress.epoch);
  r.training_seconds = seconds_since(start);

  // Scored as stored: float32 weights and scaler.
  const train::TrainedMinn stored = train::rounded_to_float(trained);
  if (!r.test_samples.empty()) {
    const train::TrainingSet test = all.subset(r.test_samples);
    r.holdout = score_surrogate(mech, test.targets, train::predict_fluxes(mech, stored, test.inputs, test.vin), scored);
    r.baseline = score_surrogate(mech, test.targets, mean_predictor(training.targets, test.samples()), scored);
  }

  SurrogateJob recorded = job;
  recorded.options = options;
  r.command = canonical_command(recorded, max_draws);
  r.gem_id = split.id;
  r.metabolites = static_cast<int>(split.metabolites.size());
  train::ModelDescription description;
  for (const Rate& rate : rates) {
    description.input_names.push_back(rate.id);
    description.input_units.push_back(rate.unit);
  }
  description.default_vin = {std::numeric_limits<float>::infinity()};
  description.dataset_sha256 = dataset.sha256;
  description.command = r.command;
  description.envelope_margin = job.envelope_margin;
  if (job.linear_baseline) description.variant = "linear-baseline";
  const train::TrainingMetrics metrics = train::training_metrics(mech, stored, training, options, scored);
  r.model = train::build_model(split, mech, trained, options, r.step, description, metrics);
  if (!r.test_samples.empty()) {
    const train::FluxMetrics &mean = r.holdout.flux.mean, &sd = r.holdout.flux.sd;
    r.model.provenance.training_metrics.insert(
        r.model.provenance.training_metrics.end(),
        {{"holdout_r2_mean", mean.r2}, {"holdout_r2_sd", sd.r2}, {"holdout_mae_mean", mean.mae},
         {"holdout_mae_sd", sd.mae}, {"holdout_rmse_mean", mean.rmse}, {"holdout_rmse_sd", sd.rmse},
         {"holdout_ne_mean", mean.ne}, {"holdout_ne_sd", sd.ne}, {"holdout_residual", r.holdout.residual}});
  }
  r.report_json = report_json(recorded, r, max_draws, dataset.sha256, static_cast<int>(scored.size()));
  return r;
}

}  // namespace minn::surrogate
