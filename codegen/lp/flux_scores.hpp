// The paper's accuracy metrics (Table 2) for LP flux predictions, on std::vector data. One
// implementation serves every caller: train/metrics (per experiment R^2 = squared Pearson, MAE,
// RMSE, NE; mean and population SD over experiments). The split convention clips predictions at
// 0; the signed convention (how Gonçalves et al. scored the pFBA baseline) compares raw fluxes.
#pragma once
#include <utility>
#include <vector>

#include "train/metrics.hpp"

namespace minn {

using FluxScore = train::FluxMetrics;
using FluxScoreSummary = train::MetricsSummary;

FluxScore score_fluxes(const std::vector<double>& truth, const std::vector<double>& predicted, bool clip_at_zero);

inline FluxScoreSummary summarize_scores(std::vector<FluxScore> per_experiment) {
  return train::summarize(std::move(per_experiment));
}

}  // namespace minn
