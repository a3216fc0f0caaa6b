// The simple baseline a flux surrogate must beat: ordinary least squares from the rates to every
// split reaction on the same training samples, stored as an ordinary MINN so that it runs through
// exactly the code the surrogate runs (minnc predict, the generated NAME_sensor_step under
// `minnc hil --plant`). pFBA's optimum is piecewise linear in the uptakes, so within one regime
// (respiratory, or O2-limited overflow) a linear map is nearly exact: only a model that handles the
// switch between regimes has something to add.
//
// The network is exactly linear: hidden = relu([I; -I] x) (2 units per input, x the scaled
// rates), output = [B, -B] hidden + c = B x + c for every x, refinement steps K = 0.
#pragma once
#include <Eigen/Core>

#include "train/trainer.hpp"

namespace minn::surrogate {

// `options` supplies the refinement's eta and momentum (stored, unused with K = 0) and clipping;
// the returned TrainedMinn has hidden = 2 x inputs and no history. minn::Error when there are
// fewer training samples than inputs + 1 (the least-squares problem is underdetermined).
train::TrainedMinn fit_linear_baseline(const train::TrainingSet& training, const train::TrainOptions& options,
                                       const train::StepChoice& step);

}  // namespace minn::surrogate
