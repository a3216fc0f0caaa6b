// `minnc report`: one self-contained HTML file (inline SVG and CSS, no script, no network) for
//   a cv output:   minnc report DIR/<stem>.metrics.json --data DIR --gem GEM -o report.html
//   a predict run: minnc report --model M.minn --data DIR -o report.html
// Everything is read and rendered first; the file is written whole or not at all.
#include <cstdio>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/json_text.hpp"
#include "report/cv_report.hpp"
#include "report/html_report.hpp"
#include "report/predict_report.hpp"

namespace minn::cli {

void add_report_commands(CLI::App& app) {
  struct Options {
    std::string metrics, model, data, gem, output;
    bool json = false;
  };
  auto o = std::make_shared<Options>();
  CLI::App* cmd = app.add_subcommand(
      "report", "Write one self-contained HTML report (inline SVG: parity plots, NE per flux and per experiment, "
                "|S v| per metabolite, comparison with baselines and the paper) of a cv output or a model's predictions");
  cmd->add_option("metrics", o->metrics, "a cv output's <stem>.metrics.json (its predictions CSV beside it)");
  cmd->add_option("--model", o->model, "a .minn model: report its minnc predict run on --data instead");
  cmd->add_option("--data", o->data, "the Ishii-layout dataset the predictions are scored on")->required();
  cmd->add_option("--gem", o->gem, "cv output: the (unreduced) SBML GEM the cv run read");
  cmd->add_option("-o,--output", o->output, "the HTML file to write")->required();
  cmd->add_flag("--json", o->json, "print what was written as JSON");
  cmd->callback([o] {
    if (o->metrics.empty() == o->model.empty())
      throw Error("report: give either a cv output's <stem>.metrics.json or --model M.minn");
    if (!o->metrics.empty() && o->gem.empty())
      throw Error("report " + o->metrics + ": --gem is required (the GEM file the cv run read)");
    const report::ReportData data = o->metrics.empty() ? report::predict_report_data(o->model, o->data)
                                                       : report::cv_report_data(o->metrics, o->data, o->gem);
    const std::string html = report::render_html(data);
    replace_file_bytes(o->output, html);
    if (o->json) {
      std::printf("{\"output\": %s, \"bytes\": %zu, \"experiments\": %zu, \"scored_fluxes\": %zu}\n",
                  json_quote(o->output).c_str(), html.size(), data.experiments.size(), data.flux_ids.size());
      return;
    }
    if (quiet()) return;
    std::printf("wrote %s (%zu bytes; %zu experiments, %zu scored fluxes)\n", o->output.c_str(), html.size(),
                data.experiments.size(), data.flux_ids.size());
  });
}

}  // namespace minn::cli
