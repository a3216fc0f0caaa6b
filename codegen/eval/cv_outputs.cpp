#include "eval/cv_outputs.hpp"

#include <cstdio>
#include <filesystem>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "lp/json_writer.hpp"
#include "train/train_job.hpp"

namespace minn::eval {
namespace {

std::string fixed(double v, int digits) {
  char b[64];
  std::snprintf(b, sizeof b, "%.*f", digits, v);
  return b;
}

}  // namespace

std::string cv_output_stem(const CvJobResult& r, const CvJob& job) {
  return r.gem_id + (r.reduce == "none" ? "" : "-" + r.reduce) + "-" + r.variant +
         (job.normalise == "none" ? "" : "-" + job.normalise) + (job.inputs == "omics" ? "" : "-" + job.inputs) +
         (job.genotype_input ? "-genotype" : "") +
         (job.aux_omics_weight > 0 ? "-aux" + train::shortest_double(job.aux_omics_weight) : "") +
         (job.score_on == "measured" ? "" : "-on-" + job.score_on) + "-seed" +
         std::to_string(job.seed);
}

std::vector<std::string> write_cv_outputs(const CvJobResult& r, const CvJob& job, const std::string& out_dir) {
  if (!r.cv.complete) throw Error("cv: the run is not complete; nothing to write");
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) throw Error(out_dir + ": cannot create the output directory (" + ec.message() + ")");
  const std::string stem = out_dir + "/" + cv_output_stem(r, job);

  // MINNs: every reaction of the split GEM; baselines: the scored measured fluxes they predict.
  std::string csv = "experiment";
  if (r.baseline) {
    for (int row : r.metric_rows) csv += "," + r.target_ids[static_cast<std::size_t>(row)];
  } else {
    for (const std::string& id : r.reaction_ids) csv += "," + id;
  }
  csv += "\n";
  for (std::size_t j = 0; j < r.cv.outer.size(); ++j) {
    csv += r.experiments[j];
    char b[40];
    const OuterResult& o = r.cv.outer[j];
    const auto value = [&](double v) {
      std::snprintf(b, sizeof b, ",%.17g", v);
      csv += b;
    };
    if (r.baseline) {
      for (int row : r.metric_rows) value(o.measured(row));
    } else {
      for (Eigen::Index i = 0; i < o.fluxes.size(); ++i) value(o.fluxes(i));
    }
    csv += "\n";
  }

