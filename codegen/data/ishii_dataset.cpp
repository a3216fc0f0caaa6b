#include "data/ishii_dataset.hpp"

#include <unordered_map>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/sha256.hpp"
#include "data/csv_table.hpp"
#include "data/ishii_ids.hpp"

namespace minn {
namespace {

// Raw fluxomics columns of the two measured uptakes (negative = uptake in the raw file).
constexpr const char* kRawGlucoseExchange = "R_EX_glc_e_";
constexpr const char* kRawOxygenExchange = "R_EX_o2_e_";

// sign * raw without producing -0 (a zero flux stays +0 in either direction).
double signed_value(double sign, double raw) { return raw == 0.0 ? 0.0 : sign * raw; }

struct IshiiFiles {
  CsvTable transcriptomics, proteomics, fluxomics;
  std::string sha256;
};

void check_experiment_column(const CsvTable& t) {
  experiment_keys(t);
  if (t.rows.empty()) throw Error(t.path + ": no experiments (only a header line)");
}

// Every file lists the reference file's experiments, in the same order.
void check_same_experiments(const CsvTable& reference, const CsvTable& t) {
  std::unordered_map<std::string, std::size_t> in_reference, in_t;
  for (std::size_t r = 0; r < reference.rows.size(); ++r) in_reference.emplace(reference.rows[r][0], r);
  for (std::size_t r = 0; r < t.rows.size(); ++r) in_t.emplace(t.rows[r][0], r);
  for (std::size_t r = 0; r < reference.rows.size(); ++r) {
    const std::string& expected = reference.rows[r][0];
    if (in_t.count(expected) == 0)
      throw Error(t.path + ": experiment '" + expected + "' (" + reference.path + ":" +
                  std::to_string(reference.lines[r]) + ") is missing");
  }
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string& name = t.rows[r][0];
    const std::string at = t.path + ":" + std::to_string(t.lines[r]) + ", column 1 'experiment': ";
    if (in_reference.count(name) == 0)
      throw Error(at + "experiment '" + name + "' is not in " + reference.path);
    if (reference.rows[r][0] != name)
      throw Error(at + "experiment '" + name + "' is out of order: " + reference.path + ":" +
                  std::to_string(reference.lines[r]) + " has '" + reference.rows[r][0] +
                  "' in this position (every file must list the experiments in the same order)");
  }
}

IshiiFiles read_files(const std::string& dir) {
  const std::string base = dir.empty() || dir.back() == '/' ? dir : dir + "/";
  IshiiFiles files;
  std::string all_bytes;  // hashed in this fixed order: `cat t p f | sha256sum` reproduces it
  CsvTable* tables[] = {&files.transcriptomics, &files.proteomics, &files.fluxomics};
  const char* names[] = {kIshiiTranscriptomics, kIshiiProteomics, kIshiiFluxomics};
  for (int i = 0; i < 3; ++i) {
    const std::string path = base + names[i];
    const std::string bytes = read_file_bytes(path);
    *tables[i] = parse_csv(bytes, path);
    check_experiment_column(*tables[i]);
    all_bytes += bytes;
  }
  check_same_experiments(files.transcriptomics, files.proteomics);
  check_same_experiments(files.transcriptomics, files.fluxomics);
  files.sha256 = sha256_hex(all_bytes.data(), all_bytes.size());
  return files;
}

std::size_t required_column(const CsvTable& t, const char* name, const char* role) {
  const int c = t.column(name);
  if (c < 0) throw Error(t.path + ":1: no column '" + std::string(name) + "' (" + role + ")");
  return static_cast<std::size_t>(c);
}

IshiiInputs inputs_from(const IshiiFiles& f) {
  IshiiInputs in;
  for (const auto& row : f.transcriptomics.rows) in.experiments.push_back(row[0]);
  const std::size_t n_rows = in.experiments.size();

  struct Source {
    const CsvTable* table;
    std::size_t column;
    double sign;
  };
  std::vector<Source> sources;
  for (const CsvTable* omics : {&f.transcriptomics, &f.proteomics})
    for (std::size_t c = 1; c < omics->header.size(); ++c) {
      in.input_names.push_back(omics->header[c]);
      in.input_units.push_back("a.u.");
      sources.push_back({omics, c, 1.0});
    }
  const std::pair<const char*, const char*> uptakes[] = {
      {kRawGlucoseExchange, kGlucoseUptakeInput}, {kRawOxygenExchange, kOxygenUptakeInput}};
  for (const auto& [raw, name] : uptakes) {
    in.input_names.push_back(name);
    in.input_units.push_back("mmol/gDW/h");
    sources.push_back({&f.fluxomics, required_column(f.fluxomics, raw, "a measured uptake, a model input"), -1.0});
  }
  std::unordered_map<std::string, std::size_t> seen;
  for (std::size_t i = 0; i < in.input_names.size(); ++i) {
    const auto [it, inserted] = seen.emplace(in.input_names[i], i);
    if (!inserted)
      throw Error(sources[i].table->path + ":1, column " + std::to_string(sources[i].column + 1) +
                  ": input '" + in.input_names[i] + "' also comes from " +
                  sources[it->second].table->path + " (input names must be unique)");
  }

  in.inputs.resize(static_cast<Eigen::Index>(n_rows), static_cast<Eigen::Index>(sources.size()));
  for (std::size_t r = 0; r < n_rows; ++r)
    for (std::size_t i = 0; i < sources.size(); ++i)
      in.inputs(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(i)) =
          signed_value(sources[i].sign, sources[i].table->number(r, sources[i].column));
  in.sha256 = f.sha256;
  return in;
}

}  // namespace

