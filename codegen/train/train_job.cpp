#include "train/train_job.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>

#include "common/error.hpp"
#include "common/path_name.hpp"
#include "data/ishii_dataset.hpp"
#include "data/scored_fluxes.hpp"
#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"
#include "train/genotype_switches.hpp"

namespace minn::train {

int uptake_input_row(const Dataset& dataset, const std::string& data_dir) {
  for (std::size_t i = 0; i < dataset.input_names.size(); ++i)
    if (dataset.input_names[i] == kGlucoseUptakeInput) return static_cast<int>(i);
  throw Error(data_dir + ": no input '" + std::string(kGlucoseUptakeInput) +
              "' (the measured glucose uptake that --normalise glucose scales the fluxes by)");
}

std::string shortest_double(double value) {
  char buffer[64];
  if (value == std::floor(value) && std::abs(value) < 1e15) {  // integers without an exponent ("20")
    std::snprintf(buffer, sizeof buffer, "%.0f", value);
    return buffer;
  }
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, value);
    if (std::strtod(buffer, nullptr) == value) break;
  }
  return buffer;
}

std::string canonical_command(const TrainJob& job) {
  const TrainOptions& o = job.options;
  std::string c = "minnc train --gem " + path_file_name(job.gem_path) + " --data " + path_file_name(job.data_dir);
  c += " --variant " + variant_name(o.variant);
  c += " --hidden " + std::to_string(o.hidden) + " --dropout " + shortest_double(o.dropout);
  c += " --lr " + shortest_double(o.lr) + " --weight-decay " + shortest_double(o.weight_decay);
  c += " --c " + shortest_double(o.c) + " --epochs " + std::to_string(o.epochs);
  c += " --batch " + std::to_string(o.batch) + " --seed " + std::to_string(o.seed);
  c += " --steps " + std::to_string(o.steps) + " --momentum " + shortest_double(o.momentum);
  c += " --refine-step " + (o.fixed_step > 0 ? shortest_double(o.fixed_step) : std::string("auto"));
  // Only when not the default, so that the command recorded in existing f64 models stays the same.
  if (o.precision != Precision::F64) c += " --precision " + precision_name(o.precision);
  if (o.clip_inputs) c += " --clip-inputs";  // likewise only when set
  if (o.normalise != FluxNormalisation::None) c += " --normalise " + normalisation_name(o.normalise);
  if (job.inputs != InputSet::Omics) c += " --inputs " + input_set_name(job.inputs);  // likewise
  if (job.genotype_input) c += " --genotype-input";
  if (o.aux_weight > 0) c += " --aux-omics-weight " + shortest_double(o.aux_weight);
  c += " -o " + path_file_name(job.output_path);
  return c;
}

TrainJobResult run_train_job(const TrainJob& job, const EpochCallback& on_epoch,
                             const std::function<void(const std::string&)>& on_warning) {
  validate(job.options);
  TrainJobResult result;
  const auto warn = [&](const std::string& message) {
    result.warnings.push_back(message);
    if (on_warning) on_warning(message);
  };
  Diagnostics diagnostics;
  const Gem gem = split_reversible(read_sbml(job.gem_path, &diagnostics));
  for (const std::string& w : diagnostics.warnings) warn(w);
  const ModelInputs prepared = model_inputs(load_ishii(job.data_dir, gem), gem, job.inputs, job.genotype_input);
  const Dataset& dataset = prepared.dataset;
  if (job.inputs == InputSet::Online) {
    const std::string note = unbounded_knockouts_note(prepared.knockouts, gem.id);
    if (!note.empty()) warn(note);
  }

  std::vector<int> pin = {[&] {
    const int index = gem.reaction_index(kDefaultPinReaction);
    if (index < 0)
      throw Error(job.gem_path + ": the split GEM has no reaction '" + std::string(kDefaultPinReaction) +
                  "' (the Pin row of the paper's MINN)");
    return index;
  }()};
  TrainingSet data;
  data.inputs = dataset.inputs.transpose();
  data.targets = dataset.targets.transpose();
  data.vin = Eigen::MatrixXd::Constant(1, data.samples(), std::numeric_limits<double>::infinity());
  append_knockout_rows(prepared.knockouts, pin, data.vin);
  if (job.options.aux_weight > 0) data.aux_targets = prepared.omics.transpose();  // training only
  const Mechanics mech(gem.stoichiometry(), pin, dataset.target_reactions);
  // The stored model's Vin: no bound on any row (the wild type).
  const std::vector<float> default_vin(pin.size(), std::numeric_limits<float>::infinity());

  TrainOptions options = job.options;
  if (options.normalise != FluxNormalisation::None) options.scale_input = uptake_input_row(dataset, job.data_dir);
  if (job.genotype_input) options.input_closes = reactions_closed_by_input(prepared, gem);
  const InputReactions measured = input_reactions(dataset, gem);
  options.input_reactions = measured.measured;
  options.input_reverse_reactions = measured.opposite;
  result.step = choose_step(mech, options);
  if (result.step.diverges) {
    char text[400];
    std::snprintf(text, sizeof text,
                  "--refine-step %s: eta * lambda_max = %.4g >= 2(1+beta) = %.4g, so the refinement diverges on "
                  "GEM '%s' (lambda_max = %.6g); use --refine-step auto",
                  shortest_double(job.options.fixed_step).c_str(), job.options.fixed_step * result.step.lambda_max,
                  2 * (1 + job.options.momentum), gem.id.c_str(), result.step.lambda_max);
    warn(text);
  }
  const TrainedMinn trained = train_minn(mech, data, options, result.step, on_epoch);

  // Metrics of the model as stored (float32 weights), over every target that is not an input.
  const std::vector<int> scored = metric_rows(dataset);
  ModelDescription description;
  for (int i : scored) description.metric_ids.push_back(dataset.target_ids[static_cast<std::size_t>(i)]);
  result.metrics = training_metrics(mech, rounded_to_float(trained), data, options, scored);
  result.scored_fluxes = scored.size();
  description.input_names = dataset.input_names;
  description.input_units = dataset.input_units;
  description.default_vin = default_vin;
  description.dataset_sha256 = dataset.sha256;
  description.command = canonical_command(job);
  result.model = build_model(gem, mech, trained, options, result.step, description, result.metrics);
  // The knockout rows follow the default Pin row; the deployed model switches them from genotype inputs.
  if (job.inputs == InputSet::Online)
    add_genotype_switches(result.model, prepared.knockouts, genotype_indicators(gem, prepared.knockouts),
                          dataset.experiments, 1);
  return result;
}

}  // namespace minn::train
