// `minnc predict model.minn --data DIR|inputs.csv [-o fluxes.csv] [--precision f32|int8w|q15|q7]
//  [--format csv|escher|cobra [--experiment NAME]]`: the host reference. Same kernels, tables and summation order as the generated code (lib/minn),
// so its floats are the ones firmware must reproduce bit for bit.
#include <cstdio>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "emit/batch_predict.hpp"
#include "model/model_file.hpp"
#include "report/exchange_formats.hpp"

namespace minn::cli {
namespace {

// Escher shows one data set: the named experiment, or the only one.
std::size_t escher_row(const emit::InputRows& rows, const std::string& experiment) {
  std::string names;
  for (std::size_t i = 0; i < rows.experiments.size(); ++i) {
    if (rows.experiments[i] == experiment) return i;
    names += (i ? ", " : "") + rows.experiments[i];
  }
  if (experiment.empty() && rows.experiments.size() == 1) return 0;
  throw Error(rows.origin + ": --format escher writes one experiment; " +
              (experiment.empty() ? std::string("choose one with --experiment") : "no experiment '" + experiment + "'") +
              " (one of: " + names + ")");
}

}  // namespace

void add_predict_commands(CLI::App& app) {
  struct Options {
    std::string model, data, output, precision = "f32", format = "csv", experiment;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "predict", "Run a .minn model on raw inputs with the host reference (bit-exact with minnc compile)");
  cmd->add_option("model", o->model, "the .minn file")->required();
  cmd->add_option("--data", o->data, "an Ishii-layout directory or an inputs.csv table")->required();
  cmd->add_option("-o,--output", o->output, "CSV to write (experiment, status, one column per reaction); stdout when absent");
  cmd->add_option("--precision", o->precision, "f32 (default), int8w, q15 or q7");
  cmd->add_option("--format", o->format,
                  "csv: split-GEM fluxes with status | escher: Escher reaction-data JSON of one experiment | "
                  "cobra: COBRApy-style table (reaction x experiment); escher and cobra merge R_fwd/R_rev pairs "
                  "into net fluxes of R, ids without the SBML R_ prefix")
      ->check(CLI::IsMember({"csv", "escher", "cobra"}))
      ->capture_default_str();
  cmd->add_option("--experiment", o->experiment, "--format escher: the experiment (row) to write");
  cmd->callback([o] {
    const emit::Precision precision = emit::parse_precision(o->precision);
    const MinnModel model = load_model(o->model);
    const emit::InputRows rows = emit::load_input_rows(o->data, model);
    const emit::Predictions predictions = emit::predict_rows(model, precision, rows);
    std::string csv;
    if (o->format == "csv") {
      csv = emit::predictions_csv(model, rows, predictions);
    } else {
      const report::NetFluxes net = report::merge_split_fluxes(model.reaction_ids, predictions.fluxes);
      if (o->format == "cobra") {
        csv = report::cobra_flux_table(net, rows.experiments);
      } else {
        csv = report::escher_reaction_data(net, escher_row(rows, o->experiment));
      }
    }
    if (o->output.empty()) {
      std::cout << csv;
      return;
    }
    replace_file_bytes(o->output, csv);
    if (quiet()) return;
    int ok = 0, warnings = 0, errors = 0;
    for (int s : predictions.status) (s == 0 ? ok : s > 0 ? warnings : errors)++;
    std::fprintf(stderr, "minnc predict: %zu rows -> %s (%d ok, %d beyond the envelope, %d non-finite)\n",
                 rows.rows.size(), o->output.c_str(), ok, warnings, errors);
  });
}

}  // namespace minn::cli
