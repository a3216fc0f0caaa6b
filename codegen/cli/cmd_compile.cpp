// `minnc compile model.minn --name NAME --out DIR [--precision f32|int8w|q15|q7] [--data DIR]
// [--max-ne-increase X] [--kernels fast|portable]`: static-memory C/C++ for microcontrollers. The
// model is loaded and every file generated in memory first, so a corrupt model, a bad name or a
// precision over its accuracy budget writes nothing.
#include <cstdio>
#include <filesystem>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/sha256.hpp"
#include "emit/accuracy.hpp"
#include "emit/c_source.hpp"
#include "emit/emitter.hpp"
#include "model/model_file.hpp"

namespace minn::cli {
namespace {

// --data, else the Ishii directory next to the model (models/ishii for models/*.minn) when present.
std::string dataset_for(const std::string& data, const std::string& model_path) {
  if (!data.empty()) return data;
  const std::filesystem::path dir = std::filesystem::path(model_path).parent_path() / "ishii";
  return std::filesystem::is_directory(dir) ? dir.string() : std::string();
}

}  // namespace

void add_compile_commands(CLI::App& app) {
  struct Options {
    std::string model, name, out, precision = "f32", data, kernels = "fast";
    double max_ne_increase = 0.005;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "compile", "Generate static-memory C/C++ (NAME.h, NAME.hpp, NAME.cpp, NAME_report.json, NAME.md)");
  cmd->add_option("model", o->model, "the .minn file")->required();
  cmd->add_option("--name", o->name, "C identifier: file names, namespace and C prefix")->required();
  cmd->add_option("--out", o->out, "output directory (created if needed)")->required();
  cmd->add_option("--precision", o->precision, "f32 (default), int8w, q15 or q7 (fixed point)");
  cmd->add_option("--max-ne-increase", o->max_ne_increase,
                  "refuse a precision whose mean NE on the dataset exceeds f32's by more than this")
      ->capture_default_str();
  cmd->add_option("--kernels", o->kernels,
                  "fast (default: Arm VFP dense panels, S written out) or portable (plain loops over tables); same bits");
  cmd->add_option("--data", o->data,
                  "Ishii-layout directory to score int8w on (default: ishii/ next to the model)");
  cmd->callback([o] {
    emit::validate_name(o->name);  // before any work: a bad name is the cheapest error
    emit::EmitOptions options;
    options.name = o->name;
    options.precision = emit::parse_precision(o->precision);
    options.kernels = emit::parse_kernel_set(o->kernels);
    const std::string bytes = read_file_bytes(o->model);
    const MinnModel model = parse_model(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                        bytes.size(), o->model);
    options.model_sha256 = sha256_hex(bytes.data(), bytes.size());
    const std::vector<emit::GeneratedFile> files = emit::generate(model, options);

    std::string accuracy;
    if (options.precision != emit::Precision::F32) {
      const std::string dir = dataset_for(o->data, o->model);
      if (dir.empty()) {
        accuracy = "accuracy: no dataset (pass --data DIR) -- NE change not measured\n";
      } else {
        const emit::AccuracyComparison c = emit::compare_accuracy(model, options.precision, dir);
        char line[256];
        std::snprintf(line, sizeof line,
                      "accuracy on %s (%d experiments, %d fluxes): mean NE f32 %.6f, %s %.6f, "
                      "change %+.6f\n",
                      dir.c_str(), c.experiments, c.fluxes, c.ne_f32, o->precision.c_str(),
                      c.ne_other, c.ne_other - c.ne_f32);
        accuracy = line;
        if (c.ne_other - c.ne_f32 > o->max_ne_increase) {
          char refusal[160];
          std::snprintf(refusal, sizeof refusal, "precision %s refused: NE change %+.6f exceeds --max-ne-increase %g",
                        o->precision.c_str(), c.ne_other - c.ne_f32, o->max_ne_increase);
          throw Error(accuracy + refusal + " (nothing written)");
        }
      }
    }
    emit::write_files(o->out, files);
    for (const emit::GeneratedFile& f : files) {
      if (quiet()) break;
      std::printf("wrote %s (%zu bytes)\n", (std::filesystem::path(o->out) / f.filename).c_str(),
                  f.content.size());
    }
    std::printf("%s", accuracy.c_str());
  });
}

}  // namespace minn::cli
