// Nested cross-validation as in the paper: outer leave-one-out over the experiments; inside each
// outer split a hyper-parameter search (seeded random points, or the paper's TPE; shuffled seeded
// k-fold fixed across trials; objective = mean validation NE), then a retraining on all the split's training rows with the best point, which predicts the
// held-out experiment. Every training fits its own scaler (train_minn does, on its rows only).
//
// Determinism: every training's seed is derived from (seed, held-out experiment, trial, fold), and
// every result goes to its own slot, so the output does not depend on --threads or on the order
// in which tasks run, nor on whether the run was resumed from a checkpoint.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "eval/eval_variant.hpp"
#include "eval/folds.hpp"
#include "eval/hyper_space.hpp"
#include "train/mechanics.hpp"
#include "train/trainer.hpp"

namespace minn::eval {

struct CvProblem {
  const train::Mechanics* mech = nullptr;
  train::TrainingSet data;          // every experiment: inputs, training targets (Pref order), Vin
  std::vector<std::string> experiments;
  std::vector<int> metric_rows;     // target rows scored (the 45 of 47 that are not inputs)
  std::vector<int> search_rows;     // target rows of the search objective; empty: metric_rows
};

// A learner other than the MINN trainer (the MINN-reservoir's stage two, eval/reservoir_cv.hpp):
// trains on `train` with `options` and returns the full flux vectors predicted for `predict`
// (reactions x samples). Called from several threads at once.
using FitPredict = std::function<Eigen::MatrixXd(const train::TrainingSet& train, const train::TrainOptions& options,
                                                 const train::TrainingSet& predict)>;

// How the inner search picks its points. random: distinct seeded grid points, all trained at once.
// tpe: Optuna's TPESampler as in the paper's hpo.py (eval/tpe_sampler.hpp); after its random
// startup trials, a trial starts once every earlier one of its outer split has finished.
enum class Sampler { Random, Tpe };
Sampler parse_sampler(const std::string& name);  // "random" | "tpe"; minn::Error otherwise
std::string sampler_name(Sampler s);

struct CvSettings {
  VariantSetup variant;
  Sampler sampler = Sampler::Random;
  int trials = 25;
  int folds = 5;
  std::uint64_t seed = 0;
  int threads = 1;
  train::TrainOptions base;         // epochs, batch, steps, momentum, refinement step
  train::StepChoice step;
  std::vector<int> outer;           // experiments to hold out, in order (empty = all)
  std::string checkpoint_path;      // empty = none
  std::string signature;            // identifies the run in the checkpoint (inputs + settings)
  int stop_after = 0;               // stop once this many outer splits completed in this run (0 = all)
  // cv merge (eval/cv_shards.hpp): every outer split is read from these shard checkpoints, none trained.
  std::vector<std::string> merge_checkpoints;
  FitPredict fit_predict;           // empty: train_minn, then predict_fluxes
};

struct OuterResult {
  int experiment = -1;               // held-out column of the problem
  HyperPoint best;
  double validation_ne = 0;          // mean over folds of the mean validation NE, at `best`
  std::vector<double> trial_ne;      // the same for every trial, in sampling order
  Eigen::VectorXd fluxes;            // refined prediction for the held-out experiment (every reaction);
                                     // empty for a baseline that predicts only the measured fluxes
  Eigen::VectorXd measured;          // the prediction of every measured flux (Pref order)
};

struct CvResult {
  std::vector<OuterResult> outer;    // in the order of CvSettings::outer (completed ones only)
  bool complete = false;             // every outer split is done
  int resumed = 0;                   // outer splits read from the checkpoint
};

// done / total trainings (the retraining counts as one).
using CvProgress = std::function<void(long done, long total)>;

CvResult run_nested_cv(const CvProblem& problem, const CvSettings& settings, const CvProgress& progress = {});

// Mean over validation experiments of the paper's NE (metric rows, predictions clipped at 0).
double mean_validation_ne(const Eigen::MatrixXd& targets, const Eigen::MatrixXd& predicted_targets,
                          const std::vector<int>& metric_rows);

// A seed for one sub-task, mixed from the run's seed and a path such as {experiment, trial, fold}.
std::uint64_t derive_seed(std::uint64_t seed, std::initializer_list<std::uint64_t> path);

// The inner folds of the outer split holding out `experiment` (its training `rows`): the same for
// every trial of a MINN search and for the baselines' regularisation search of the same seed.
std::vector<Fold> inner_folds(const std::vector<int>& rows, int folds, std::uint64_t seed, int experiment);

}  // namespace minn::eval
