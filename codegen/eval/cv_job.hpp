// One `minnc cv` run as a library call: read and split the GEM (optionally FVA- or FBA-reduce it first),
// load the Ishii dataset (and the FBA-fit targets for that variant), run the nested
// cross-validation and score it (eval/cv_outputs.hpp writes the result files).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "eval/cv_scores.hpp"
#include "eval/cv_shards.hpp"
#include "eval/nested_cv.hpp"

namespace minn::eval {

struct CvJob {
  std::string gem_path, data_dir;
  std::string variant = "c-balanced";
  std::string fit_targets_path;  // empty: <data>/fluxomics_iAF1260_reduced_split_fit.csv
  // none | fva | fba: lp's fva_reduce, or fba_reduce with pFBA samples (glucose uptakes drawn in the
  // dataset's measured range; the measured reactions always kept), on the unsplit GEM before splitting.
  std::string reduce = "none";
  int reduce_solutions = 2000;      // fba: samples (the paper's 2000)
  std::uint64_t reduce_seed = 1;    // fba: its own seed, so every cv seed evaluates the same GEM
  // The Pin/Vin bound of the mechanistic loss. uptakes (the paper's training setup): Pin selects the
  // glucose and O2 uptakes, Vin is each experiment's measured uptake (a network input as well), so
  // refinement and loss penalise predicted uptakes above the measured ones. co2-free: Pin selects
  // R_EX_co2_e_fwd with Vin = +inf, i.e. no bound (the shipped model's setup).
  std::string pin = "uptakes";
  int trials = 0;                // 0: the variant's budget (25 c-balanced, 15 others)
  std::string precision = "f64";   // f64 | f32: the trainer's arithmetic (train/trainer.hpp)
  std::string sampler = "random";  // random | tpe (the paper's Optuna TPESampler): eval/nested_cv.hpp
  bool clip_inputs = false;        // each fold's scaler saturates held-out inputs to its training range
  // none | glucose | glucose-residual: uptake-normalised MINNs (train/trainer.hpp, FluxNormalisation)
  std::string normalise = "none";
  // omics | online (data/input_set.hpp): what the MINN or baseline reads. online = glucose and O2 uptakes,
  // CO2 evolution and growth rate, the knockout's GPR-disabled reactions as Pin rows with Vin = 0;
  // pfba then fixes all four rates. genotype_input: the knockout indicators enter the network/ridge too.
  std::string inputs = "omics";
  bool genotype_input = false;
  double aux_omics_weight = 0;
  // measured | fit: the data the models are trained on and scored against. fit = the FBA-fit fluxes
  // (fit_targets_path) replace the measured ones everywhere: scored truth, training targets, Vin and
  // the uptake inputs (pfba fixes the fitted uptakes). The paper's Table 4 is scored this way.
  std::string score_on = "measured";
  // --variant reservoir: stage one's pFBA samples and training epochs (0: the surrogate's 300).
  int surrogate_samples = 2000;
  int surrogate_epochs = 0;  // MINNs: the training-only omics head's loss weight (train/aux_head.hpp)
  int folds = 5;
  std::uint64_t seed = 0;
  int threads = 0;               // 0: every hardware thread
  int epochs = -1;               // < 0: the variant's (100; scheduler 150); 0: the untrained start
  int steps = 8;
  double momentum = 0.9;
  double fixed_step = 0;         // 0: auto (safe step)
  std::vector<std::string> holdout;  // experiments to hold out (empty: all, leave-one-out)
  std::string checkpoint_path;
  int stop_after = 0;
  // Cluster scale (eval/cv_shards.hpp): run only shard K/N of the outer splits into its checkpoint
  // <shard_dir>/<stem>.shard-K-of-N.ckpt (no result files), or, with merge_shards, read all N of them
  // and score the whole run. Neither enters the command or the signature: the merged files are those
  // of an unsharded run.
  OuterShard shard;
  bool merge_shards = false;
  std::string shard_dir;
};

struct CvJobResult {
  CvResult cv;
  CvScores scores;               // only when cv.complete
  std::string gem_id, gem_sha256, dataset_sha256, variant, sampler;
  std::string reduce;            // as run: none | fva | fba
  int reactions = 0, metabolites = 0, trials = 0, epochs = 0;
  double eta = 0;
  std::vector<std::string> reaction_ids, experiments;  // experiments of cv.outer, in order
  std::vector<std::string> target_ids;  // measured fluxes (Pref order)
  std::vector<int> metric_rows;         // the scored ones among them (no input is scored)
  std::vector<int> intracellular_rows;  // the 37 intracellular ones (data/scored_fluxes.hpp)
  std::vector<std::string> input_names; // what the models read
  bool baseline = false;                // outer results carry `measured` only (eval/baselines.hpp)
  std::vector<double> ridge_lambda;     // ridge: the lambda chosen per outer split
  std::vector<std::string> notes;       // pfba: per experiment, a knockout not applied or a rate moved
  std::string command;           // canonical, file names only
  std::vector<std::string> shard_files;  // a shard run: its checkpoint; a merge: the N it read
  // Further rows of the same run: --variant reservoir adds "reservoir-pfba" (eval/reservoir_cv.hpp).
  std::vector<CvJobResult> companions;
};

CvJobResult run_cv_job(const CvJob& job, const CvProgress& progress = {});

// The FBA-fit targets: a CSV with the `experiment` key column and split-GEM ids as columns,
// mapped onto `target_ids` (Pref order) for `experiments`; every id and experiment must be there.
Eigen::MatrixXd load_fit_targets(const std::string& path, const std::vector<std::string>& experiments,
                                 const std::vector<std::string>& target_ids);

}  // namespace minn::eval
