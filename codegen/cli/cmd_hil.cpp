// minnc hil MODEL.minn --target cortex-m4|...|all [--data DIR|inputs.csv]: hardware-in-the-loop on QEMU.
// minnc hil MODEL.minn --plant SCENARIO [--gem GEM]: the streaming soft sensor against a simulated
// bioreactor (hil/plant_loop.hpp).
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "hil/hil_job.hpp"
#include "hil/plant_loop.hpp"

namespace minn::cli {
namespace {

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> items;
  std::stringstream in(text);
  std::string item;
  while (std::getline(in, item, ','))
    if (!item.empty()) items.push_back(item);
  return items;
}

}  // namespace

void add_hil_commands(CLI::App& app) {
  struct Args {
    hil::HilJobOptions job;
    std::string show;
    std::string reactions;
    hil::PlantLoopOptions plant;
    std::string plot;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "hil", "Generate the model's C++, cross-build it per board, run it on QEMU and compare with the host reference");
  cmd->add_option("model", args->job.model_path, "trained model (.minn)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--target", args->job.targets,
                  "cortex-m0|cortex-m3|cortex-m4|cortex-m7|cortex-m33|cortex-m55|linux-arm|host, a comma list, or all")
      ->capture_default_str();
  cmd->add_option("--data", args->job.data_path, "input rows: an Ishii dataset directory or an inputs.csv");
  cmd->add_option("--random", args->job.random_rows, "random rows inside the training envelope")
      ->check(CLI::Range(0, 100000000))
      ->capture_default_str();
  cmd->add_option("--seed", args->job.seed, "seed of the random rows")->capture_default_str();
  cmd->add_option("--name", args->job.name, "C prefix of the generated code (default: model file name)");
  cmd->add_option("--precision", args->job.precision, "f32, int8w, q15 or q7")->capture_default_str();
  cmd->add_option("--kernels", args->job.kernels, "fast (default) or portable (the kernels before issue 17)")
      ->capture_default_str();
  cmd->add_flag("--compare-kernels", args->job.compare_kernels,
                "also run every target with the portable kernels: both side by side, same vectors and reference");
  cmd->add_option("--work-dir", args->job.work_dir, "generated sources and builds (reused between runs)")
      ->capture_default_str();
  cmd->add_option("--report-dir", args->job.report_dir, "where <target>.json go (default: the work directory)");
  cmd->add_option("--opt", args->job.opt, "firmware optimisation level")->capture_default_str();
  cmd->add_option("--show", args->show, "comma list of data rows (experiments) whose fluxes are printed");
  cmd->add_option("--reactions", args->reactions, "comma list of reaction ids to print (default: central carbon)");
  cmd->add_option("--timeout", args->job.timeout_seconds, "seconds per emulator run")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->add_flag("!--no-breakdown", args->job.breakdown, "skip the dense-only build (cost breakdown)");
  cmd->add_option("--plant", args->plant.scenario_path,
                  "scenario file: run NAME_sensor_step on the target against the simulated bioreactor "
                  "(models/scenarios/*.txt; online models only, one target)")
      ->check(CLI::ExistingFile);
  cmd->add_option("--gem", args->plant.gem_path,
                  "--plant: the plant's GEM, the model's own (default: models/gems/<the model's GEM id>.xml.gz)");
  cmd->add_option("--hold", args->plant.max_hold_samples, "--plant: samples a bad reading is held (T)")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  cmd->add_option("--stuck", args->plant.stuck_samples, "--plant: identical off-gas readings that make a stuck analyser (0: off)")
      ->check(CLI::Range(0, 1000))
      ->capture_default_str();
  cmd->add_option("--spike", args->plant.spike_fraction, "--plant: relative jump that makes a spike (0: off)")
      ->check(CLI::Range(0.0, 100.0))
      ->capture_default_str();
  cmd->add_option("--trace", args->plant.trace_every_h,
                  "--plant: print estimated vs true fluxes (the --plot reactions) every this many hours (0: none)")
      ->check(CLI::NonNegativeNumber);
  cmd->add_option("--plot", args->plot, "--plant: comma list of reaction ids to plot (default: the four largest)");
  cmd->callback([args]() {
    if (!args->plant.scenario_path.empty()) {
      hil::PlantLoopOptions plant = args->plant;
      plant.model_path = args->job.model_path;
      plant.target = args->job.targets;
      plant.precision = args->job.precision;
      plant.work_dir = args->job.work_dir;
      plant.report_dir = args->job.report_dir;
      plant.name = args->job.name;
      plant.opt = args->job.opt;
      plant.timeout_seconds = args->job.timeout_seconds;
      plant.plot_reactions = split_commas(args->plot);
      const int rc = hil::run_plant_loop(plant, std::cout);
      if (rc != 0) throw CLI::RuntimeError(rc);
      return;
    }
    if (!args->plant.gem_path.empty()) throw CLI::ValidationError("--gem", "only with --plant");
    hil::HilJobOptions job = args->job;
    job.show_rows = split_commas(args->show);
    job.show_reactions = split_commas(args->reactions);
    const int rc = hil::run_hil_job(job, std::cout);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace minn::cli
