#include "report/cv_report.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "data/csv_table.hpp"
#include "data/ishii_dataset.hpp"
#include "gem/gem.hpp"
#include "report/published_rows.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn::report {
namespace {

const std::string kMetricsSuffix = ".metrics.json";

nlohmann::json read_json(const std::string& path) {
  try {
    return nlohmann::json::parse(read_file_bytes(path));
  } catch (const nlohmann::json::exception& e) {
    throw Error(path + ": not a minnc cv metrics file (" + e.what() + ")");
  }
}

template <typename T>
T field(const nlohmann::json& j, const char* key, const std::string& path) {
  if (!j.contains(key)) throw Error(path + ": no field '" + key + "' (expected a metrics file written by minnc cv)");
  try {
    return j.at(key).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw Error(path + ": field '" + key + "' has the wrong type");
  }
}

// Fields added to the metrics file over time (reduce, baseline, normalise, ...): older files lack them
// and mean the default.
template <typename T>
T field_or(const nlohmann::json& j, const char* key, const std::string& path, T fallback) {
  return j.contains(key) ? field<T>(j, key, path) : fallback;
}

std::string run_label(const nlohmann::json& j, const std::string& path) {
  return field<std::string>(j, "variant", path) + " seed " + std::to_string(field<long long>(j, "seed", path)) +
         (field_or<std::string>(j, "normalise", path, "none") != "none"
              ? ", " + field_or<std::string>(j, "normalise", path, "none")
              : "");
}

// The other runs of the directory on the same GEM and reduction: their own mean scores.
std::vector<ComparisonRow> directory_rows(const std::string& metrics_json, const nlohmann::json& run) {
  std::vector<std::string> paths;
  const std::filesystem::path dir = std::filesystem::path(metrics_json).parent_path();
  for (const auto& entry : std::filesystem::directory_iterator(dir.empty() ? "." : dir)) {
    const std::string name = entry.path().filename().string();
    if (name.size() > kMetricsSuffix.size() && name.compare(name.size() - kMetricsSuffix.size(), std::string::npos,
                                                            kMetricsSuffix) == 0 &&
        !std::filesystem::equivalent(entry.path(), metrics_json))
      paths.push_back(entry.path().string());
  }
  std::sort(paths.begin(), paths.end());
  std::vector<ComparisonRow> rows;
  for (const std::string& path : paths) {
    const nlohmann::json j = read_json(path);
    if (field<std::string>(j, "gem", path) != field<std::string>(run, "gem", metrics_json) ||
        field_or<std::string>(j, "reduce", path, "none") != field_or<std::string>(run, "reduce", metrics_json, "none"))
      continue;
    const nlohmann::json mean = field<nlohmann::json>(j, "mean", path);
    rows.push_back({run_label(j, path), field<double>(mean, "r2", path), field<double>(mean, "mae", path),
                    field<double>(mean, "rmse", path), field<double>(mean, "ne", path), false});
  }
  return rows;
}

}  // namespace

