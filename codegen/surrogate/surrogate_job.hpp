// One `minnc surrogate` run as a library call: read (and reduce) the GEM, draw pFBA samples at
// rates fixed within the dataset's ranges (surrogate/flux_sampler.hpp), hold a seeded fraction out,
// train a MINN from the rates to every split reaction (Pref = identity) and score it on the held-out
// samples against the training-mean predictor. The CLI (cli/cmd_surrogate.cpp) writes the files.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "lp/dataset_reduction.hpp"
#include "model/model.hpp"
#include "surrogate/flux_sampler.hpp"
#include "surrogate/surrogate_scores.hpp"
#include "train/step_size.hpp"
#include "train/trainer.hpp"

namespace minn::surrogate {

// The surrogate's training defaults: the published 5 -> 500 -> n network with the refinement (K = 8,
// automatic step) and the c-balanced loss; the rest chosen for ~1600 noise-free training samples of
// a deterministic map (README, "Flux surrogates").
train::TrainOptions default_training_options();

struct SurrogateJob {
  std::string gem_path, data_dir;
  DatasetReduction reduction{"fba"};  // the FBA-reduced GEM, as `minnc cv --reduce fba` builds it
  std::string rates = "paper";        // paper | online | comma list (surrogate/rate_set.hpp)
  SamplerOptions sampling;            // its seed is set from `seed`
  double envelope_margin = 0.1;       // the model's envelope: its sampled range widened by this fraction
  std::string input_noise;            // "ID=SD,..." training noise per rate (surrogate/rate_set.hpp); empty: none
  bool linear_baseline = false;       // --baseline linear: least squares instead of the MINN (linear_baseline.hpp)
  double holdout = 0.2;
  std::uint64_t seed = 0;             // samples, hold-out and training (independent streams)
  train::TrainOptions options = default_training_options();  // its seed is set from `seed`
  std::string output_path;            // only its file name enters the recorded command
};

struct SurrogateResult {
  MinnModel model;
  FluxSamples samples;
  std::vector<int> train_samples, test_samples;
  SurrogateScores holdout, baseline;  // the surrogate and the training-mean predictor, held-out samples
  train::StepChoice step;
  std::string gem_id;
  int metabolites = 0;
  double sampling_seconds = 0, training_seconds = 0;
  std::vector<std::string> warnings;
  std::string command;                // canonical, file names only
  std::string report_json;            // what the CLI writes next to the model
};

struct SurrogateProgress {
  SamplingProgress sampling;
  train::EpochCallback epoch;
};

SurrogateResult run_surrogate_job(const SurrogateJob& job, const SurrogateProgress& progress = {});

// The report's path for a model path: "dir/name.minn" -> "dir/name_report.json".
std::string report_path_for(const std::string& model_path);

}  // namespace minn::surrogate
