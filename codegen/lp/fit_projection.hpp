// FBA-fit projection: the flux vector closest (Euclidean, on the measured reactions) to measured
// fluxes inside the FBA solution space: min ||P v - t||^2  s.t.  S v = 0, lb <= v <= ub.
// A convex QP solved with CLP's quadratic objective support; every answer is certified with
// the Frank-Wolfe gap (an LP over the same space), an upper bound on its distance from optimal.
#pragma once
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "lp/flux_lp.hpp"

namespace minn {

struct FitProjection {
  std::vector<double> fluxes;      // per reaction of the GEM
  double distance = 0.0;           // ||P v - t||_2
  double optimality_gap = 0.0;     // f(v) - min f <= this (Frank-Wolfe bound on the squared distance)
  double max_balance_residual = 0.0;   // ||S v||_inf
  double max_bound_violation = 0.0;    // max over reactions of how far v leaves [lb, ub]
};

// Projects many measurement vectors on the same measured reactions, re-using one LP/QP.
class FitProjector {
 public:
  // `measured`: reaction indices (distinct) of `gem` that P selects, in target order.
  FitProjector(const Gem& gem, std::vector<int> measured);
  ~FitProjector();
  // `targets`: one value per measured reaction; `what` names the sample in errors.
  FitProjection project(const std::vector<double>& targets, const std::string& what);

 private:
  const Gem& gem_;
  std::vector<int> measured_;
  std::vector<int> hessian_start_, hessian_column_;  // H = 2 P'P, column-ordered
  std::vector<double> hessian_value_;
  FluxLp lp_;   // the certificate LP (warm-started across samples)
};

// ||S v||_inf and the worst bound violation of `v` for `gem` (independent of the solver).
double balance_residual(const Gem& gem, const std::vector<double>& v);
double bound_violation(const Gem& gem, const std::vector<double>& v);

}  // namespace minn
