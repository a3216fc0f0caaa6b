// Accuracy metrics exactly as the paper's Table 2: per experiment over the measured fluxes used
// for scoring (45: all but the glucose and O2 uptakes), predictions clipped at 0 (split GEMs
// carry non-negative fluxes); R^2 = squared Pearson correlation, MAE, RMSE,
// NE = ||t - p||_2 / ||t||_2; then mean and population SD (ddof 0) over experiments.
#pragma once
#include <Eigen/Core>
#include <vector>

namespace minn::train {

struct FluxMetrics {
  double r2 = 0, mae = 0, rmse = 0, ne = 0;
};

// truth and predicted are one experiment's fluxes (same order). A constant vector has no
// Pearson correlation; R^2 is then reported as 0. clip_at_zero = false scores raw signed fluxes
// (how Gonçalves et al. scored the pFBA baseline).
FluxMetrics experiment_metrics(const Eigen::VectorXd& truth, const Eigen::VectorXd& predicted,
                               bool clip_at_zero = true);

struct MetricsSummary {
  FluxMetrics mean, sd;
  std::vector<FluxMetrics> per_experiment;
};

// Mean and population SD (ddof 0) over experiments.
MetricsSummary summarize(std::vector<FluxMetrics> per_experiment);

// Columns are experiments.
MetricsSummary summarize_metrics(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted);

}  // namespace minn::train
