#include "train/step_size.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "common/error.hpp"

namespace minn::train {

double lambda_max_sts(const Mechanics& mech, int max_iterations, double tolerance) {
  const auto& S = mech.S();
  // A deterministic start with a component along every direction (all-ones could be orthogonal
  // to the top eigenvector of a structured S; the varying entries avoid that in practice).
  Eigen::VectorXd v(mech.n());
  for (int j = 0; j < mech.n(); ++j) v(j) = 1.0 + 0.5 * std::sin(1.0 + 0.7 * j);
  v.normalize();
  const double scale = 2.0 / mech.m();
  double lambda = 0;
  Eigen::VectorXd sv, w;
  for (int it = 0; it < max_iterations; ++it) {
    sv.noalias() = S * v;
    w.noalias() = S.transpose() * sv;
    w *= scale;
    const double next = v.dot(w);  // Rayleigh quotient, v has unit norm
    const double norm = w.norm();
    if (norm == 0) return 0.0;
    v = w / norm;
    if (std::abs(next - lambda) <= tolerance * std::abs(next)) return next;
    lambda = next;
  }
  return lambda;
}

double heavy_ball_peak(double mu, double beta, int steps) {
  double previous = 1.0, current = 1.0 - mu, peak = std::abs(current);
  for (int k = 1; k < steps; ++k) {
    const double next = (1.0 + beta - mu) * current - beta * previous;
    previous = current;
    current = next;
    peak = std::max(peak, std::abs(current));
  }
  return steps > 0 ? peak : 1.0;
}

double heavy_ball_safe_mu(double beta, int steps) {
  if (!(beta >= 0 && beta < 1)) throw Error("refinement momentum must be in [0, 1), got " + std::to_string(beta));
  const double upper = 2.0 * (1.0 + beta);
  const int grid = 200000;
  const double h = upper / grid;
  for (int i = 1; i <= grid; ++i)
    if (heavy_ball_peak(i * h, beta, std::max(steps, 1)) > 1.0) return (i - 1) * h;
  return upper;
}

namespace {

double lambda_bound(const Mechanics& mech, double lambda) {
  const double bound_term = mech.n_in() > 0 ? 2.0 / mech.n_in() * mech.pin_norm_squared() : 0.0;
  return lambda + bound_term + 2.0 / mech.n();
}

std::string format(const char* fmt, double a, double b = 0, double c = 0, double d = 0) {
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, fmt, a, b, c, d);
  return buffer;
}

}  // namespace

StepChoice choose_step_auto(const Mechanics& mech, double beta, int steps) {
  StepChoice choice;
  choice.lambda_max = lambda_max_sts(mech);
  choice.lambda_bound = lambda_bound(mech, choice.lambda_max);
  const double mu = heavy_ball_safe_mu(beta, steps);
  choice.eta = kAutoStepMargin * mu / choice.lambda_bound;
  choice.mu_safe = mu;
  choice.margin = kAutoStepMargin;
  choice.automatic = true;
  choice.rule = "auto: eta = " + format("%.2f", kAutoStepMargin) + " * mu* / lambda_bound, mu* = " +
                format("%.6g", mu) + " (largest mu with |p_k(mu)| <= 1 for k <= " + std::to_string(steps) +
                ", beta = " + format("%.6g", beta) + "), lambda_bound = " + format("%.9g", choice.lambda_bound) +
                " = lambda_max((2/m) S^T S) " + format("%.9g", choice.lambda_max) + " + (2/n_in)||Pin||^2 + 2/n";
  return choice;
}

StepChoice choose_step_fixed(const Mechanics& mech, double eta, double beta) {
  if (!(eta > 0) || !std::isfinite(eta))
    throw Error("refinement step must be a positive number or 'auto', got " + std::to_string(eta));
  StepChoice choice;
  choice.lambda_max = lambda_max_sts(mech);
  choice.lambda_bound = lambda_bound(mech, choice.lambda_max);
  choice.eta = eta;
  choice.automatic = false;
  choice.diverges = eta * choice.lambda_max >= 2.0 * (1.0 + beta);
  choice.rule = "fixed: eta = " + format("%.9g", eta) + ", eta * lambda_max = " +
                format("%.6g", eta * choice.lambda_max) + " (stable below 2(1+beta) = " +
                format("%.6g", 2.0 * (1.0 + beta)) + ")";
  return choice;
}

}  // namespace minn::train
