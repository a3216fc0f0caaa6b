// The simple predictors every MINN must beat, as `minnc cv` variants scored by the same code on the
// same leave-one-out splits (eval/cv_job.cpp). In a glucose-limited chemostat most fluxes scale with
// the glucose uptake, so a mean yield profile times the measured uptake is a strong baseline.
//   mean-profile:   the training rows' mean flux profile
//   scaled-profile: the training rows' mean flux per unit of glucose uptake x the held-out uptake
//   ridge:          ridge regression from the MINN's inputs (min-max scaled on the training rows, clipped
//                   as the MINN's with --clip-inputs) to the fluxes per unit of glucose uptake, x the
//                   held-out uptake; the regularisation chosen by the same inner folds as a MINN search
//                   (objective: mean validation NE). The ridge-residual MINN's base (train/linear_base.hpp)
//                   is the same ridge with its lambda chosen by leave-one-out over the training rows
//   ridge-loo:      that ridge (lambda by leave-one-out, mean NE over every measured flux, no folds)
//   pfba:           lp/pfba_predictor.hpp (measured uptakes fixed, the knockout applied, pFBA)
// Every baseline predicts the measured fluxes only (no full flux vector, so no L2).
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <vector>

#include "eval/nested_cv.hpp"

namespace minn::eval {

enum class BaselineKind { MeanProfile, ScaledProfile, Ridge, RidgeLeaveOneOut };

struct BaselineProblem {
  Eigen::MatrixXd inputs;    // features x experiments, raw units
  Eigen::MatrixXd targets;   // measured fluxes (Pref order) x experiments
  int uptake_input = -1;     // input row of the measured glucose uptake
  std::vector<int> metric_rows;
  bool clip_inputs = false;  // ridge: saturate scaled held-out inputs to [0, 1]
  int folds = 5;
  std::uint64_t seed = 0;
};

// Fitted on the columns `train` of the problem, predicting the columns `predict` (targets order).
// `lambda` is used by ridge only.
Eigen::MatrixXd fit_and_predict(BaselineKind kind, const BaselineProblem& p, const std::vector<int>& train,
                                const std::vector<int>& predict, double lambda = 0);

// Leave-one-out over `outer` (experiment columns); OuterResult::measured holds each prediction,
// validation_ne the chosen lambda's inner NE for ridge (NaN otherwise), best.c unused.
std::vector<OuterResult> run_baseline(BaselineKind kind, const BaselineProblem& p, const std::vector<int>& outer,
                                      std::vector<double>* chosen_lambda = nullptr);

}  // namespace minn::eval
