// `minnc predict model.minn --data DIR|inputs.csv [-o fluxes.csv] [--precision f32|int8w|q15|q7]`:
// the host reference. Same kernels, tables and summation order as the generated code (lib/minn),
// so its floats are the ones firmware must reproduce bit for bit.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "common/file_bytes.hpp"
#include "emit/batch_predict.hpp"
#include "model/model_file.hpp"

namespace minn::cli {

void add_predict_commands(CLI::App& app) {
  struct Options {
    std::string model, data, output, precision = "f32";
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "predict", "Run a .minn model on raw inputs with the host reference (bit-exact with minnc compile)");
  cmd->add_option("model", o->model, "the .minn file")->required();
  cmd->add_option("--data", o->data, "an Ishii-layout directory or an inputs.csv table")->required();
  cmd->add_option("-o,--output", o->output, "CSV to write (experiment, status, one column per reaction); stdout when absent");
  cmd->add_option("--precision", o->precision, "f32 (default), int8w, q15 or q7");
  cmd->callback([o] {
    const emit::Precision precision = emit::parse_precision(o->precision);
    const MinnModel model = load_model(o->model);
    const emit::InputRows rows = emit::load_input_rows(o->data, model);
    const emit::Predictions predictions = emit::predict_rows(model, precision, rows);
    const std::string csv = emit::predictions_csv(model, rows, predictions);
    if (o->output.empty()) {
      std::cout << csv;
      return;
    }
    write_file_bytes(o->output, csv);
    int ok = 0, warnings = 0, errors = 0;
    for (int s : predictions.status) (s == 0 ? ok : s > 0 ? warnings : errors)++;
    std::fprintf(stderr, "minnc predict: %zu rows -> %s (%d ok, %d beyond the envelope, %d non-finite)\n",
                 rows.rows.size(), o->output.c_str(), ok, warnings, errors);
  });
}

}  // namespace minn::cli
