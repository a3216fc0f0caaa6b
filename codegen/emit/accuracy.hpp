// Accuracy of a model's predictions on the Ishii dataset, as the paper scores it (train/metrics.hpp:
// NE per experiment over the measured fluxes except the model's inputs (the uptakes, or an online
// model's rates), predictions clipped at 0, mean over experiments). Used by `minnc compile --precision int8w`.
#pragma once
#include <string>

#include "emit/precision.hpp"
#include "model/model.hpp"

namespace minn::emit {

struct AccuracyComparison {
  int experiments = 0;
  int fluxes = 0;          // scored fluxes per experiment
  double ne_f32 = 0.0;     // mean NE with f32 weights
  double ne_other = 0.0;   // mean NE with the compared precision
};

// `dir`: an Ishii-layout directory. Throws minn::Error when it cannot be read or matched.
AccuracyComparison compare_accuracy(const MinnModel& model, Precision other, const std::string& dir);

}  // namespace minn::emit
