// The paper's accuracy metrics (Table 2) for flux predictions: per experiment R^2 = squared
// Pearson correlation, MAE, RMSE, NE = ||t - p||_2 / ||t||_2; mean and population SD (ddof 0)
// over experiments. The split convention clips predictions at 0; the signed convention (how
// Gonçalves et al. scored the pFBA baseline) compares raw signed fluxes.
#pragma once
#include <vector>

namespace minn {

struct FluxScore {
  double r2 = 0.0, mae = 0.0, rmse = 0.0, ne = 0.0;
};

// A constant vector has no correlation; R^2 is then 0.
FluxScore score_fluxes(const std::vector<double>& truth, std::vector<double> predicted, bool clip_at_zero);

struct FluxScoreSummary {
  FluxScore mean, sd;
  std::vector<FluxScore> per_experiment;
};

FluxScoreSummary summarize_scores(const std::vector<FluxScore>& per_experiment);

}  // namespace minn
