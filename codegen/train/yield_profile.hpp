// The uptake-scaled mean profile, the strong simple baseline of a glucose-limited culture: the
// training rows' mean flux per unit of glucose uptake ("yields"), and its completion to every
// reaction of the GEM, which the residual uptake-normalised MINN starts from (train/trainer.hpp).
#pragma once
#include <Eigen/Core>

#include "train/mechanics.hpp"

namespace minn::train {

// Mean over samples of targets(:, j) / uptake(j) (n_ref values). Every uptake must be positive
// (minn::Error naming the sample otherwise): a yield per unit of a zero uptake is undefined.
Eigen::VectorXd mean_yields(const Eigen::MatrixXd& targets, const Eigen::VectorXd& uptake);

// A non-negative flux vector over every reaction that reproduces the measured yields and is as
// close to steady state as they allow:
//   argmin_{v >= 0} ||Pref v - y||^2 + ||S v||^2 + eps ||v||^2
// The unmeasured reactions get the flux the measured ones imply through S (a mean profile of the
// measured rows alone, zero elsewhere, would sit far from S v = 0, and the refinement would drag
// the measured fluxes towards it). eps (1e-6 of the curvature) picks the smallest such vector, so
// no flux circulates through loops. Solved by projected accelerated gradient (FISTA, fixed number
// of iterations from v = 0, deterministic).
Eigen::VectorXd complete_yield_profile(const Mechanics& mech, const Eigen::VectorXd& measured_yields,
                                       int iterations = 3000);

}  // namespace minn::train
