// The Ishii et al. (2007) E. coli dataset in its CSV layout (transcriptomics.csv, proteomics.csv,
// fluxomics.csv; key column `experiment`, same experiments in the same order in every file).
#pragma once
#include <Eigen/Dense>
#include <string>
#include <utility>
#include <vector>

#include "gem/gem.hpp"

namespace minn {

// Raw model inputs: all transcriptomics columns, then all proteomics columns, then the measured
// glucose and O2 uptakes as positive numbers (R_EX_glc__D_e_rev, R_EX_o2_e_rev).
struct IshiiInputs {
  std::vector<std::string> experiments;
  std::vector<std::string> input_names, input_units;  // omics "a.u.", uptakes "mmol/gDW/h"
  Eigen::MatrixXd inputs;                             // rows = experiments, raw (not scaled)
  std::string sha256;  // of transcriptomics.csv, proteomics.csv, fluxomics.csv concatenated
};

struct Dataset {
  std::vector<std::string> experiments;
  std::vector<std::string> input_names, input_units;
  Eigen::MatrixXd inputs;                  // rows = experiments, raw values (not scaled)
  std::vector<std::string> target_ids;     // split-GEM reaction ids, e.g. "R_PGK_rev"
  std::vector<int> target_reactions;       // index in the split GEM
  Eigen::MatrixXd targets;                 // split convention (non-negative except the caveat rows)
  std::string sha256;                      // same as IshiiInputs::sha256
};

inline constexpr const char* kIshiiTranscriptomics = "transcriptomics.csv";
inline constexpr const char* kIshiiProteomics = "proteomics.csv";
inline constexpr const char* kIshiiFluxomics = "fluxomics.csv";
inline constexpr const char* kGlucoseUptakeInput = "R_EX_glc__D_e_rev";
inline constexpr const char* kOxygenUptakeInput = "R_EX_o2_e_rev";

// Needs no GEM. Throws minn::Error naming file, line and column for missing, duplicated or
// out-of-order experiments, non-numeric cells and missing uptake columns.
IshiiInputs load_ishii_inputs(const std::string& dir);

// The smallest and largest measured value of input `name` (e.g. kGlucoseUptakeInput) over the
// experiments; throws naming the dataset when there is no such input.
std::pair<double, double> input_range(const IshiiInputs& inputs, const std::string& name, const std::string& dir);

// The reactions of an unsplit GEM that the fluxomics columns of `dir` measure, in column order
// (what a reduction must keep for the model to report every measured flux).
std::vector<std::string> measured_reaction_ids(const std::string& dir, const Gem& unsplit_gem);

// Inputs as above; targets = every fluxomics column mapped to the split GEM (data/ishii_ids.hpp).
Dataset load_ishii(const std::string& dir, const Gem& split_gem);

}  // namespace minn
