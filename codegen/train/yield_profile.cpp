#include "train/yield_profile.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string>

#include "common/error.hpp"

namespace minn::train {

Eigen::VectorXd mean_yields(const Eigen::MatrixXd& targets, const Eigen::VectorXd& uptake) {
  if (targets.cols() != uptake.size() || targets.cols() == 0)
    throw Error("mean yields: " + std::to_string(targets.cols()) + " samples of targets, " +
                std::to_string(uptake.size()) + " uptakes; expected the same positive number");
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(targets.rows());
  for (Eigen::Index j = 0; j < targets.cols(); ++j) {
    if (!(uptake(j) > 0) || !std::isfinite(uptake(j)))
      throw Error("uptake normalisation: the glucose uptake of training sample " + std::to_string(j) + " is " +
                  std::to_string(uptake(j)) + "; expected a positive finite value");
    sum += targets.col(j) / uptake(j);
  }
  return sum / static_cast<double>(targets.cols());
}

Eigen::VectorXd complete_yield_profile(const Mechanics& mech, const Eigen::VectorXd& y, int iterations) {
  if (y.size() != mech.n_ref())
    throw Error("yield profile: " + std::to_string(y.size()) + " measured yields for " +
                std::to_string(mech.n_ref()) + " measured reactions");
  const SparseRowMatrix& S = mech.S();
  const std::vector<int>& pref = mech.pref();
  const Eigen::Index n = mech.n();
  // Curvature bound: lambda_max(S^T S) by power iteration, plus ||Pref||^2. The fixed start is not
  // the all-ones vector: that one lies in the null space of any balanced chain (and would
  // report lambda = 0, then diverge).
  Eigen::VectorXd x(n);
  for (Eigen::Index i = 0; i < n; ++i) x(i) = 1.0 + 0.5 * std::sin(static_cast<double>(i) + 1.0);
  x.normalize();
  double lambda = 0;
  for (int k = 0; k < 100; ++k) {
    const Eigen::VectorXd w = S.transpose() * (S * x);
    lambda = w.norm();
    if (!(lambda > 0)) break;
    x = w / lambda;
  }
  std::map<int, int> multiplicity;
  int pref_norm2 = 0;
  for (int r : pref) pref_norm2 = std::max(pref_norm2, ++multiplicity[r]);
  const double eps = 1e-6 * (lambda * 1.01 + pref_norm2);
  const double L = 2 * (lambda * 1.01 + pref_norm2 + eps);  // 1 % above the power estimate

  Eigen::VectorXd v = Eigen::VectorXd::Zero(n), v_prev = v, z = v, grad(n);
  double t = 1;
  for (int k = 0; k < iterations; ++k) {
    grad = 2 * (S.transpose() * (S * z)) + 2 * eps * z;
    for (std::size_t i = 0; i < pref.size(); ++i) grad(pref[i]) += 2 * (z(pref[i]) - y(static_cast<Eigen::Index>(i)));
    v_prev = v;
    v = (z - grad / L).cwiseMax(0.0);
    const double t_next = (1 + std::sqrt(1 + 4 * t * t)) / 2;
    z = v + ((t - 1) / t_next) * (v - v_prev);
    t = t_next;
  }
  if (!v.allFinite()) throw Error("yield profile: the completion did not converge (non-finite fluxes)");
  return v;
}

}  // namespace minn::train
