// Choosing the refinement step size eta so that the K heavy-ball steps cannot diverge.
//
// On the quadratic part (2/m) S^T S, each eigen-mode with eigenvalue lambda evolves as
// x_k = p_k(eta*lambda) x_0 (d_0 = 0), with p_0 = 1, p_1 = 1 - mu and
// p_{k+1} = (1 + beta - mu) p_k - beta p_{k-1}. Stability (|roots| < 1) needs 0 < mu < 2(1+beta),
// but the transient can still overshoot: for beta = 0.9, |p_2(mu)| > 1 from mu = 1.1298.
// If every mode satisfies |p_k(mu)| <= 1 for all k <= K, then ||S V_k|| <= ||S V_0|| for every V0.
// `auto` therefore finds mu* = the largest mu with max_{k<=K} |p_k(nu)| <= 1 for all nu in (0, mu],
// and sets eta = margin * mu* / lambda_bound, where lambda_bound also covers the curvature of the
// bound and positivity terms: lambda_max + (2/n_in) ||Pin||^2 + 2/n.
#pragma once
#include <string>

#include "train/mechanics.hpp"

namespace minn::train {

// Largest eigenvalue of (2/m) S^T S by power iteration in double (Rayleigh quotient).
double lambda_max_sts(const Mechanics& mech, int max_iterations = 20000, double tolerance = 1e-12);

// Largest mu such that |p_k(nu)| <= 1 for every k in 1..steps and nu in (0, mu] (scanned on a
// grid of 2(1+beta)/200000).
double heavy_ball_safe_mu(double beta, int steps);

// max_{k<=steps} |p_k(mu)|.
double heavy_ball_peak(double mu, double beta, int steps);

struct StepChoice {
  double lambda_max = 0;      // of (2/m) S^T S
  double lambda_bound = 0;    // lambda_max + (2/n_in)||Pin||^2 + 2/n
  double eta = 0;
  double mu_safe = 0;         // auto: mu* for (beta, K)
  double margin = 0;          // auto: eta = margin * mu* / lambda_bound
  bool automatic = true;
  bool diverges = false;      // fixed eta with eta * lambda_max >= 2(1+beta)
  std::string rule;           // human-readable record stored in the model
};

inline constexpr double kAutoStepMargin = 0.9;

StepChoice choose_step_auto(const Mechanics& mech, double beta, int steps);
StepChoice choose_step_fixed(const Mechanics& mech, double eta, double beta);

}  // namespace minn::train
