// `minnc train --gem G --data DIR [options] -o model.minn`: trains the paper's MINN on all rows
// of the Ishii dataset and saves a complete .minn file. A progress line (epoch, data loss,
// mechanistic loss, time left) is drawn only when stdout is a terminal.
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "model/model_file.hpp"
#include "train/train_job.hpp"

namespace minn::cli {
namespace {

struct TrainArgs {
  train::TrainJob job;
  std::string variant = "c-balanced";
  std::string refine_step = "auto";
  std::string precision = "f64";
  std::string normalise = "none";
  std::string inputs = "omics";
  double c = 0;
};

double parse_refine_step(const std::string& text) {
  if (text == "auto") return 0.0;
  std::size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    used = 0;
  }
  if (used != text.size() || !(value > 0))
    throw Error("--refine-step '" + text + "': expected 'auto' or a positive number (e.g. 0.01)");
  return value;
}

void run(const TrainArgs& args, bool c_given) {
  train::TrainJob job = args.job;
  job.options.variant = train::parse_variant(args.variant);
  if (c_given && !train::variant_uses_c(job.options.variant))
    throw Error("--c does not apply to variant '" + args.variant + "' (" +
                (job.options.variant == train::Variant::Unbalanced ? "unbalanced means c = 1"
                                                                    : "divided uses the data term only") +
                ")");
  job.options.c = c_given ? args.c : train::default_c(job.options.variant);
  job.options.fixed_step = parse_refine_step(args.refine_step);
  job.options.precision = train::parse_precision(args.precision);
  job.options.normalise = train::parse_normalisation(args.normalise);
  job.inputs = parse_input_set(args.inputs);

  const bool terminal = show_progress(STDOUT_FILENO);
  const auto start = std::chrono::steady_clock::now();
  const int epochs = job.options.epochs;
  train::EpochCallback progress;
  if (terminal)
    progress = [&](const train::EpochReport& r) {
      const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      const double left = elapsed / r.epoch * (epochs - r.epoch);
      std::printf("\repoch %d/%d  data %.5g  mech %.5g  %.1f s left   ", r.epoch, epochs, r.data, r.mech, left);
      std::fflush(stdout);
    };
  const train::TrainJobResult result = train::run_train_job(
      job, progress, [](const std::string& w) { std::fprintf(stderr, "minnc: warning: %s\n", w.c_str()); });
  if (terminal) std::printf("\n");
  save_model(result.model, job.output_path);

  const auto& m = result.metrics;
  std::printf("refinement: K = %d, eta = %.6g (%s), lambda_max = %.6g, eta * lambda_max = %.4g\n",
              result.model.refinement.steps, static_cast<double>(result.model.refinement.step_size),
              result.model.refinement.step_rule.c_str(), result.step.lambda_max,
              static_cast<double>(result.model.refinement.step_size) * result.step.lambda_max);
  std::printf("training set (%zu fluxes): R2 %.4f +- %.4f  MAE %.4f +- %.4f  RMSE %.4f +- %.4f  NE %.4f +- %.4f\n",
              result.scored_fluxes, m.flux.mean.r2, m.flux.sd.r2, m.flux.mean.mae, m.flux.sd.mae,
              m.flux.mean.rmse, m.flux.sd.rmse, m.flux.mean.ne, m.flux.sd.ne);
  std::printf("losses (per sample): data %.6g  mechanistic %.6g\n", m.data_loss, m.mech_loss);
  std::printf("wrote %s\n", job.output_path.c_str());
}

}  // namespace

void add_train_commands(CLI::App& app) {
  auto args = std::make_shared<TrainArgs>();
  CLI::App* cmd = app.add_subcommand("train", "train a MINN on the Ishii dataset and save it as a .minn file");
  train::TrainOptions& o = args->job.options;
  cmd->add_option("--gem", args->job.gem_path, "SBML file of the GEM (.xml or .xml.gz); it is split here")->required();
  cmd->add_option("--data", args->job.data_dir, "dataset directory (Ishii layout)")->required();
  cmd->add_option("-o,--output", args->job.output_path, "model file to write")->required();
  cmd->add_option("--variant", args->variant, "c-balanced | unbalanced | mse | divided")->capture_default_str();
  cmd->add_option("--hidden", o.hidden, "hidden units")->capture_default_str();
  cmd->add_option("--dropout", o.dropout, "dropout rate of the hidden layer")->capture_default_str();
  cmd->add_option("--lr", o.lr, "Adam learning rate")->capture_default_str();
  cmd->add_option("--weight-decay", o.weight_decay, "Adam weight decay")->capture_default_str();
  CLI::Option* c_option =
      cmd->add_option("--c", args->c, "weight of the data term (default 20 for c-balanced, 1 for mse)");
  cmd->add_option("--epochs", o.epochs, "training epochs")->capture_default_str();
  cmd->add_option("--batch", o.batch, "mini-batch size")->capture_default_str();
  cmd->add_option("--seed", o.seed, "random seed (weights, shuffling, dropout)")->capture_default_str();
  cmd->add_option("--steps", o.steps, "refinement steps K")
      ->check(CLI::Range(0, kMaxRefinementSteps))
      ->capture_default_str();
  cmd->add_option("--momentum", o.momentum, "refinement momentum beta")->capture_default_str();
  cmd->add_option("--refine-step", args->refine_step,
                  "refinement step eta: 'auto' (safe, from lambda_max) or a number (0.01 = the paper)")
      ->capture_default_str();
  cmd->add_option("--precision", args->precision,
                  "training arithmetic: f64, or f32 (the paper's float32, faster; the model file is float32 either way)")
      ->capture_default_str();
  cmd->add_flag("--clip-inputs", o.clip_inputs,
                "saturate scaled inputs to [0, 1] (the training range, sklearn's clip=True) instead of "
                "extrapolating; stored in the model, so `minnc predict` and the generated code clip too");
  cmd->add_option("--normalise", args->normalise,
                  "none | glucose: the network predicts fluxes per unit of the measured glucose uptake, "
                  "scaled by it before the refinement | glucose-residual: the same, as a correction to the "
                  "training rows' mean yield profile (stored in the model) | ridge-residual: as a correction to a ridge "
                  "regression of the yields on the inputs, fitted on the training rows (folded into the stored "
                  "network as 2 units per input)")
      ->capture_default_str();
  cmd->add_option("--inputs", args->inputs,
                  "omics: transcripts, proteins, glucose and O2 uptakes | online: glucose uptake, O2 uptake, CO2 "
                  "evolution and growth rate, with the knockout's GPR-disabled reactions bounded to 0 (Pin rows, Vin = 0)")
      ->capture_default_str();
  cmd->add_flag("--genotype-input", args->job.genotype_input,
                "with --inputs online: the knockout also enters the network, one 0/1 input per disabled reaction");
  cmd->add_option("--aux-omics-weight", o.aux_weight,
                  "weight of an auxiliary head that predicts the 139 omics (min-max scaled) from the hidden layer "
                  "during training only; not stored in the model (0 = off)")
      ->capture_default_str();
  cmd->callback([args, c_option] { run(*args, c_option->count() > 0); });
}

}  // namespace minn::cli