  const auto& m = r.scores.flux;
  auto summary = [&](const train::FluxMetrics& f, double l2) {
    return json::Object()
        .add("r2", json::number(f.r2))
        .add("mae", json::number(f.mae))
        .add("rmse", json::number(f.rmse))
        .add("ne", json::number(f.ne))
        .add("l2", json::number(l2))
        .str();
  };
  // The 37 intracellular fluxes: every model, online or omics, is comparable there (no input among them).
  const auto& ic = r.scores.intracellular;
  auto brief = [](const train::FluxMetrics& f) {
    return json::Object()
        .add("r2", json::number(f.r2))
        .add("mae", json::number(f.mae))
        .add("rmse", json::number(f.rmse))
        .add("ne", json::number(f.ne))
        .str();
  };
  std::string ic_per = "[";
  for (std::size_t j = 0; j < ic.per_experiment.size(); ++j)
    ic_per += (j ? ",\n    " : "\n    ") + json::Object()
                                             .add("experiment", json::quote(r.experiments[j]))
                                             .add("r2", json::number(ic.per_experiment[j].r2))
                                             .add("mae", json::number(ic.per_experiment[j].mae))
                                             .add("rmse", json::number(ic.per_experiment[j].rmse))
                                             .add("ne", json::number(ic.per_experiment[j].ne))
                                             .str();
  ic_per += "\n  ]";
  std::string ic_ids = "[";
  for (std::size_t k = 0; k < r.intracellular_rows.size(); ++k)
    ic_ids += (k ? "," : "") + json::quote(r.target_ids[static_cast<std::size_t>(r.intracellular_rows[k])]);
  ic_ids += "]";
  std::string inputs = "[";
  for (std::size_t k = 0; k < r.input_names.size(); ++k) inputs += (k ? "," : "") + json::quote(r.input_names[k]);
  inputs += "]";
  const std::string intracellular = json::Object()
                                        .add("fluxes", json::number(static_cast<long long>(r.intracellular_rows.size())))
                                        .add("ids", ic_ids)
                                        .add("mean", brief(ic.mean))
                                        .add("sd", brief(ic.sd))
                                        .add("experiments", ic_per)
                                        .str();
  std::string notes = "[";
  for (std::size_t k = 0; k < r.notes.size(); ++k) notes += (k ? ",\n  " : "\n  ") + json::quote(r.notes[k]);
  notes += r.notes.empty() ? "]" : "\n]";
  std::string per = "[";
  for (std::size_t j = 0; j < r.cv.outer.size(); ++j) {
    const OuterResult& o = r.cv.outer[j];
    const auto& f = m.per_experiment[j];
    per += (j ? ",\n  " : "\n  ") +
           json::Object()
               .add("experiment", json::quote(r.experiments[j]))
               .add("r2", json::number(f.r2))
               .add("mae", json::number(f.mae))
               .add("rmse", json::number(f.rmse))
               .add("ne", json::number(f.ne))
               .add("l2", json::number(r.scores.l2[j]))
               .add("validation_ne", json::number(o.validation_ne))
               .add("ridge_lambda", j < r.ridge_lambda.size() ? json::number(r.ridge_lambda[j]) : "null")
               .add("best", r.baseline ? std::string("null") : json::Object()
                                .add("hidden", json::number(static_cast<long long>(o.best.hidden)))
                                .add("dropout", json::number(o.best.dropout))
                                .add("lr", json::number(o.best.lr))
                                .add("weight_decay", json::number(o.best.weight_decay))
                                .add("c", json::number(o.best.c))
                                .add("data_weight", json::number(o.best.data_weight))
                                .str())
               .str();
  }
  per += "\n]";
  const std::string metrics =
      json::Object()
          .add("command", json::quote(r.command))
          .add("gem", json::quote(r.gem_id))
          .add("reduce", json::quote(r.reduce))
          .add("gem_sha256", json::quote(r.gem_sha256))
          .add("dataset_sha256", json::quote(r.dataset_sha256))
          .add("variant", json::quote(r.variant))
          .add("seed", json::number(static_cast<long long>(job.seed)))
          .add("reactions", json::number(static_cast<long long>(r.reactions)))
          .add("metabolites", json::number(static_cast<long long>(r.metabolites)))
          .add("trials", json::number(static_cast<long long>(r.trials)))
          .add("sampler", json::quote(r.sampler))
          .add("precision", json::quote(job.precision))
          .add("clip_inputs", job.clip_inputs ? "true" : "false")
          .add("normalise", json::quote(job.normalise))
          .add("baseline", r.baseline ? "true" : "false")
          .add("folds", json::number(static_cast<long long>(job.folds)))
          .add("epochs", json::number(static_cast<long long>(r.epochs)))
          .add("refinement_eta", json::number(r.eta))
          .add("scored_fluxes", json::number(static_cast<long long>(r.metric_rows.size())))
          .add("mean", summary(m.mean, r.scores.l2_mean))
          .add("sd", summary(m.sd, r.scores.l2_sd))
          .add("experiments", per)
          .add("inputs", json::quote(job.inputs))
          .add("genotype_input", job.genotype_input ? "true" : "false")
          .add("aux_omics_weight", json::number(job.aux_omics_weight))
          .add("input_count", json::number(static_cast<long long>(r.input_names.size())))
          .add("input_names", inputs)
          .add("intracellular", intracellular)
          .add("notes", notes)
          .add("score_on", json::quote(job.score_on))
          .str() +
      "\n";

  const std::string md =
      "| GEM | variant | seed | R² | MAE | RMSE | NE | L2 | NE (37 intracellular) |\n|---|---|---|---|---|---|---|---|---|\n| " +
      r.gem_id +
      (r.reduce == "none" ? std::string() : " (" + r.reduce + "-reduced, " + std::to_string(r.reactions) + " split)") +
      " | " + r.variant + (job.inputs == "omics" ? "" : " (" + job.inputs + (job.genotype_input ? " + genotype" : "") + " inputs)") + " | " + std::to_string(job.seed) + " | " + fixed(m.mean.r2, 3) + " ± " + fixed(m.sd.r2, 3) +
      " | " + fixed(m.mean.mae, 3) + " ± " + fixed(m.sd.mae, 3) + " | " + fixed(m.mean.rmse, 3) + " ± " +
      fixed(m.sd.rmse, 3) + " | " + fixed(m.mean.ne, 3) + " ± " + fixed(m.sd.ne, 3) + " | " +
      (r.baseline ? std::string("—") : train::shortest_double(std::stod(fixed(r.scores.l2_mean, 6)))) + " | " +
      fixed(ic.mean.ne, 3) + " ± " + fixed(ic.sd.ne, 3) + " |\n\n`" + r.command + "`\n";

  const std::vector<std::string> paths = {stem + ".predictions.csv", stem + ".metrics.json", stem + ".md"};
  // Whole or not at all: a run killed while writing leaves no truncated file for merge or report to read.
  replace_file_bytes(paths[0], csv);
  replace_file_bytes(paths[1], metrics);
  replace_file_bytes(paths[2], md);
  return paths;
}

}  // namespace minn::eval
