// Accuracy of a surrogate on samples it did not train on: the paper's metrics per sample
// (train/metrics.hpp: R^2 as squared Pearson correlation, MAE, RMSE, NE, predictions clipped at 0)
// over the scored reactions, then mean and SD over samples; and the steady-state residual ||S V||^2/m.
// The scored reactions are every split reaction but the rates: a surrogate is given those, so
// scoring them would credit it for copying its inputs.
#pragma once
#include <Eigen/Core>
#include <vector>

#include "train/mechanics.hpp"
#include "train/metrics.hpp"

namespace minn::surrogate {

struct SurrogateScores {
  train::MetricsSummary flux;
  double residual = 0;  // mean over samples of ||S V||^2 / m, V the full predicted flux vector
};

// truth and predicted: split reactions x samples.
SurrogateScores score_surrogate(const train::Mechanics& mech, const Eigen::MatrixXd& truth,
                                const Eigen::MatrixXd& predicted, const std::vector<int>& scored_reactions);

// The trivial predictor a surrogate must beat: every sample predicted as the training samples' mean.
Eigen::MatrixXd mean_predictor(const Eigen::MatrixXd& training_fluxes, Eigen::Index samples);

}  // namespace minn::surrogate
