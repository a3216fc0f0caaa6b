// Scoring a cross-validation run exactly as the paper's Tables 2 and 3: per held-out experiment,
// over the scored fluxes (45: all but the glucose and O2 uptakes), predictions clipped at 0,
// R^2 (squared Pearson), MAE, RMSE, NE, and L2 = ||S V||^2 / m of the predicted flux vector;
// then mean and population SD over the experiments.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "train/mechanics.hpp"
#include "train/metrics.hpp"

namespace minn::eval {

struct CvScores {
  train::MetricsSummary flux;
  train::MetricsSummary intracellular;  // the same metrics on the 37 intracellular fluxes (cv_job fills it)
  std::vector<double> l2;  // per experiment
  double l2_mean = 0, l2_sd = 0;
};

// truth: measured targets (Pref order) x experiments; fluxes: predicted full vectors (reactions x
// the same experiments); metric_rows: target rows scored.
CvScores score_predictions(const train::Mechanics& mech, const Eigen::MatrixXd& truth, const Eigen::MatrixXd& fluxes,
                           const std::vector<int>& metric_rows);

// The same from predictions of the measured fluxes only (Pref order x experiments), as the baselines
// make; `l2` per experiment, or empty (then L2 is NaN: a baseline has no full flux vector).
CvScores score_measured(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted,
                        const std::vector<int>& metric_rows, std::vector<double> l2 = {});

// ||S v||^2 / m for each column of V.
std::vector<double> steady_state_l2(const train::Mechanics& mech, const Eigen::MatrixXd& V);

}  // namespace minn::eval
