// Turning a trained MINN into a complete minn::MinnModel (what the .minn file stores): inputs,
// scaler, training envelope, layers "hidden"/"output" in float32, reaction and metabolite ids,
// S, refinement, Pin/Vin, Pref, GEM identity and provenance. No timestamps and no paths, so the
// same training gives a byte-identical file.
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "gem/gem.hpp"
#include "model/model.hpp"
#include "train/metrics.hpp"
#include "train/trainer.hpp"

namespace minn::train {

// Fraction of the training range tolerated beyond the training min/max before an input counts
// as out of the envelope: the 29 Ishii experiments span the conditions the model can speak
// for; 10 % of a feature's spread absorbs measurement noise (omics replicate CVs are of that
// order) while a shift beyond it is an extrapolation the user should be told about.
inline constexpr float kEnvelopeMargin = 0.1f;

struct ModelDescription {
  std::vector<std::string> input_names, input_units;
  std::vector<float> default_vin;          // per Pin row (+inf = no bound)
  std::vector<std::string> metric_ids;     // targets scored by the paper's metrics (45 of 47)
  std::string dataset_sha256;
  std::string command;                     // canonical, without directories
  // The envelope's tolerance beyond the training range, a fraction of each input's range (stored
  // in the model as float32, recorded among the hyper-parameters as given).
  double envelope_margin = static_cast<double>(kEnvelopeMargin);
  std::string variant;                     // recorded training variant; empty: the options' loss variant
};

struct TrainingMetrics {
  double data_loss = 0;   // per-sample mean over the training rows, eval mode (NE, or MSE for mse)
  double mech_loss = 0;   // per-sample mean of L_mech
  MetricsSummary flux;    // paper metrics over metric_ids
};

// The network with every parameter rounded to float32, as the model file will hold it.
TrainedMinn rounded_to_float(const TrainedMinn& trained);

// Eval-mode metrics of `trained` on `data` (use rounded_to_float() to score the stored model).
TrainingMetrics training_metrics(const Mechanics& mech, const TrainedMinn& trained, const TrainingSet& data,
                                 const TrainOptions& options, const std::vector<int>& metric_rows);

MinnModel build_model(const Gem& split_gem, const Mechanics& mech, const TrainedMinn& trained,
                      const TrainOptions& options, const StepChoice& step, const ModelDescription& description,
                      const TrainingMetrics& metrics);

}  // namespace minn::train
