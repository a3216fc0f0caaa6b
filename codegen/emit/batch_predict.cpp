#include "emit/batch_predict.hpp"

#include <cstdio>
#include <filesystem>
#include <limits>

#include "common/error.hpp"
#include "data/inputs_csv.hpp"
#include "emit/model_dataset.hpp"
#include "emit/reference_predictor.hpp"

namespace minn::emit {

InputRows load_input_rows(const std::string& path, const MinnModel& model) {
  InputRows out;
  out.origin = path;
  Eigen::MatrixXd values;
  if (std::filesystem::is_directory(path)) {
    DatasetInputs dataset = dataset_inputs(path, model);
    out.experiments = std::move(dataset.experiments);
    values = std::move(dataset.values);
  } else {
    const InputTable table = load_inputs_csv(path, model.input_names);
    out.experiments = table.experiments;
    values = table.inputs;
  }
  for (Eigen::Index r = 0; r < values.rows(); ++r) {
    std::vector<float> row(static_cast<std::size_t>(values.cols()));
    for (Eigen::Index c = 0; c < values.cols(); ++c) row[c] = static_cast<float>(values(r, c));
    out.rows.push_back(std::move(row));
  }
  return out;
}

Predictions predict_rows(const MinnModel& model, Precision precision, const InputRows& inputs) {
  ReferencePredictor predictor(model, precision);
  Predictions out;
  for (const std::vector<float>& row : inputs.rows) {
    std::vector<float> fluxes(static_cast<std::size_t>(predictor.num_outputs()),
                              std::numeric_limits<float>::quiet_NaN());
    out.status.push_back(predictor.infer(row.data(), fluxes.data()));
    out.fluxes.push_back(std::move(fluxes));
  }
  return out;
}

std::string predictions_csv(const MinnModel& model, const InputRows& inputs,
                            const Predictions& predictions) {
  std::string csv = "experiment,status";
  for (const std::string& id : model.reaction_ids) csv += "," + id;
  csv += "\n";
  char number[32];
  for (std::size_t r = 0; r < predictions.fluxes.size(); ++r) {
    csv += inputs.experiments[r] + "," + std::to_string(predictions.status[r]);
    for (float v : predictions.fluxes[r]) {
      std::snprintf(number, sizeof number, ",%.9g", static_cast<double>(v));
      csv += number;
    }
    csv += "\n";
  }
  return csv;
}

}  // namespace minn::emit
