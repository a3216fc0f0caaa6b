// `minnc cv --gem G --data DIR --variant V [options] -o OUTDIR`: the paper's nested leave-one-out
// evaluation (eval/nested_cv.hpp). Writes <gem>-<variant>-seed<k>.{predictions.csv,metrics.json,md}
// into OUTDIR; a progress bar with the time left is drawn only when stderr is a terminal.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/json_text.hpp"
#include "eval/cv_job.hpp"
#include "eval/cv_outputs.hpp"
#include "eval/work_queue.hpp"

namespace minn::cli {
namespace {

struct CvArgs {
  eval::CvJob job;
  std::string out_dir;
  std::string refine_step = "auto";
  std::string outer_shard;  // K/N
  int merge_shards = 0;     // cv merge --shards N
  bool json = false;        // stdout: the metrics JSON (a shard: its record) instead of text
};

std::string clock_text(double seconds) {
  const long s = static_cast<long>(seconds + 0.5);
  char b[32];
  if (s >= 3600)
    std::snprintf(b, sizeof b, "%ldh%02ldm", s / 3600, (s / 60) % 60);
  else
    std::snprintf(b, sizeof b, "%ldm%02lds", s / 60, s % 60);
  return b;
}

// --json: a complete run prints its metrics file (written as usual); a shard, what it recorded.
void print_json(const eval::CvJobResult& r, const eval::CvJob& job, const std::string& out_dir) {
  if (job.shard.count > 0 && !job.merge_shards) {
    std::printf("{\"shard\": %d, \"shards\": %d, \"outer_splits\": %zu, \"resumed\": %d, \"complete\": %s, "
                "\"file\": %s}\n",
                job.shard.index, job.shard.count, r.cv.outer.size(), r.cv.resumed, r.cv.complete ? "true" : "false",
                json_quote(r.shard_files.at(0)).c_str());
    return;
  }
  if (!r.cv.complete) {
    std::printf("{\"complete\": false, \"outer_splits\": %zu, \"checkpoint\": %s}\n", r.cv.outer.size(),
                json_quote(job.checkpoint_path).c_str());
    return;
  }
  const std::vector<std::string> paths = eval::write_cv_outputs(r, job, out_dir);
  std::fputs(read_file_bytes(paths.at(1)).c_str(), stdout);  // <stem>.metrics.json
}

void run(const CvArgs& args) {
  eval::CvJob job = args.job;
  if (!args.outer_shard.empty() && args.merge_shards > 0)
    throw Error("cv merge: --outer-shard names one shard to run; merge reads all --shards N of them");
  if (!args.outer_shard.empty()) job.shard = eval::parse_outer_shard(args.outer_shard);
  if (args.merge_shards > 0) {
    job.shard = eval::OuterShard{1, args.merge_shards};
    job.merge_shards = true;
  }
  job.shard_dir = args.out_dir;
  if (args.refine_step == "auto") {
    job.fixed_step = 0;
  } else {
    std::size_t used = 0;
    try {
      job.fixed_step = std::stod(args.refine_step, &used);
    } catch (const std::exception&) {
      used = 0;
    }
    if (used != args.refine_step.size() || !(job.fixed_step > 0))
      throw Error("--refine-step '" + args.refine_step + "': expected 'auto' or a positive number");
  }
  const bool terminal = show_progress(STDERR_FILENO);
  const auto start = std::chrono::steady_clock::now();
  eval::CvProgress progress;
  if (terminal)
    progress = [start](long done, long total) {
      const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const int width = 30;
      const int filled = total > 0 ? static_cast<int>(width * done / total) : width;
      std::string bar(static_cast<std::size_t>(filled), '#');
      bar.resize(width, '.');
      const std::string eta = done > 0 ? clock_text(elapsed / done * (total - done)) : std::string("?");
      std::fprintf(stderr, "\r[%s] %ld/%ld trainings  %s elapsed  ETA %s   ", bar.c_str(), done, total,
                   clock_text(elapsed).c_str(), eta.c_str());
      std::fflush(stderr);
    };
  const eval::CvJobResult r = eval::run_cv_job(job, progress);
  if (terminal) std::fprintf(stderr, "\n");
  if (args.json) {
    print_json(r, job, args.out_dir);
    return;
  }
  const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("%s: %d reactions, %d metabolites, variant %s, %d %s trials x %d folds, %d epochs, eta %.6g\n",
              r.gem_id.c_str(), r.reactions, r.metabolites, r.variant.c_str(), r.trials, r.sampler.c_str(), job.folds,
              r.epochs, r.eta);
  if (job.merge_shards) {
    std::printf("merged %d outer splits from %zu shard files\n", r.cv.resumed, r.shard_files.size());
  } else if (job.shard.count > 0) {
    std::printf("shard %d/%d: %zu outer splits (%d resumed) -> %s\n", job.shard.index, job.shard.count,
                r.cv.outer.size(), r.cv.resumed, r.shard_files.at(0).c_str());
    if (!r.cv.complete) std::printf("stopped early; run the shard again to resume\n");
    return;  // scored and written by `minnc cv merge`
  } else if (r.cv.resumed > 0) {
    std::printf("resumed %d outer splits from %s\n", r.cv.resumed, job.checkpoint_path.c_str());
  }
  if (!r.cv.complete) {
    std::printf("stopped after %zu outer splits (checkpoint %s); run again to resume\n", r.cv.outer.size(),
                job.checkpoint_path.c_str());
    return;
  }
  const auto& m = r.scores.flux;
  std::printf("held-out (%zu experiments, %zu fluxes): R2 %.3f +- %.3f  MAE %.3f +- %.3f  RMSE %.3f +- %.3f  "
              "NE %.3f +- %.3f  L2 %.4g +- %.4g\n",
              r.cv.outer.size(), r.metric_rows.size(), m.mean.r2, m.sd.r2, m.mean.mae, m.sd.mae, m.mean.rmse, m.sd.rmse, m.mean.ne,
              m.sd.ne, r.scores.l2_mean, r.scores.l2_sd);
  const auto& ic = r.scores.intracellular;
  std::printf("held-out, %zu intracellular fluxes: R2 %.3f +- %.3f  MAE %.3f +- %.3f  RMSE %.3f +- %.3f  NE %.3f +- %.3f\n",
              r.intracellular_rows.size(), ic.mean.r2, ic.sd.r2, ic.mean.mae, ic.sd.mae, ic.mean.rmse, ic.sd.rmse,
              ic.mean.ne, ic.sd.ne);
  for (const std::string& note : r.notes) std::printf("note: %s\n", note.c_str());
  std::printf("wall time %.1f s on %d threads\n", seconds, job.threads);
  for (const std::string& path : eval::write_cv_outputs(r, job, args.out_dir))
    if (!quiet()) std::printf("wrote %s\n", path.c_str());
  for (const eval::CvJobResult& c : r.companions) {
    const auto& cm = c.scores.flux;
    if (!quiet())
      std::printf("%s, held-out (%zu fluxes): R2 %.3f +- %.3f  MAE %.3f +- %.3f  RMSE %.3f +- %.3f  NE %.3f +- %.3f\n",
                  c.variant.c_str(), c.metric_rows.size(), cm.mean.r2, cm.sd.r2, cm.mean.mae, cm.sd.mae, cm.mean.rmse,
                  cm.sd.rmse, cm.mean.ne, cm.sd.ne);
    for (const std::string& note : c.notes)
      if (!quiet()) std::printf("note: %s\n", note.c_str());
    for (const std::string& path : eval::write_cv_outputs(c, job, args.out_dir))
      if (!quiet()) std::printf("wrote %s\n", path.c_str());
  }
}

}  // namespace

void add_cv_commands(CLI::App& app) {
  auto args = std::make_shared<CvArgs>();
  eval::CvJob& j = args->job;
  CLI::App* cmd = app.add_subcommand(
      "cv", "nested leave-one-out cross-validation of a MINN variant (the paper's protocol and metrics)");
  cmd->add_option("--gem", j.gem_path, "SBML file of the GEM (.xml or .xml.gz); it is split here")->required();
  cmd->add_option("--data", j.data_dir, "dataset directory (Ishii layout)")->required();
  cmd->add_option("-o,--output", args->out_dir, "directory for the predictions CSV, metrics JSON and table")
      ->required();
  std::string names;
  for (const std::string& n : eval::variant_names()) names += (names.empty() ? "" : " | ") + n;
  cmd->add_option("--variant", j.variant, names)->capture_default_str();
  cmd->add_option("--reduce", j.reduce,
                  "none | fva: drop blocked reactions (FVA) | fba: keep the reactions used by N pFBA samples "
                  "(random gene KO, glucose uptake in the data's range) and every measured one; before splitting")
      ->capture_default_str();
  cmd->add_option("--reduce-solutions", j.reduce_solutions, "--reduce fba: number of pFBA samples")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_option("--reduce-seed", j.reduce_seed, "--reduce fba: seed of the samples (independent of --seed)")
      ->capture_default_str();
  cmd->add_option("--pin", j.pin,
                  "uptakes: bound predicted glucose/O2 uptakes by the measured ones (the paper's setup) | "
                  "co2-free: no input bound (R_EX_co2_e_fwd <= inf, the shipped model's setup)")
      ->capture_default_str();
  cmd->add_option("--fit-targets", j.fit_targets_path,
                  "FBA-fit fluxes for --variant fba-fit and --score-on fit (default DATA/fluxomics_iAF1260_reduced_split_fit.csv)");
  cmd->add_option("--trials", j.trials, "search budget per outer split (default 25 c-balanced, 15 others)");
  cmd->add_option("--sampler", j.sampler,
                  "random: distinct seeded grid points | tpe: the paper's Optuna TPESampler (10 random startup "
                  "trials, then sequential per outer split)")
      ->capture_default_str();
  cmd->add_option("--folds", j.folds, "inner k-fold")->capture_default_str();
  cmd->add_option("--seed", j.seed, "seed of the whole run")->capture_default_str();
  cmd->add_option("--threads", j.threads, "worker threads (default: every core); results do not depend on it");
  cmd->add_option("--epochs", j.epochs,
                  "training epochs (default 100; scheduler 150 = 30 + 40 + 80); 0 scores the untrained start "
                  "(with --normalise *-residual: the residual base through the refinement)");
  cmd->add_option("--steps", j.steps, "refinement steps K (pure-nn uses 0)")->capture_default_str();
  cmd->add_option("--precision", j.precision, "f64 | f32: arithmetic of every training (f32 as the paper's PyTorch)")
      ->capture_default_str();
  cmd->add_flag("--clip-inputs", j.clip_inputs,
               "saturate scaled inputs to [0, 1] (each fold's training range, sklearn's clip=True) instead of "
               "extrapolating; as a model trained with `minnc train --clip-inputs` does on the device");
  cmd->add_option("--normalise", j.normalise,
                  "none | glucose: MINNs predict fluxes per unit of the measured glucose uptake, scaled by it "
                  "before the refinement | glucose-residual: as a correction to the training rows' mean yield profile | "
                  "ridge-residual: as a correction to a ridge regression of the yields on the inputs (fitted on the "
                  "training rows, lambda by leave-one-out)")
      ->capture_default_str();
  cmd->add_option("--inputs", j.inputs,
                  "omics: transcripts, proteins, glucose and O2 uptakes | online: glucose uptake, O2 uptake, CO2 "
                  "evolution and growth rate, the knockout's GPR-disabled reactions bounded to 0 (Pin rows, Vin = 0); "
                  "ridge reads the same inputs, pfba fixes the four rates; the inputs are never scored")
      ->capture_default_str();
  cmd->add_flag("--genotype-input", j.genotype_input,
                "with --inputs online: the knockout also enters the network (and ridge), one 0/1 input per "
                "disabled reaction");
  cmd->add_option("--aux-omics-weight", j.aux_omics_weight,
                  "MINNs: weight of a training-only head predicting the 139 omics (min-max scaled) from the hidden "
                  "layer; the evaluated model does not read them (0 = off)")
      ->capture_default_str();
  cmd->add_option("--score-on", j.score_on,
                  "measured | fit: train on and score against the FBA-fit fluxes (--fit-targets) instead of the "
                  "measured ones; the uptake inputs, Vin and pfba's fixed uptakes come from them too (the paper's "
                  "Table 4)")
      ->capture_default_str();
  cmd->add_option("--surrogate-samples", j.surrogate_samples,
                  "--variant reservoir: pFBA samples that train stage one, the frozen flux surrogate (the paper's 2000)")
      ->capture_default_str();
  cmd->add_option("--surrogate-epochs", j.surrogate_epochs,
                  "--variant reservoir: stage one's training epochs (0: the surrogate's default, 300)")
      ->capture_default_str();
  cmd->add_option("--refine-step", args->refine_step, "refinement step eta: 'auto' (safe) or a number")
      ->capture_default_str();
  cmd->add_option("--holdout", j.holdout, "hold out only these experiments (repeatable; default: all)");
  cmd->add_option("--checkpoint", j.checkpoint_path, "file recording finished outer splits; a rerun resumes");
  cmd->add_option("--stop-after", j.stop_after, "stop after this many outer splits (then resume from the checkpoint)");
  cmd->add_flag("--json", args->json, "print the metrics JSON (as written to OUTDIR) instead of the text summary");
  cmd->add_option("--outer-shard", args->outer_shard,
                  "K/N: run only shard K of N of the outer splits (positions K-1, K-1+N, ...) into "
                  "OUTDIR/<stem>.shard-K-of-N.ckpt (resumable); `minnc cv merge --shards N` then writes the files "
                  "of an unsharded run, byte for byte");
  CLI::App* merge = cmd->add_subcommand(
      "merge", "combine the N shard files of `minnc cv --outer-shard K/N` runs (given the same cv options) into the "
               "result files of a single run");
  merge->add_option("--shards", args->merge_shards, "N, the shard count of the runs")
      ->required()
      ->check(CLI::PositiveNumber);
  merge->fallthrough();  // every other option is cv's own, given as for the shard runs
  cmd->callback([args] {
    if (args->job.threads <= 0) args->job.threads = eval::hardware_threads();
    run(*args);
  });
}

}  // namespace minn::cli
