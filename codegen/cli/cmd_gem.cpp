// `minnc gem info FILE [--json]` and `minnc gem split IN -o OUT`.
#include <cstdio>
#include <memory>
#include <string>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/json_text.hpp"
#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"
#include "sbml/sbml_writer.hpp"

namespace minn::cli {
namespace {

Gem load(const std::string& path) {
  Diagnostics diagnostics;
  Gem gem = read_sbml(path, &diagnostics);
  for (const std::string& w : diagnostics.warnings) std::fprintf(stderr, "minnc: warning: %s\n", w.c_str());
  return gem;
}

void print_info(const std::string& path, bool json) {
  const Gem gem = load(path);
  const std::size_t split_size = gem.reactions.size() + static_cast<std::size_t>(gem.reversible_count());
  std::string objective;
  for (int i : gem.objective_reactions()) {
    const Reaction& r = gem.reactions[static_cast<std::size_t>(i)];
    if (!objective.empty()) objective += " + ";
    char coefficient[32];
    std::snprintf(coefficient, sizeof coefficient, "%.10g", r.objective_coefficient);
    objective += (r.objective_coefficient == 1.0 ? std::string() : std::string(coefficient) + " ") + r.id;
  }
  if (json) {
    std::printf("{\n");
    std::printf("  \"file\": %s,\n", json_quote(path).c_str());
    std::printf("  \"sha256\": %s,\n", json_quote(gem.source_sha256).c_str());
    std::printf("  \"id\": %s,\n", json_quote(gem.id).c_str());
    std::printf("  \"reactions\": %zu,\n", gem.reactions.size());
    std::printf("  \"reversible\": %d,\n", gem.reversible_count());
    std::printf("  \"metabolites\": %zu,\n", gem.metabolites.size());
    std::printf("  \"genes\": %zu,\n", gem.genes.size());
    std::printf("  \"compartments\": %zu,\n", gem.compartments.size());
    std::printf("  \"exchanges\": %zu,\n", gem.exchange_reactions().size());
    std::printf("  \"nnz\": %zu,\n", gem.stoichiometry_nonzeros());
    std::printf("  \"reactions_after_split\": %zu,\n", split_size);
    std::printf("  \"objective_sense\": \"%s\",\n", gem.objective_maximize ? "maximize" : "minimize");
    std::printf("  \"objective\": [");
    bool first = true;
    for (int i : gem.objective_reactions()) {
      const Reaction& r = gem.reactions[static_cast<std::size_t>(i)];
      std::printf("%s{\"reaction\": %s, \"coefficient\": %.17g}", first ? "" : ", ", json_quote(r.id).c_str(),
                  r.objective_coefficient);
      first = false;
    }
    std::printf("]\n}\n");
    return;
  }
  std::printf("file:                  %s\n", path.c_str());
  std::printf("sha256:                %s\n", gem.source_sha256.c_str());
  std::printf("model:                 %s\n", gem.id.c_str());
  std::printf("reactions:             %zu\n", gem.reactions.size());
  std::printf("reversible:            %d\n", gem.reversible_count());
  std::printf("metabolites:           %zu\n", gem.metabolites.size());
  std::printf("genes:                 %zu\n", gem.genes.size());
  std::printf("compartments:          %zu\n", gem.compartments.size());
  std::printf("exchanges:             %zu\n", gem.exchange_reactions().size());
  std::printf("nnz(S):                %zu\n", gem.stoichiometry_nonzeros());
  std::printf("reactions after split: %zu\n", split_size);
  std::printf("objective:             %s %s\n", gem.objective_maximize ? "maximize" : "minimize",
              objective.empty() ? "(none)" : objective.c_str());
}

void split(const std::string& in, const std::string& out) {
  const Gem gem = load(in);
  const Gem split_gem = split_reversible(gem);
  write_sbml(split_gem, out);
  std::printf("%s: %zu reactions (%d reversible split into _fwd/_rev) -> %s: %zu reactions\n", in.c_str(),
              gem.reactions.size(), gem.reversible_count(), out.c_str(), split_gem.reactions.size());
}

}  // namespace

void add_gem_commands(CLI::App& app) {
  CLI::App* gem = app.add_subcommand("gem", "Inspect and transform genome-scale models (SBML)");
  gem->require_subcommand(1);

  struct InfoOptions {
    std::string file;
    bool json = false;
  };
  auto info_options = std::make_shared<InfoOptions>();
  CLI::App* info = gem->add_subcommand("info", "Summarise an SBML model (.xml or .xml.gz)");
  info->add_option("FILE", info_options->file, "SBML file")->required();
  info->add_flag("--json", info_options->json, "Print JSON instead of text");
  info->callback([info_options] { print_info(info_options->file, info_options->json); });

  struct SplitOptions {
    std::string in;
    std::string out;
  };
  auto split_options = std::make_shared<SplitOptions>();
  CLI::App* split_cmd = gem->add_subcommand(
      "split", "Split reversible reactions into <id>_fwd/<id>_rev (CBMPy order) and write SBML L3 FBC2");
  split_cmd->add_option("IN", split_options->in, "input SBML file")->required();
  split_cmd->add_option("-o,--output", split_options->out, "output SBML file (.xml or .xml.gz)")->required();
  split_cmd->callback([split_options] { split(split_options->in, split_options->out); });
}

}  // namespace minn::cli
