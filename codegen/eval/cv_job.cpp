#include "eval/cv_job.hpp"

#include <cstdio>
#include <filesystem>
#include <limits>

#include "common/error.hpp"
#include "common/path_name.hpp"
#include "data/csv_table.hpp"
#include "data/input_set.hpp"
#include "data/ishii_dataset.hpp"
#include "data/rate_columns.hpp"
#include "data/scored_fluxes.hpp"
#include "eval/baselines.hpp"
#include "eval/cv_outputs.hpp"
#include "eval/reservoir_cv.hpp"
#include "eval/work_queue.hpp"
#include "gem/gem.hpp"
#include "lp/pfba_predictor.hpp"
#include "lp/dataset_reduction.hpp"
#include "sbml/sbml_reader.hpp"
#include "train/train_job.hpp"

namespace minn::eval {
namespace {

std::string hex(double v) {
  char b[40];
  std::snprintf(b, sizeof b, "%a", v);
  return b;
}

// pFBA's predictions of the scored fluxes (lp/pfba_predictor.hpp), in target order; the rows it
// does not score (the two uptakes, which it fixes) stay NaN and are never scored.
// With online inputs, CO2 evolution and growth are fixed too (and not scored, as the uptakes).
std::vector<OuterResult> pfba_outer_results(const Gem& unsplit, const std::string& data_dir, const Dataset& dataset,
                                            const std::vector<int>& outer, const std::vector<std::string>& fixed_ids,
                                            std::vector<std::string>& notes, const PfbaRates& rates) {
  const PfbaPredictorReport report =
      predict_ishii_with_pfba(unsplit, data_dir, "R_EX_glc__D_e", "R_EX_o2_e", fixed_ids, rates);
  std::vector<int> row_of_scored;
  for (const std::string& id : report.scored_ids) {
    int row = -1;
    for (std::size_t i = 0; i < dataset.target_ids.size(); ++i)
      if (dataset.target_ids[i] == id) row = static_cast<int>(i);
    if (row < 0) throw Error("pfba baseline: scored flux '" + id + "' is not a measured flux of the dataset");
    row_of_scored.push_back(row);
  }
  std::vector<OuterResult> out;
  for (int e : outer) {
    const PfbaPrediction* p = nullptr;
    for (const PfbaPrediction& candidate : report.experiments)
      if (candidate.experiment == dataset.experiments[static_cast<std::size_t>(e)]) p = &candidate;
    if (!p) throw Error("pfba baseline: no prediction for experiment '" + dataset.experiments[static_cast<std::size_t>(e)] + "'");
    if (!p->note.empty()) notes.push_back(p->experiment + ": " + p->note);
    OuterResult o;
    o.experiment = e;
    o.validation_ne = std::numeric_limits<double>::quiet_NaN();
    o.measured = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(dataset.target_ids.size()),
                                           std::numeric_limits<double>::quiet_NaN());
    for (std::size_t k = 0; k < row_of_scored.size(); ++k) o.measured(row_of_scored[k]) = p->split_predicted[k];
    out.push_back(std::move(o));
  }
  return out;
}

}  // namespace

Eigen::MatrixXd load_fit_targets(const std::string& path, const std::vector<std::string>& experiments,
                                 const std::vector<std::string>& target_ids) {
  const CsvTable table = read_csv(path);
  const std::vector<std::string> keys = experiment_keys(table);
  if (keys != experiments)
    throw Error(path + ": the experiments (column 'experiment') differ from the dataset's; expected " +
                std::to_string(experiments.size()) + " rows in the order of fluxomics.csv, starting with '" +
                (experiments.empty() ? std::string() : experiments[0]) + "'");
  Eigen::MatrixXd targets(static_cast<Eigen::Index>(target_ids.size()), static_cast<Eigen::Index>(experiments.size()));
  for (std::size_t i = 0; i < target_ids.size(); ++i) {
    const int column = table.column(target_ids[i]);
    if (column < 0)
      throw Error(path + ": line 1: no column '" + target_ids[i] +
                  "' (the FBA-fit targets must name the split-GEM reactions of the measured fluxes)");
    for (std::size_t r = 0; r < table.rows.size(); ++r)
      targets(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(r)) =
          table.number(r, static_cast<std::size_t>(column));
  }
  return targets;
}

