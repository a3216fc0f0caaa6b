#include "data/inputs_csv.hpp"

#include <unordered_map>

#include "common/error.hpp"
#include "data/csv_table.hpp"

namespace minn {
namespace {

// `skipped` columns precede `names` in the file, so messages count columns as the file does.
Eigen::MatrixXd select(const std::vector<std::string>& names, const Eigen::MatrixXd& values,
                       const std::vector<std::string>& wanted, const std::string& origin,
                       std::size_t skipped) {
  std::unordered_map<std::string, std::size_t> position;
  for (std::size_t i = 0; i < wanted.size(); ++i) position.emplace(wanted[i], i);
  std::vector<int> source(wanted.size(), -1);
  for (std::size_t c = 0; c < names.size(); ++c) {
    const auto it = position.find(names[c]);
    if (it == position.end())
      throw Error(origin + ": column " + std::to_string(skipped + c + 1) + " '" + names[c] +
                  "' is not an input of the model (it has " + std::to_string(wanted.size()) +
                  " inputs, e.g. '" + (wanted.empty() ? "" : wanted.front()) + "')");
    if (source[it->second] >= 0)
      throw Error(origin + ": input '" + names[c] + "' appears twice (columns " +
                  std::to_string(skipped + source[it->second] + 1) + " and " +
                  std::to_string(skipped + c + 1) + ")");
    source[it->second] = static_cast<int>(c);
  }
  for (std::size_t i = 0; i < wanted.size(); ++i)
    if (source[i] < 0)
      throw Error(origin + ": no column for model input " + std::to_string(i) + " '" + wanted[i] +
                  "' (the columns must name every model input)");
  Eigen::MatrixXd out(values.rows(), static_cast<Eigen::Index>(wanted.size()));
  for (std::size_t i = 0; i < wanted.size(); ++i)
    out.col(static_cast<Eigen::Index>(i)) = values.col(source[i]);
  return out;
}

}  // namespace

Eigen::MatrixXd select_inputs(const std::vector<std::string>& names, const Eigen::MatrixXd& values,
                              const std::vector<std::string>& wanted, const std::string& origin) {
  return select(names, values, wanted, origin, 0);
}

InputTable load_inputs_csv(const std::string& path, const std::vector<std::string>& input_names) {
  const CsvTable t = read_csv(path);
  const std::size_t first = !t.header.empty() && t.header.front() == "experiment" ? 1 : 0;
  if (t.rows.empty()) throw Error(path + ": no data rows (only a header line)");
  InputTable table;
  if (first == 1) {
    table.experiments = experiment_keys(t);
  } else {
    for (std::size_t r = 0; r < t.rows.size(); ++r) table.experiments.push_back(std::to_string(r + 1));
  }
  const std::vector<std::string> names(t.header.begin() + static_cast<std::ptrdiff_t>(first), t.header.end());
  // Check the header before reading numbers: a wrong file fails on its names, not its first cell.
  select(names, Eigen::MatrixXd(0, static_cast<Eigen::Index>(names.size())), input_names, path + ":1", first);
  Eigen::MatrixXd values(static_cast<Eigen::Index>(t.rows.size()), static_cast<Eigen::Index>(names.size()));
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    for (std::size_t c = 0; c < names.size(); ++c)
      values(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) = t.number(r, c + first);
  table.inputs = select(names, values, input_names, path + ":1", first);
  return table;
}

}  // namespace minn
