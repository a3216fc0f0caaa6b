// `minnc import-torch state_dict.pth --gem GEM --manifest M.json -o model.minn`: a MINN trained with
// the published PyTorch code as a .minn model (import/torch_import.hpp); read without Python.
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/json_text.hpp"
#include "import/torch_import.hpp"
#include "model/model_file.hpp"

namespace minn::cli {

void add_import_commands(CLI::App& app) {
  struct Options {
    std::string pth, gem, manifest, output;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "import-torch", "Make a .minn model from a PyTorch state_dict (.pth: layers.0 and layers.3 Linear, as the "
                      "published MINN code saves it), its GEM and a manifest of what the .pth lacks");
  cmd->add_option("pth", o->pth, "the state_dict saved by torch.save (zip format, PyTorch >= 1.6)")->required();
  cmd->add_option("--gem", o->gem, "the SBML GEM the network was trained on (split here; its order is the default "
                                   "output order)")->required();
  cmd->add_option("--manifest", o->manifest, "JSON: inputs (name, unit, scaler min and range), refinement (steps, "
                                             "step_size, momentum), optional pin, outputs, clip_inputs")->required();
  cmd->add_option("-o,--output", o->output, "the .minn file to write")->required();
  cmd->add_flag("--json", o->json, "print what was written as JSON");
  cmd->callback([o] {
    const MinnModel model = import::import_torch(o->pth, o->gem, o->manifest);
    save_model(model, o->output);  // validates, then writes whole
    if (o->json) {
      std::printf("{\"output\": %s, \"inputs\": %d, \"hidden\": %d, \"reactions\": %d, \"gem\": %s, "
                  "\"refinement_steps\": %d, \"step_size\": %.9g, \"sha256\": %s}\n",
                  json_quote(o->output).c_str(), model.num_inputs(), model.layers[0].out, model.num_outputs(),
                  json_quote(model.gem_id).c_str(), model.refinement.steps,
                  static_cast<double>(model.refinement.step_size), json_quote(model_sha256(o->output)).c_str());
      return;
    }
    if (quiet()) return;
    std::printf("wrote %s: %d inputs -> %d hidden -> %d split reactions of %s, %d refinement steps (eta %.6g)\n",
                o->output.c_str(), model.num_inputs(), model.layers[0].out, model.num_outputs(),
                model.gem_id.c_str(), model.refinement.steps, static_cast<double>(model.refinement.step_size));
  });
}

}  // namespace minn::cli