ReportData cv_report_data(const std::string& metrics_json, const std::string& data_dir, const std::string& gem_path) {
  if (metrics_json.size() <= kMetricsSuffix.size() ||
      metrics_json.compare(metrics_json.size() - kMetricsSuffix.size(), std::string::npos, kMetricsSuffix) != 0)
    throw Error(metrics_json + ": expected the <stem>.metrics.json file of a minnc cv output");
  const nlohmann::json run = read_json(metrics_json);
  const std::string predictions_path =
      metrics_json.substr(0, metrics_json.size() - kMetricsSuffix.size()) + ".predictions.csv";
  const CsvTable csv = read_csv(predictions_path);
  const std::vector<std::string> experiments = experiment_keys(csv);

  const Gem gem = split_reversible(read_sbml(gem_path));
  const std::string gem_id = field<std::string>(run, "gem", metrics_json);
  if (gem.id != gem_id)
    throw Error(gem_path + ": GEM '" + gem.id + "', but " + metrics_json + " was computed on '" + gem_id +
                "' (pass the GEM file the cv run read, unreduced)");
  const Dataset data = load_ishii(data_dir, gem);
  // Files written before online inputs existed carry no input_names: their models read the omics and
  // the two uptakes, of which only the uptakes are measured fluxes (and so not scored).
  const auto inputs = run.contains("input_names")
                          ? field<std::vector<std::string>>(run, "input_names", metrics_json)
                          : std::vector<std::string>{kGlucoseUptakeInput, kOxygenUptakeInput};
  const std::set<std::string> input_set(inputs.begin(), inputs.end());

  ReportData d;
  const std::string reduce = field_or<std::string>(run, "reduce", metrics_json, "none");
  d.title = gem_id + (reduce == "none" ? "" : " (" + reduce + "-reduced)") +
            ": " + run_label(run, metrics_json);
  d.kind = "Held-out predictions of the nested leave-one-out cross-validation (minnc cv): each experiment is "
           "predicted by a model that never saw it.";
  d.facts = {"command: " + field<std::string>(run, "command", metrics_json), "results: " + metrics_json,
             "GEM SHA-256: " + field<std::string>(run, "gem_sha256", metrics_json),
             "dataset: " + data_dir + " (SHA-256 " + field<std::string>(run, "dataset_sha256", metrics_json) + ")"};
  d.experiments = experiments;

  std::map<std::string, int> data_row;
  for (std::size_t e = 0; e < data.experiments.size(); ++e) data_row[data.experiments[e]] = static_cast<int>(e);
  std::vector<std::size_t> scored;
  for (std::size_t k = 0; k < data.target_ids.size(); ++k)
    if (!input_set.count(data.target_ids[k])) scored.push_back(k);
  d.measured.resize(static_cast<Eigen::Index>(scored.size()), static_cast<Eigen::Index>(experiments.size()));
  d.predicted.resizeLike(d.measured);
  for (std::size_t k = 0; k < scored.size(); ++k) {
    const std::string& id = data.target_ids[scored[k]];
    d.flux_ids.push_back(id);
    const int column = csv.column(id);
    if (column < 0) throw Error(predictions_path + ":1: no column '" + id + "' (a scored measured flux)");
    for (std::size_t e = 0; e < experiments.size(); ++e) {
      const auto row = data_row.find(experiments[e]);
      if (row == data_row.end())
        throw Error(csv.where(e, 0) + ": experiment '" + experiments[e] + "' is not in " + data_dir);
      d.measured(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(e)) =
          data.targets(row->second, static_cast<Eigen::Index>(scored[k]));
      d.predicted(static_cast<Eigen::Index>(k), static_cast<Eigen::Index>(e)) =
          csv.number(e, static_cast<std::size_t>(column));
    }
  }

  // A baseline predicts only the scored fluxes (older files do not say so: their columns do).
  const bool baseline = field_or<bool>(run, "baseline", metrics_json, csv.header.size() - 1 == scored.size());
  if (!baseline) {  // full flux vectors: S v over the metabolites of the predicted reactions
    std::vector<int> reaction_of_column(csv.header.size(), -1);
    std::set<int> touched;
    for (std::size_t c = 1; c < csv.header.size(); ++c) {
      reaction_of_column[c] = gem.reaction_index(csv.header[c]);
      if (reaction_of_column[c] < 0)
        throw Error(predictions_path + ":1, column " + std::to_string(c + 1) + ": reaction '" + csv.header[c] +
                    "' is not in " + gem_path);
      for (const auto& [m, coef] : gem.reactions[static_cast<std::size_t>(reaction_of_column[c])].stoichiometry)
        touched.insert(m);
    }
    std::map<int, int> row_of;
    for (int m : touched) {
      row_of[m] = static_cast<int>(d.metabolite_ids.size());
      d.metabolite_ids.push_back(gem.metabolites[static_cast<std::size_t>(m)].id);
    }
    d.residual = Eigen::MatrixXd::Zero(static_cast<Eigen::Index>(touched.size()),
                                       static_cast<Eigen::Index>(experiments.size()));
    for (std::size_t e = 0; e < experiments.size(); ++e)
      for (std::size_t c = 1; c < csv.header.size(); ++c) {
        const double v = csv.number(e, c);
        for (const auto& [m, coef] : gem.reactions[static_cast<std::size_t>(reaction_of_column[c])].stoichiometry)
          d.residual(row_of[m], static_cast<Eigen::Index>(e)) += coef * v;
      }
  }

  const nlohmann::json mean = field<nlohmann::json>(run, "mean", metrics_json);
  d.comparison.push_back({run_label(run, metrics_json) + " (this report)", field<double>(mean, "r2", metrics_json),
                          field<double>(mean, "mae", metrics_json), field<double>(mean, "rmse", metrics_json),
                          field<double>(mean, "ne", metrics_json), true});
  for (ComparisonRow& r : directory_rows(metrics_json, run)) d.comparison.push_back(std::move(r));
  for (ComparisonRow& r : published_rows()) d.comparison.push_back(std::move(r));
  d.notes.push_back("Comparison: this run and the other runs on the same GEM found beside it, as their metrics "
                    "files give them; the paper's rows are on iAF1260 FVA-reduced.");
  return d;
}

}  // namespace minn::report
