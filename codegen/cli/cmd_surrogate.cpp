// `minnc surrogate --gem G --data DIR [--rates paper|online|ids] [options] -o surrogate.minn`: pFBA
// samples at rates drawn within the dataset's ranges, a MINN from those rates to every reaction of
// the split GEM, scored on held-out samples (surrogate/surrogate_job.hpp). Writes the model, a JSON
// report next to it (<name>_report.json) and, with --samples-csv, the samples. Progress lines only
// when stderr is a terminal.
#include <unistd.h>

#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "model/model_file.hpp"
#include "surrogate/samples_csv.hpp"
#include "surrogate/surrogate_job.hpp"

namespace minn::cli {
namespace {

struct SurrogateArgs {
  surrogate::SurrogateJob job;
  std::string variant = "c-balanced", refine_step = "auto", precision = "f32", samples_csv, sampling = "fixed",
              baseline;
};

// "auto" -> 0 (the trainer's automatic step), otherwise a positive number.
double refine_step_value(const std::string& text) {
  if (text == "auto") return 0;
  char* end = nullptr;
  const double eta = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !(eta > 0))
    throw Error("--refine-step '" + text + "': expected 'auto' or a positive number (e.g. 0.01)");
  return eta;
}

void print_scores(const char* name, const surrogate::SurrogateScores& s) {
  const train::FluxMetrics &m = s.flux.mean, &sd = s.flux.sd;
  std::printf("%-14s R2 %.4f +- %.4f  MAE %.4g +- %.4g  RMSE %.4g +- %.4g  NE %.4f +- %.4f  ||SV||^2/m %.3g\n", name,
              m.r2, sd.r2, m.mae, sd.mae, m.rmse, sd.rmse, m.ne, sd.ne, s.residual);
}

void run(SurrogateArgs args, bool c_given) {
  surrogate::SurrogateJob& job = args.job;
  train::TrainOptions& o = job.options;
  job.sampling.sampling = surrogate::parse_sampling(args.sampling);
  if (!args.baseline.empty() && args.baseline != "linear")
    throw Error("--baseline '" + args.baseline + "': expected linear (least squares from the rates, as a MINN)");
  job.linear_baseline = args.baseline == "linear";
  o.variant = train::parse_variant(args.variant);
  if (!c_given) o.c = train::default_c(o.variant);
  o.fixed_step = refine_step_value(args.refine_step);
  o.precision = train::parse_precision(args.precision);

  const bool terminal = show_progress(STDERR_FILENO);
  surrogate::SurrogateProgress progress;
  if (terminal) {
    const int samples = job.sampling.samples, epochs = o.epochs;
    progress.sampling = [samples](int done, long long draws) {
      if (draws % 50 == 0 || done == samples)
        std::fprintf(stderr, "\rsampling %d/%d (%lld draws)   ", done, samples, draws);
    };
    progress.epoch = [epochs](const train::EpochReport& r) {
      std::fprintf(stderr, "\repoch %d/%d  NE %.4g  mech %.4g        ", r.epoch, epochs, r.ne, r.mech);
    };
  }
  const surrogate::SurrogateResult r = surrogate::run_surrogate_job(job, progress);
  if (terminal) std::fprintf(stderr, "\n");
  for (const std::string& w : r.warnings) std::fprintf(stderr, "minnc: warning: %s\n", w.c_str());

  if (!args.samples_csv.empty()) replace_file_bytes(args.samples_csv, surrogate::samples_csv(r.samples));
  save_model(r.model, job.output_path);
  const std::string report = surrogate::report_path_for(job.output_path);
  replace_file_bytes(report, r.report_json);

  std::string rate_ids;
  for (const surrogate::Rate& rate : r.samples.rates) rate_ids += (rate_ids.empty() ? "" : ", ") + rate.id;
  std::printf("GEM %s: %zu split reactions, %d metabolites; rates: %s\n", r.gem_id.c_str(),
              r.samples.reaction_ids.size(), r.metabolites, rate_ids.c_str());
  std::printf("sampling: %d pFBA solutions from %lld draws (%lld infeasible) in %.1f s\n", r.samples.samples(),
              r.samples.draws, r.samples.infeasible, r.sampling_seconds);
  std::printf("training: %zu samples, %d epochs, eta = %.6g, in %.1f s\n", r.train_samples.size(), o.epochs,
              r.step.eta, r.training_seconds);
  if (r.test_samples.empty()) {
    std::printf("held out: none (--holdout 0)\n");
  } else {
    std::printf("held out (%zu samples, %zu reactions: all but the rates):\n", r.test_samples.size(),
                r.samples.reaction_ids.size() - r.samples.rates.size());
    print_scores("surrogate", r.holdout);
    print_scores("training mean", r.baseline);
  }
  if (!args.samples_csv.empty()) std::printf("wrote %s\n", args.samples_csv.c_str());
  std::printf("wrote %s and %s\n", job.output_path.c_str(), report.c_str());
}

}  // namespace

