#include "data/knockout_bounds.hpp"

#include <unordered_map>

#include "common/error.hpp"
#include "data/csv_table.hpp"

namespace minn {

KnockoutBounds load_knockout_bounds(const std::string& path, const Gem& gem,
                                    const std::vector<std::string>& experiments,
                                    AbsentReactions absent) {
  const CsvTable t = read_csv(path);
  KnockoutBounds out;
  out.experiments = experiment_keys(t);
  // Same experiments in the same order as the dataset, when it is given.
  for (std::size_t r = 0; r < t.rows.size() && !experiments.empty(); ++r) {
    const std::string& name = t.rows[r][0];
    const std::string at = path + ":" + std::to_string(t.lines[r]) + ", column 1 'experiment': ";
    if (r >= experiments.size())
      throw Error(at + "experiment '" + name + "' is extra: the dataset has " +
                  std::to_string(experiments.size()) + " experiments");
    if (experiments[r] != name)
      throw Error(at + "experiment '" + name + "' where the dataset has '" + experiments[r] +
                  "' (experiment " + std::to_string(r + 1) + "; the order must match)");
  }
  if (!experiments.empty() && t.rows.size() < experiments.size())
    throw Error(path + ": experiment '" + experiments[t.rows.size()] + "' is missing (the file has " +
                std::to_string(t.rows.size()) + " experiments, the dataset " +
                std::to_string(experiments.size()) + ")");

  std::unordered_map<std::string, int> index;
  for (std::size_t i = 0; i < gem.reactions.size(); ++i) index.emplace(gem.reactions[i].id, static_cast<int>(i));
  std::vector<std::size_t> columns;
  for (std::size_t c = 1; c < t.header.size(); ++c) {
    const auto it = index.find(t.header[c]);
    if (it == index.end()) {
      if (absent == AbsentReactions::Skip) {
        out.absent_ids.push_back(t.header[c]);
        continue;
      }
      throw Error(path + ":1, column " + std::to_string(c + 1) + " '" + t.header[c] +
                  "': no reaction with this id in the GEM '" + gem.id + "'");
    }
    columns.push_back(c);
    out.reaction_ids.push_back(t.header[c]);
    out.reactions.push_back(it->second);
  }

  out.upper_bounds.resize(static_cast<Eigen::Index>(t.rows.size()), static_cast<Eigen::Index>(columns.size()));
  for (std::size_t r = 0; r < t.rows.size(); ++r)
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const double flag = t.number(r, columns[k]);
      if (flag != 0.0 && flag != 1.0)
        throw Error(t.where(r, columns[k]) + ": expected 1 (no bound) or 0 (knocked out), got '" +
                    t.rows[r][columns[k]] + "'");
      out.upper_bounds(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(k)) = flag == 1.0 ? kInfinity : 0.0;
    }
  return out;
}

}  // namespace minn