IshiiInputs load_ishii_inputs(const std::string& dir) { return inputs_from(read_files(dir)); }

std::pair<double, double> input_range(const IshiiInputs& inputs, const std::string& name, const std::string& dir) {
  for (std::size_t k = 0; k < inputs.input_names.size(); ++k)
    if (inputs.input_names[k] == name) {
      const auto column = inputs.inputs.col(static_cast<Eigen::Index>(k));
      return {column.minCoeff(), column.maxCoeff()};
    }
  throw Error(dir + ": no input '" + name + "'");
}

std::vector<std::string> measured_reaction_ids(const std::string& dir, const Gem& unsplit_gem) {
  const CsvTable flux = read_files(dir).fluxomics;  // checked as load_ishii checks it
  std::vector<std::string> ids;
  for (std::size_t c = 1; c < flux.header.size(); ++c) {
    const std::string where = flux.path + ":1, column " + std::to_string(c + 1) + " '" + flux.header[c] + "'";
    ids.push_back(map_ishii_flux(flux.header[c], unsplit_gem, where).gem_id);
  }
  return ids;
}

Dataset load_ishii(const std::string& dir, const Gem& split_gem) {
  const IshiiFiles files = read_files(dir);
  IshiiInputs in = inputs_from(files);
  Dataset d;
  d.experiments = std::move(in.experiments);
  d.input_names = std::move(in.input_names);
  d.input_units = std::move(in.input_units);
  d.inputs = std::move(in.inputs);
  d.sha256 = std::move(in.sha256);

  const CsvTable& flux = files.fluxomics;
  std::vector<MappedFlux> mapped;
  std::unordered_map<int, std::size_t> column_of_reaction;
  for (std::size_t c = 1; c < flux.header.size(); ++c) {
    const std::string where = flux.path + ":1, column " + std::to_string(c + 1) + " '" + flux.header[c] + "'";
    mapped.push_back(map_ishii_flux(flux.header[c], split_gem, where));
    const auto [it, inserted] = column_of_reaction.emplace(mapped.back().reaction, c);
    if (!inserted)
      throw Error(where + ": maps to " + mapped.back().gem_id + ", like column " +
                  std::to_string(it->second + 1) + " '" + flux.header[it->second] + "'");
    d.target_ids.push_back(mapped.back().gem_id);
    d.target_reactions.push_back(mapped.back().reaction);
  }
  d.targets.resize(static_cast<Eigen::Index>(flux.rows.size()), static_cast<Eigen::Index>(mapped.size()));
  for (std::size_t r = 0; r < flux.rows.size(); ++r)
    for (std::size_t k = 0; k < mapped.size(); ++k)
      d.targets(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)) =
          signed_value(mapped[k].sign, flux.number(r, k + 1));
  return d;
}

}  // namespace minn