void add_surrogate_commands(CLI::App& app) {
  auto args = std::make_shared<SurrogateArgs>();
  surrogate::SurrogateJob& job = args->job;
  train::TrainOptions& o = job.options;
  CLI::App* cmd = app.add_subcommand(
      "surrogate", "sample pFBA solutions at rates drawn in the dataset's ranges and train a MINN from the rates "
                   "to every reaction (a flux surrogate)");
  cmd->add_option("--gem", job.gem_path, "SBML file of the GEM (.xml or .xml.gz); reduced, then split here")
      ->required();
  cmd->add_option("--data", job.data_dir, "dataset directory (Ishii layout): the rates' ranges")->required();
  cmd->add_option("-o,--output", job.output_path, "model file to write; the report goes to <name>_report.json")
      ->required();
  cmd->add_option("--reduce", job.reduction.method,
                  "none | fva | fba: the GEM as `minnc cv --reduce` builds it")
      ->capture_default_str();
  cmd->add_option("--reduce-solutions", job.reduction.solutions, "fba: pFBA samples of the reduction")
      ->capture_default_str();
  cmd->add_option("--reduce-seed", job.reduction.seed, "fba: the reduction's seed")->capture_default_str();
  cmd->add_option("--rates", job.rates,
                  "paper (glucose, O2, CO2, ethanol, acetate) | online (glucose, O2, CO2, growth) | comma list of "
                  "split-GEM ids, each optionally ID=MIN:MAX")
      ->capture_default_str();
  cmd->add_option("--sampling", args->sampling,
                  "fixed: every rate fixed to a uniform draw | optimal: uptake capacities drawn, growth "
                  "maximised, every rate recorded from the solution (the phenotypes of a growing culture)")
      ->capture_default_str();
  cmd->add_option("--envelope-margin", job.envelope_margin,
                  "fraction of each input's sampled range tolerated beyond it before OUT_OF_ENVELOPE")
      ->capture_default_str();
  cmd->add_option("--baseline", args->baseline,
                  "linear: instead of training a MINN, fit least squares from the rates to every reaction on the same "
                  "samples and store it as a model (the simple baseline, runnable wherever the surrogate runs)");
  cmd->add_option("--input-noise", job.input_noise,
                  "ID=SD,...: Gaussian noise (standard deviation in the rate's unit) added to that input in every "
                  "training batch, e.g. the growth rate a controller estimates from a noisy biomass signal");
  cmd->add_option("--samples", job.sampling.samples, "feasible pFBA samples to draw")->capture_default_str();
  cmd->add_option("--max-draws", job.sampling.max_draws,
                  "draws allowed in all before giving up (0: 50 per sample)")
      ->capture_default_str();
  cmd->add_option("--holdout", job.holdout, "fraction of the samples held out for scoring")->capture_default_str();
  cmd->add_option("--seed", job.seed, "random seed (samples, hold-out, weights, shuffling)")->capture_default_str();
  cmd->add_option("--samples-csv", args->samples_csv, "CSV to write the samples to (rates, then every flux)");
  cmd->add_option("--variant", args->variant, "c-balanced | unbalanced | mse | divided")->capture_default_str();
  cmd->add_option("--hidden", o.hidden, "hidden units")->capture_default_str();
  cmd->add_option("--dropout", o.dropout, "dropout rate of the hidden layer")->capture_default_str();
  cmd->add_option("--lr", o.lr, "Adam learning rate")->capture_default_str();
  cmd->add_option("--weight-decay", o.weight_decay, "Adam weight decay")->capture_default_str();
  CLI::Option* c_option = cmd->add_option("--c", o.c, "weight of the data term (default 20 for c-balanced)");
  cmd->add_option("--epochs", o.epochs, "training epochs")->capture_default_str();
  cmd->add_option("--batch", o.batch, "mini-batch size")->capture_default_str();
  cmd->add_option("--steps", o.steps, "refinement steps K")->capture_default_str();
  cmd->add_option("--momentum", o.momentum, "refinement momentum beta")->capture_default_str();
  cmd->add_option("--refine-step", args->refine_step, "refinement step eta: 'auto' (safe) or a number")
      ->capture_default_str();
  cmd->add_option("--precision", args->precision, "training arithmetic: f32 or f64")->capture_default_str();
  cmd->callback([args, c_option] { run(*args, c_option->count() > 0); });
}

}  // namespace minn::cli
