// Running the host reference over a dataset: what `minnc predict` prints and `minnc compile`
// scores int8w with.
#pragma once
#include <string>
#include <vector>

#include "emit/precision.hpp"
#include "model/model.hpp"

namespace minn::emit {

// Raw input rows in the model's input order. Values are read as double by the CSV loaders and
// rounded to float once here, so every consumer (predict, HIL, tests) feeds the same floats.
struct InputRows {
  std::string origin;                    // the directory or file they came from
  std::vector<std::string> experiments;
  std::vector<std::vector<float>> rows;
};

// `path`: an Ishii-layout directory (transcriptomics.csv, proteomics.csv, fluxomics.csv; inputs
// as emit/model_dataset.hpp finds them) or an inputs.csv table (data/inputs_csv.hpp). Columns are
// matched to the model's inputs by name.
InputRows load_input_rows(const std::string& path, const MinnModel& model);

struct Predictions {
  std::vector<int> status;                  // the NAME_infer code per row
  std::vector<std::vector<float>> fluxes;   // NaN where the status is an error (outputs untouched)
};

Predictions predict_rows(const MinnModel& model, Precision precision, const InputRows& inputs);

// CSV: experiment,status,<reaction ids...>; floats as %.9g (reads back to the same float).
std::string predictions_csv(const MinnModel& model, const InputRows& inputs,
                            const Predictions& predictions);

}  // namespace minn::emit
