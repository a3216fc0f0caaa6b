#include "train/linear_base.hpp"

#include <Eigen/SparseCholesky>
#include <Eigen/SparseLU>
#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "train/metrics.hpp"
#include "train/ridge.hpp"

namespace minn::train {
namespace {

Eigen::MatrixXd yields_of(const Eigen::MatrixXd& targets, const Eigen::VectorXd& uptake) {
  if (targets.cols() != uptake.size() || targets.cols() < 2)
    throw Error("ridge base: " + std::to_string(targets.cols()) + " samples of targets, " +
                std::to_string(uptake.size()) + " uptakes; expected the same number, at least 2");
  Eigen::MatrixXd Y = targets;
  for (Eigen::Index j = 0; j < Y.cols(); ++j) {
    if (!(uptake(j) > 0) || !std::isfinite(uptake(j)))
      throw Error("ridge base: the glucose uptake of training sample " + std::to_string(j) + " is " +
                  std::to_string(uptake(j)) + "; expected a positive finite value");
    Y.col(j) /= uptake(j);
  }
  return Y;
}

Eigen::MatrixXd without_column(const Eigen::MatrixXd& m, Eigen::Index j) {
  Eigen::MatrixXd out(m.rows(), m.cols() - 1);
  out << m.leftCols(j), m.rightCols(m.cols() - j - 1);
  return out;
}

// The linear map (n x n_ref) from measured yields to every reaction: a measured reaction takes its
// value (the mean of its Pref rows if measured twice); the others the least-norm fluxes that best
// balance them, d_u = argmin ||S_u d_u + S_m y_m||^2 + eps ||d_u||^2, eps = 1e-6 of the largest
// diagonal entry of S_u^T S_u.
Eigen::MatrixXd completion_map(const Mechanics& mech) {
  const int n = mech.n(), n_ref = mech.n_ref();
  std::vector<int> measured_slot(static_cast<std::size_t>(n), -1);
  std::vector<int> unmeasured_slot(static_cast<std::size_t>(n), -1);
  std::vector<int> measured;  // reaction of each measured slot
  Eigen::MatrixXd A = Eigen::MatrixXd::Zero(n, n_ref);  // rows: reactions; averaging of the Pref rows
  for (int i = 0; i < n_ref; ++i) {
    const int r = mech.pref()[static_cast<std::size_t>(i)];
    if (measured_slot[static_cast<std::size_t>(r)] < 0) {
      measured_slot[static_cast<std::size_t>(r)] = static_cast<int>(measured.size());
      measured.push_back(r);
    }
    A(r, i) = 1;
  }
  for (int r : measured) A.row(r) /= A.row(r).sum();
  int unmeasured = 0;
  for (int r = 0; r < n; ++r)
    if (measured_slot[static_cast<std::size_t>(r)] < 0) unmeasured_slot[static_cast<std::size_t>(r)] = unmeasured++;
  // S split by columns into the unmeasured (S_u) and measured (S_m) reactions.
  std::vector<Eigen::Triplet<double>> u_entries, m_entries;
  const SparseRowMatrix& S = mech.S();
  for (int row = 0; row < S.outerSize(); ++row)
    for (SparseRowMatrix::InnerIterator it(S, row); it; ++it) {
      const int c = static_cast<int>(it.col());
      if (unmeasured_slot[static_cast<std::size_t>(c)] >= 0)
        u_entries.emplace_back(row, unmeasured_slot[static_cast<std::size_t>(c)], it.value());
      else
        m_entries.emplace_back(row, measured_slot[static_cast<std::size_t>(c)], it.value());
    }
  Eigen::SparseMatrix<double> Su(S.rows(), unmeasured), Sm(S.rows(), static_cast<Eigen::Index>(measured.size()));
  Su.setFromTriplets(u_entries.begin(), u_entries.end());
  Sm.setFromTriplets(m_entries.begin(), m_entries.end());
  Eigen::MatrixXd F = Eigen::MatrixXd::Zero(n, n_ref);
  for (int r : measured) F.row(r) = A.row(r);
  if (unmeasured == 0) return F;
  Eigen::SparseMatrix<double> H = (Su.transpose() * Su).eval();
  double largest = 0;
  for (Eigen::Index i = 0; i < H.rows(); ++i) largest = std::max(largest, H.coeff(i, i));
  Eigen::SparseMatrix<double> eps_identity(unmeasured, unmeasured);
  eps_identity.setIdentity();
  H += eps_identity * (1e-6 * std::max(largest, 1.0));
  Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> solver(H);
  if (solver.info() != Eigen::Success) throw Error("ridge base: the completion's normal matrix is not positive definite");
  Eigen::MatrixXd measured_of_ref(static_cast<Eigen::Index>(measured.size()), n_ref);  // y_m = A_m y
  for (std::size_t k = 0; k < measured.size(); ++k) measured_of_ref.row(static_cast<Eigen::Index>(k)) = A.row(measured[k]);
  const Eigen::MatrixXd rhs = -(Su.transpose() * (Sm * measured_of_ref));
  const Eigen::MatrixXd G = solver.solve(rhs);  // unmeasured x n_ref
  for (int r = 0; r < n; ++r)
    if (unmeasured_slot[static_cast<std::size_t>(r)] >= 0) F.row(r) = G.row(unmeasured_slot[static_cast<std::size_t>(r)]);
  return F;
}

}  // namespace

double choose_ridge_lambda(const Eigen::MatrixXd& Xs, const Eigen::MatrixXd& targets, const Eigen::VectorXd& uptake,
                           double* loo_ne, const Eigen::MatrixXd* explained) {
  Eigen::MatrixXd Y = yields_of(targets, uptake);
  if (explained) {
    if (explained->rows() != Y.rows() || explained->cols() != Y.cols())
      throw Error("ridge base: the explained yields do not match the targets");
    Y -= *explained;
  }
  if (Xs.cols() != Y.cols()) throw Error("ridge base: inputs and targets disagree on the number of samples");
  const Eigen::Index N = Y.cols();
  double best = std::numeric_limits<double>::infinity(), chosen = ridge_lambdas().front();
  for (double lambda : ridge_lambdas()) {
    double sum = 0;
    for (Eigen::Index j = 0; j < N; ++j) {
      Eigen::VectorXd yield = ridge_predict(without_column(Xs, j), without_column(Y, j), Xs.col(j), lambda);
      if (explained) yield += explained->col(j);
      sum += experiment_metrics(targets.col(j), yield * uptake(j)).ne;
    }
    if (sum < best) {  // strict: ties keep the smaller lambda
      best = sum;
      chosen = lambda;
    }
  }
  if (loo_ne) *loo_ne = best / static_cast<double>(N);
  return chosen;
}

namespace {

// argmin sum_r w_r (v_r - target_r)^2 + eps ||v||^2  s.t.  S v = 0, v_c = 0 (c in closed),
// v_f = value (fixed), v >= 0: equality-constrained least squares by its KKT system, with the
// reactions that come out negative added to the closed set until none does (an active-set pass:
// each round closes at least one more reaction, so at most n rounds).
Eigen::VectorXd nearest_steady_state(const Mechanics& mech, const Eigen::VectorXd& target, const Eigen::VectorXd& weight,
                                     std::vector<int> closed, const std::vector<std::pair<int, double>>& fixed) {
  const int n = mech.n(), m = mech.m();
  const SparseRowMatrix& S = mech.S();
  for (int round = 0; round <= n; ++round) {
    const int rows = m + static_cast<int>(closed.size() + fixed.size());
    std::vector<Eigen::Triplet<double>> t;
    Eigen::VectorXd rhs = Eigen::VectorXd::Zero(n + rows);
    rhs.head(n) = 2 * weight.cwiseProduct(target);
    const Eigen::VectorXd diag = 2 * weight.array() + 2e-6;
    for (int r = 0; r < n; ++r) t.emplace_back(r, r, diag(r));
    for (int row = 0; row < S.outerSize(); ++row)
      for (SparseRowMatrix::InnerIterator it(S, row); it; ++it) {
        t.emplace_back(n + row, static_cast<int>(it.col()), it.value());
        t.emplace_back(static_cast<int>(it.col()), n + row, it.value());
      }
    int row = n + m;
    for (int r : closed) {
      t.emplace_back(row, r, 1.0);
      t.emplace_back(r, row, 1.0);
      ++row;
    }
    for (const auto& f : fixed) {
      t.emplace_back(row, f.first, 1.0);
      t.emplace_back(f.first, row, 1.0);
      rhs(row) = f.second;
      ++row;
    }
    // -delta on the multipliers' block: S has dependent rows (conserved moieties), which make the
    // plain KKT matrix singular; the regularised one is quasi-definite.
    for (int k = n; k < n + rows; ++k) t.emplace_back(k, k, -1e-10);
    Eigen::SparseMatrix<double> K(n + rows, n + rows);
    K.setFromTriplets(t.begin(), t.end());
    Eigen::SparseLU<Eigen::SparseMatrix<double>> lu;
    lu.compute(K);
    if (lu.info() != Eigen::Success) throw Error("knockout responses: the KKT system is singular");
    const Eigen::VectorXd v = lu.solve(rhs).head(n);
    if (!v.allFinite()) throw Error("knockout responses: non-finite solution");
    bool negative = false;
    for (int r = 0; r < n; ++r)
      if (v(r) < -1e-9 && std::find(closed.begin(), closed.end(), r) == closed.end()) {
        closed.push_back(r);
        negative = true;
      }
    if (!negative) return v.cwiseMax(0.0);
  }
  throw Error("knockout responses: no non-negative solution");
}

}  // namespace

Eigen::MatrixXd knockout_responses(const Mechanics& mech, const Eigen::VectorXd& y,
                                   const std::vector<std::vector<int>>& closes, const std::vector<int>& held,
                                   const std::vector<int>& held_at_zero) {
  if (y.size() != mech.n_ref()) throw Error("knockout responses: " + std::to_string(y.size()) + " yields for " +
                                            std::to_string(mech.n_ref()) + " measured reactions");
  Eigen::MatrixXd out = Eigen::MatrixXd::Zero(mech.n(), static_cast<Eigen::Index>(closes.size()));
  bool any = false;
  for (const std::vector<int>& c : closes) any = any || !c.empty();
  if (!any) return out;
  // The wild type nearest the measured yields; each knockout nearest the wild type over every
  // reaction (MOMA's minimal adjustment), so a reaction the wild type does not use changes nothing.
  Eigen::VectorXd target = Eigen::VectorXd::Zero(mech.n()), weight = Eigen::VectorXd::Zero(mech.n());
  for (int i = 0; i < mech.n_ref(); ++i) {
    const int r = mech.pref()[static_cast<std::size_t>(i)];
    target(r) = y(i);
    weight(r) = 1;
  }
  std::vector<std::pair<int, double>> fixed;
  for (int r : held)
    if (weight(r) > 0) fixed.emplace_back(r, std::max(target(r), 0.0));
  for (int r : held_at_zero) fixed.emplace_back(r, 0.0);
  const Eigen::VectorXd wild_type = nearest_steady_state(mech, target, weight, {}, fixed);
  const Eigen::VectorXd everywhere = Eigen::VectorXd::Ones(mech.n());
  for (std::size_t j = 0; j < closes.size(); ++j)
    if (!closes[j].empty())
      out.col(static_cast<Eigen::Index>(j)) =
          nearest_steady_state(mech, wild_type, everywhere, closes[j], fixed) - wild_type;
  return out;
}

LinearYieldBase fit_linear_yield_base(const Mechanics& mech, const Eigen::MatrixXd& Xs,
                                      const Eigen::MatrixXd& targets, const Eigen::VectorXd& uptake,
                                      const std::vector<std::vector<int>>& closes, const std::vector<int>& held,
                                      const std::vector<int>& held_at_zero) {
  if (targets.rows() != mech.n_ref())
    throw Error("ridge base: " + std::to_string(targets.rows()) + " target rows for " +
                std::to_string(mech.n_ref()) + " measured reactions");
  if (!closes.empty() && static_cast<Eigen::Index>(closes.size()) != Xs.rows())
    throw Error("ridge base: " + std::to_string(closes.size()) + " knockout lists for " + std::to_string(Xs.rows()) +
                " inputs");
  LinearYieldBase base;
  const Eigen::MatrixXd yields = yields_of(targets, uptake);
  // The mechanistic part first (zero without genotype inputs); the ridge fits the rest.
  Eigen::MatrixXd responses = Eigen::MatrixXd::Zero(mech.n(), Xs.rows());
  if (!closes.empty()) responses = knockout_responses(mech, yields.rowwise().mean(), closes, held, held_at_zero);
  const Eigen::MatrixXd explained = mech.measured(responses) * Xs;
  const Eigen::MatrixXd rest = yields - explained;
  base.lambda = choose_ridge_lambda(Xs, targets, uptake, nullptr, &explained);
  const RidgeFit fit = ridge_fit(Xs, rest, base.lambda);
  const Eigen::MatrixXd F = completion_map(mech);
  base.L = F * fit.W + responses;
  base.offset = F * (fit.y_mean - fit.W * fit.x_mean);
  if (!base.L.allFinite() || !base.offset.allFinite()) throw Error("ridge base: non-finite completion");
  return base;
}

Network fold_linear_base(const Network& net, const Eigen::MatrixXd& L) {
  const int F = net.inputs(), H = net.hidden(), n = net.outputs();
  if (L.rows() != n || L.cols() != F)
    throw Error("fold ridge base: L is " + std::to_string(L.rows()) + " x " + std::to_string(L.cols()) +
                ", expected " + std::to_string(n) + " x " + std::to_string(F));
  Network out(F, H + 2 * F, n);
  Eigen::VectorXd& p = out.parameters();
  p.setZero();
  auto W1 = out.W1(p);
  auto b1 = out.b1(p);
  auto W2 = out.W2(p);
  W1.topRows(H) = net.W1();
  W1.middleRows(H, F).setIdentity();
  W1.bottomRows(F) = -Eigen::MatrixXd::Identity(F, F);
  b1.head(H) = net.b1();
  W2.leftCols(H) = net.W2();
  W2.middleCols(H, F) = L;
  W2.rightCols(F) = -L;
  out.b2(p) = net.b2();
  return out;
}

}  // namespace minn::train
