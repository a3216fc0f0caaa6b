// minnc hil MODEL.minn --target cortex-m4|...|all [--data DIR|inputs.csv]: hardware-in-the-loop on QEMU.
#include <iostream>
#include <memory>
#include <sstream>

#include "cli/commands.hpp"
#include "hil/hil_job.hpp"

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
  cmd->callback([args]() {
    hil::HilJobOptions job = args->job;
    job.show_rows = split_commas(args->show);
    job.show_reactions = split_commas(args->reactions);
    const int rc = hil::run_hil_job(job, std::cout);
    if (rc != 0) throw CLI::RuntimeError(rc);
  });
}

}  // namespace minn::cli
