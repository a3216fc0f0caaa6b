// Plain input tables for `minnc predict --data inputs.csv`: header = input names (any order),
// optional `experiment` first column, one row per sample of raw (unscaled) input values.
#pragma once
#include <Eigen/Dense>
#include <string>
#include <vector>

namespace minn {

struct InputTable {
  std::vector<std::string> experiments;  // the `experiment` column, or "1", "2", ... (data rows)
  Eigen::MatrixXd inputs;                // rows = samples, columns in the order of `input_names`
};

// Every model input must appear exactly once as a column and no other column may appear;
// columns are reordered to `input_names`. Errors name the file, line and column.
InputTable load_inputs_csv(const std::string& path, const std::vector<std::string>& input_names);

// Reorders the columns of `values` (named `names`) to `wanted`; `origin` names the data in
// messages. Throws minn::Error for a wanted name that is missing or a name that is not wanted.
Eigen::MatrixXd select_inputs(const std::vector<std::string>& names, const Eigen::MatrixXd& values,
                              const std::vector<std::string>& wanted, const std::string& origin);

}  // namespace minn
