// `minnc inspect model.minn [--json]`: what a .minn file holds, after full verification.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "model/model_file.hpp"
#include "model/model_summary.hpp"

namespace minn::cli {

void add_model_commands(CLI::App& app) {
  struct Options {
    std::string path;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  CLI::App* inspect = app.add_subcommand(
      "inspect", "Verify a .minn model file and print its inputs, layers, S, refinement and provenance");
  inspect->add_option("model", options->path, "the .minn file")->required();
  inspect->add_flag("--json", options->json, "print JSON instead of text");
  inspect->callback([options] {
    const MinnModel model = load_model(options->path);
    const std::string sha = model_sha256(options->path);
    std::cout << (options->json ? model_summary_json(model, options->path, sha)
                                : model_summary_text(model, options->path, sha));
  });
}

}  // namespace minn::cli