CvJobResult run_cv_job(const CvJob& job, const CvProgress& progress) {
  const VariantSetup variant = variant_setup(job.variant);
  Diagnostics diagnostics;
  // The reduction every command shares (lp/dataset_reduction.hpp); it keeps the file's SHA-256.
  const Gem unsplit =
      reduce_for_dataset(read_sbml(job.gem_path, &diagnostics),
                         DatasetReduction{job.reduce, job.reduce_solutions, job.reduce_seed}, job.data_dir);
  const Gem gem = split_reversible(unsplit);
  const InputSet input_set = parse_input_set(job.inputs);
  const ModelInputs prepared = model_inputs(load_ishii(job.data_dir, gem), gem, input_set, job.genotype_input);
  const Dataset& dataset = prepared.dataset;
  if (job.pin != "uptakes" && job.pin != "co2-free")
    throw Error("--pin '" + job.pin + "': expected uptakes or co2-free");
  const std::vector<std::string> pin_ids =
      job.pin == "uptakes" ? std::vector<std::string>{kGlucoseUptakeInput, kOxygenUptakeInput}
                           : std::vector<std::string>{train::kDefaultPinReaction};
  std::vector<int> pin_reactions;
  for (const std::string& id : pin_ids) {
    const int index = gem.reaction_index(id);
    if (index < 0)
      throw Error(job.gem_path + ": the split GEM has no reaction '" + id + "' (a Pin row of --pin " + job.pin + ")");
    pin_reactions.push_back(index);
  }

  CvProblem problem;
  problem.experiments = dataset.experiments;
  problem.data.inputs = dataset.inputs.transpose();
  const std::string fit_path = job.fit_targets_path.empty()
                                   ? job.data_dir + "/fluxomics_iAF1260_reduced_split_fit.csv"
                                   : job.fit_targets_path;
  if (job.score_on != "measured" && job.score_on != "fit")
    throw Error("--score-on '" + job.score_on + "': expected measured or fit");
  // --score-on fit: the FBA-fit fluxes stand for the data everywhere (the paper's Table 4 set-up):
  // the scored truth, the training targets, Vin, and every input that is a flux (the uptakes).
  const Eigen::MatrixXd truth = job.score_on == "fit"
                                    ? load_fit_targets(fit_path, dataset.experiments, dataset.target_ids)
                                    : Eigen::MatrixXd(dataset.targets.transpose());
  if (job.score_on == "fit")
    for (std::size_t i = 0; i < dataset.input_names.size(); ++i)
      for (std::size_t t = 0; t < dataset.target_ids.size(); ++t)
        if (dataset.input_names[i] == dataset.target_ids[t])
          problem.data.inputs.row(static_cast<Eigen::Index>(i)) = truth.row(static_cast<Eigen::Index>(t));
  problem.data.targets = truth;
  if (variant.fit_targets) problem.data.targets = load_fit_targets(fit_path, dataset.experiments, dataset.target_ids);
  const std::string fit_sha = variant.fit_targets || job.score_on == "fit" ? " fit " + path_file_name(fit_path) : "";
  if (job.pin == "uptakes") {
    problem.data.vin.resize(static_cast<Eigen::Index>(pin_ids.size()), problem.data.samples());
    for (std::size_t k = 0; k < pin_ids.size(); ++k) {
      int row = -1;
      for (std::size_t i = 0; i < dataset.target_ids.size(); ++i)
        if (dataset.target_ids[i] == pin_ids[k]) row = static_cast<int>(i);
      if (row < 0) throw Error(job.data_dir + ": the dataset has no measured flux '" + pin_ids[k] + "' for --pin uptakes");
      problem.data.vin.row(static_cast<Eigen::Index>(k)) = truth.row(row);
    }
  } else {
    problem.data.vin =
        Eigen::MatrixXd::Constant(1, problem.data.samples(), std::numeric_limits<double>::infinity());
  }
  append_knockout_rows(prepared.knockouts, pin_reactions, problem.data.vin);  // none for omics
  const train::Mechanics mech(gem.stoichiometry(), pin_reactions, dataset.target_reactions);
  problem.mech = &mech;
  problem.metric_rows = metric_rows(dataset);

  CvSettings s;
  s.variant = variant;
  s.trials = job.trials > 0 ? job.trials : variant.default_trials;
  s.sampler = parse_sampler(job.sampler);
  s.folds = job.folds;
  s.seed = job.seed;
  s.threads = job.threads > 0 ? job.threads : hardware_threads();
  s.base.epochs = job.epochs >= 0 ? job.epochs : variant.default_epochs;
  s.base.steps = job.steps;
  s.base.momentum = job.momentum;
  s.base.fixed_step = job.fixed_step;
  if (job.precision != "f64" && job.precision != "f32")
    throw Error("--precision '" + job.precision + "': expected f64 or f32");
  s.base.precision = train::parse_precision(job.precision);
  s.base.clip_inputs = job.clip_inputs;
  s.base.normalise = train::parse_normalisation(job.normalise);
  s.base.aux_weight = job.aux_omics_weight;
  if (job.aux_omics_weight > 0) {
    if (variant.baseline) throw Error("--aux-omics-weight applies to MINN variants, not to the baseline " + variant.name);
    problem.data.aux_targets = prepared.omics.transpose();  // each training scales them on its own rows
  }
  if (s.base.normalise != train::FluxNormalisation::None) {
    if (variant.baseline) throw Error("--normalise applies to MINN variants, not to the baseline " + variant.name);
    s.base.scale_input = train::uptake_input_row(dataset, job.data_dir);
    if (job.genotype_input) s.base.input_closes = reactions_closed_by_input(prepared, gem);
    const InputReactions measured = input_reactions(dataset, gem);
    s.base.input_reactions = measured.measured;
    s.base.input_reverse_reactions = measured.opposite;
  }
  s.step = train::choose_step(mech, s.base);
  for (const std::string& name : job.holdout) {
    int found = -1;
    for (std::size_t e = 0; e < dataset.experiments.size(); ++e)
      if (dataset.experiments[e] == name) found = static_cast<int>(e);
    if (found < 0) throw Error("--holdout '" + name + "': no such experiment in " + job.data_dir);
    s.outer.push_back(found);
  }
  s.checkpoint_path = job.checkpoint_path;
  s.stop_after = job.stop_after;
  std::shared_ptr<const Reservoir> reservoir;
  if (variant.id == EvalVariant::Reservoir) {
    if (input_set != InputSet::Omics || job.genotype_input || job.aux_omics_weight > 0 ||
        s.base.normalise != train::FluxNormalisation::None || s.base.precision != train::Precision::F64)
      throw Error("--variant reservoir: reads the omics and uptakes and trains in f64; --inputs online, "
                  "--genotype-input, --aux-omics-weight, --normalise and --precision f32 do not apply");
    if (job.surrogate_samples < 1 || job.surrogate_epochs < 0)
      throw Error("--surrogate-samples must be >= 1 and --surrogate-epochs >= 0");
    Dataset data = dataset;  // the rates are drawn within the ranges of the data this run trains on
    data.targets = problem.data.targets.transpose();
    reservoir = std::make_shared<const Reservoir>(build_reservoir(
        unsplit, gem, data, job.gem_path, job.data_dir,
        ReservoirOptions{job.surrogate_samples, job.surrogate_epochs, job.seed}));
    s.fit_predict = reservoir_fit_predict(reservoir);
    problem.search_rows = reservoir->loss_rows;
  }

  CvJobResult r;
  r.variant = variant.name;
  r.sampler = sampler_name(s.sampler);
  r.gem_id = gem.id;
  r.reduce = job.reduce;
  r.gem_sha256 = gem.source_sha256;
  r.dataset_sha256 = dataset.sha256;
  r.reactions = mech.n();
  r.metabolites = mech.m();
  r.trials = s.trials;
  r.epochs = s.base.epochs;
  r.eta = s.step.eta;
  for (const Reaction& reaction : gem.reactions) r.reaction_ids.push_back(reaction.id);
  r.command = "minnc cv --gem " + path_file_name(job.gem_path) + " --data " + path_file_name(job.data_dir) + " --variant " +
              variant.name + " --reduce " + job.reduce +
              (job.reduce == "fba" ? " --reduce-solutions " + std::to_string(job.reduce_solutions) +
                                         " --reduce-seed " + std::to_string(job.reduce_seed)
                                   : std::string()) +
              " --pin " + job.pin + " --trials " +
              std::to_string(s.trials) + " --sampler " + r.sampler + " --folds " + std::to_string(s.folds) + " --seed " + std::to_string(s.seed) + " --epochs " +
              std::to_string(s.base.epochs) + " --steps " + std::to_string(s.base.steps) + " --refine-step " +
              (job.fixed_step > 0 ? train::shortest_double(job.fixed_step) : std::string("auto")) +
              " --precision " + train::precision_name(s.base.precision) + (job.clip_inputs ? " --clip-inputs" : "") +
              (s.base.normalise != train::FluxNormalisation::None ? " --normalise " + job.normalise : std::string());
  // Only when not the default, so that omics commands and checkpoint signatures stay as they were.
  const std::string input_options = (input_set != InputSet::Omics ? " --inputs " + job.inputs : std::string()) +
                                    (job.genotype_input ? " --genotype-input" : "") +
                                    (job.aux_omics_weight > 0
                                         ? " --aux-omics-weight " + train::shortest_double(job.aux_omics_weight)
                                         : std::string()) +
                                    (job.score_on != "measured" ? " --score-on " + job.score_on : std::string());
  r.command += input_options;
  if (reservoir)
    r.command += " --surrogate-samples " + std::to_string(job.surrogate_samples) + " --surrogate-epochs " +
                 std::to_string(job.surrogate_epochs);
  if (variant.baseline)  // only what a baseline reads; ridge also uses the inner folds of --seed
    r.command = "minnc cv --gem " + path_file_name(job.gem_path) + " --data " + path_file_name(job.data_dir) + " --variant " +
                variant.name + " --reduce " + job.reduce +
                (variant.id == EvalVariant::Ridge ? " --folds " + std::to_string(s.folds) + " --seed " + std::to_string(s.seed)
                                                  : std::string()) +
                ((variant.id == EvalVariant::Ridge || variant.id == EvalVariant::RidgeLoo) && job.clip_inputs
                     ? " --clip-inputs"
                     : "") +
                input_options;
  for (const std::string& h : job.holdout) r.command += " --holdout " + h;
  s.signature = r.command + " gem-sha256 " + r.gem_sha256 + " data-sha256 " + r.dataset_sha256 + fit_sha +
                " eta " + hex(s.step.eta);

  if (job.shard.count > 0) {
    if (variant.baseline)
      throw Error("--outer-shard: the baseline " + variant.name + " trains nothing and runs in seconds; run it unsharded");
    if (!job.checkpoint_path.empty())
      throw Error("--checkpoint: a sharded run keeps its own checkpoint (<output>/<stem>.shard-K-of-N.ckpt)");
    std::vector<int> all = s.outer;
    if (all.empty())
      for (int e = 0; e < problem.data.samples(); ++e) all.push_back(e);
    const std::string stem = cv_output_stem(r, job);
    if (job.merge_shards) {
      for (int k = 1; k <= job.shard.count; ++k)
        r.shard_files.push_back(shard_checkpoint_path(job.shard_dir, stem, OuterShard{k, job.shard.count}));
      s.merge_checkpoints = r.shard_files;
    } else {
      std::error_code ec;
      std::filesystem::create_directories(job.shard_dir, ec);
      if (ec) throw Error(job.shard_dir + ": cannot create the output directory (" + ec.message() + ")");
      s.checkpoint_path = shard_checkpoint_path(job.shard_dir, stem, job.shard);
      r.shard_files.push_back(s.checkpoint_path);
      s.outer = shard_outer_splits(all, job.shard);
      if (s.outer.empty())
        throw Error("--outer-shard " + std::to_string(job.shard.index) + "/" + std::to_string(job.shard.count) +
                    ": only " + std::to_string(all.size()) + " outer splits, so this shard has none");
    }
  }

  r.target_ids = dataset.target_ids;
  r.metric_rows = problem.metric_rows;
  r.intracellular_rows = intracellular_rows(dataset, gem);
  r.input_names = dataset.input_names;
  r.baseline = variant.baseline;
  if (variant.baseline) {
    std::vector<int> outer = s.outer;
    if (outer.empty())
      for (int e = 0; e < problem.data.samples(); ++e) outer.push_back(e);
    if (variant.id == EvalVariant::Pfba) {
      std::vector<std::string> fixed;  // the online rates besides the two uptakes pFBA always fixes
      if (input_set == InputSet::Online)
        for (const std::string& id : named_rate_ids("online", gem))
          if (id != kGlucoseUptakeInput && id != kOxygenUptakeInput) fixed.push_back(id);
      PfbaRates rates;  // --score-on fit: the uptakes (and further fixed rates) of the FBA-fit data
      if (job.score_on == "fit") {
        const auto row_of = [&](const std::string& id) {
          for (std::size_t t = 0; t < dataset.target_ids.size(); ++t)
            if (dataset.target_ids[t] == id) return static_cast<Eigen::Index>(t);
          throw Error(job.data_dir + ": no measured flux '" + id + "' to fix for pfba");
        };
        for (int e = 0; e < problem.data.samples(); ++e) {
          rates.glucose.push_back(truth(row_of(kGlucoseUptakeInput), e));
          rates.oxygen.push_back(truth(row_of(kOxygenUptakeInput), e));
          rates.fixed.emplace_back();
          for (const std::string& id : fixed) rates.fixed.back().push_back(truth(row_of(id), e));
        }
      }
      r.cv.outer = pfba_outer_results(unsplit, job.data_dir, dataset, outer, fixed, r.notes, rates);
    } else {
      BaselineProblem b;
      b.inputs = problem.data.inputs;
      b.targets = truth;
      b.uptake_input = train::uptake_input_row(dataset, job.data_dir);
      b.metric_rows = problem.metric_rows;
      b.clip_inputs = job.clip_inputs;
      b.folds = s.folds;
      b.seed = s.seed;
      const BaselineKind kind = variant.id == EvalVariant::MeanProfile     ? BaselineKind::MeanProfile
                                : variant.id == EvalVariant::ScaledProfile ? BaselineKind::ScaledProfile
                                : variant.id == EvalVariant::RidgeLoo      ? BaselineKind::RidgeLeaveOneOut
                                                                           : BaselineKind::Ridge;
      r.cv.outer = run_baseline(kind, b, outer, &r.ridge_lambda);
    }
    r.cv.complete = true;
    r.trials = r.epochs = 0;
  } else {
    r.cv = run_nested_cv(problem, s, progress);
  }
  for (OuterResult& o : r.cv.outer) {
    r.experiments.push_back(dataset.experiments[o.experiment]);
    if (o.measured.size() == 0 && o.fluxes.size() > 0) o.measured = mech.measured(o.fluxes);  // from a checkpoint
  }
  const bool shard_only = job.shard.count > 0 && !job.merge_shards;  // scored once merged
  if (r.cv.complete && !shard_only) {
    Eigen::MatrixXd t(truth.rows(), static_cast<Eigen::Index>(r.cv.outer.size()));
    Eigen::MatrixXd P(truth.rows(), t.cols());
    Eigen::MatrixXd V(mech.n(), t.cols());
    for (std::size_t j = 0; j < r.cv.outer.size(); ++j) {
      t.col(static_cast<Eigen::Index>(j)) = truth.col(r.cv.outer[j].experiment);
      P.col(static_cast<Eigen::Index>(j)) = r.cv.outer[j].measured;
      if (!variant.baseline) V.col(static_cast<Eigen::Index>(j)) = r.cv.outer[j].fluxes;
    }
    r.scores = variant.baseline ? score_measured(t, P, problem.metric_rows)
                                : score_predictions(mech, t, V, problem.metric_rows);
    r.scores.intracellular = score_measured(t, P, r.intracellular_rows).flux;
  }
  if (reservoir) {
    r.notes.push_back(reservoir->summary);
    // The "MINN-reservoir + pFBA" rows, scored as the pfba baseline: the exchanges fixed
    // ("-pfba"), and the published coupling, secretion upper bounds ("-pfba-bounds").
    for (const Coupling coupling : {Coupling::fixed_exchanges, Coupling::secretion_bounds}) {
      if (!r.cv.complete) break;
      CvJobResult p = r;
      p.variant = variant.name + (coupling == Coupling::fixed_exchanges ? "-pfba" : "-pfba-bounds");
      p.baseline = true;
      p.notes = {reservoir->summary};
      p.cv.outer = reservoir_pfba(unsplit, job.data_dir, dataset, truth, *reservoir, r.cv.outer, p.notes, coupling);
      Eigen::MatrixXd t(truth.rows(), static_cast<Eigen::Index>(p.cv.outer.size())), P(t.rows(), t.cols());
      for (std::size_t j = 0; j < p.cv.outer.size(); ++j) {
        t.col(static_cast<Eigen::Index>(j)) = truth.col(p.cv.outer[j].experiment);
        P.col(static_cast<Eigen::Index>(j)) = p.cv.outer[j].measured;
      }
      p.scores = score_measured(t, P, problem.metric_rows);
      p.scores.intracellular = score_measured(t, P, p.intracellular_rows).flux;
      r.companions.push_back(std::move(p));
    }
  }
  return r;
}

}  // namespace minn::eval
