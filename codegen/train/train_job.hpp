// One `minnc train` run as a library call: read the SBML, split it, load the Ishii dataset,
// train on all rows and fill a complete MinnModel. The CLI (cli/cmd_train.cpp) adds argument
// parsing, the progress line and saving; tests call this directly.
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "data/input_set.hpp"
#include "data/ishii_dataset.hpp"
#include "model/model.hpp"
#include "train/model_builder.hpp"
#include "train/trainer.hpp"

namespace minn::train {

// The paper's default Pin (kos_genes off): one row on the CO2 secretion, with no bound.
inline constexpr const char* kDefaultPinReaction = "R_EX_co2_e_fwd";

struct TrainJob {
  std::string gem_path;
  std::string data_dir;
  std::string output_path;  // only its file name enters the recorded command
  TrainOptions options;
  // omics: the loader's inputs (the shipped model). online: the online rates, the knockout as Pin
  // rows with Vin = 0 (data/input_set.hpp); genotype_input adds the knockout indicators as inputs.
  InputSet inputs = InputSet::Omics;
  bool genotype_input = false;
};

struct TrainJobResult {
  MinnModel model;
  TrainingMetrics metrics;
  StepChoice step;
  std::size_t scored_fluxes = 0;      // measured fluxes in the metrics (45 omics, 43 online: no input is scored)
  std::vector<std::string> warnings;  // e.g. a fixed refinement step that diverges
};

// Warnings are also passed to `on_warning` as they arise (before training starts), when given.
TrainJobResult run_train_job(const TrainJob& job, const EpochCallback& on_epoch = {},
                             const std::function<void(const std::string&)>& on_warning = {});

// The command that reproduces the job, with every option spelled out and only file names.
std::string canonical_command(const TrainJob& job);

// The input row of the measured glucose uptake (what --normalise glucose scales by); minn::Error
// naming the dataset when it has none.
int uptake_input_row(const Dataset& dataset, const std::string& data_dir);

// Shortest decimal text that reads back as the same double ("0.0005", "20").
std::string shortest_double(double value);

}  // namespace minn::train
