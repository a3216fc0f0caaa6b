#include "eval/baselines.hpp"

#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "train/linear_base.hpp"
#include "train/ridge.hpp"
#include "train/scaler.hpp"
#include "train/yield_profile.hpp"

namespace minn::eval {
namespace {

Eigen::MatrixXd columns(const Eigen::MatrixXd& m, const std::vector<int>& cols) {
  Eigen::MatrixXd out(m.rows(), static_cast<Eigen::Index>(cols.size()));
  for (std::size_t j = 0; j < cols.size(); ++j) out.col(static_cast<Eigen::Index>(j)) = m.col(cols[j]);
  return out;
}

Eigen::VectorXd uptakes(const BaselineProblem& p, const std::vector<int>& cols) {
  return columns(p.inputs.row(p.uptake_input), cols).row(0).transpose();
}

// The ridge's input scaling: min-max fitted on the training columns, clipped as the MINN's.
train::MinMaxScaler ridge_scaler(const BaselineProblem& p, const std::vector<int>& train) {
  train::MinMaxScaler scaler = train::MinMaxScaler::fit(columns(p.inputs, train));
  scaler.clip = p.clip_inputs;
  return scaler;
}

}  // namespace

Eigen::MatrixXd fit_and_predict(BaselineKind kind, const BaselineProblem& p, const std::vector<int>& train,
                                const std::vector<int>& predict, double lambda) {
  if (train.empty()) throw Error("baseline: no training rows");
  const Eigen::MatrixXd T = columns(p.targets, train);
  const Eigen::Index n_out = static_cast<Eigen::Index>(predict.size());
  if (kind == BaselineKind::MeanProfile) return T.rowwise().mean().replicate(1, n_out);
  const Eigen::VectorXd u_new = uptakes(p, predict);
  if (kind == BaselineKind::ScaledProfile) {
    const Eigen::VectorXd yields = train::mean_yields(T, uptakes(p, train));
    return yields * u_new.transpose();
  }
  // Ridge on the yields (either lambda rule); inputs scaled as the MINN scales them (fit on the training rows).
  const Eigen::VectorXd u = uptakes(p, train);
  if (!(u.minCoeff() > 0)) throw Error("ridge baseline: a training row has a non-positive glucose uptake");
  Eigen::MatrixXd Y = T;
  for (Eigen::Index j = 0; j < Y.cols(); ++j) Y.col(j) /= u(j);
  const train::MinMaxScaler scaler = ridge_scaler(p, train);
  const Eigen::MatrixXd yields = train::ridge_predict(scaler.transform(columns(p.inputs, train)), Y,
                                                      scaler.transform(columns(p.inputs, predict)), lambda);
  return yields * u_new.cwiseMax(0.0).asDiagonal();
}

std::vector<OuterResult> run_baseline(BaselineKind kind, const BaselineProblem& p, const std::vector<int>& outer,
                                      std::vector<double>* chosen_lambda) {
  const int N = static_cast<int>(p.targets.cols());
  if (p.inputs.cols() != N) throw Error("baseline: inputs and targets disagree on the number of experiments");
  if (p.uptake_input < 0 || p.uptake_input >= p.inputs.rows()) throw Error("baseline: no glucose uptake input");
  std::vector<OuterResult> results;
  for (int e : outer) {
    std::vector<int> rows;
    for (int r = 0; r < N; ++r)
      if (r != e) rows.push_back(r);
    OuterResult o;
    o.experiment = e;
    o.validation_ne = std::numeric_limits<double>::quiet_NaN();
    double lambda = 0;
    if (kind == BaselineKind::Ridge) {
      // The MINN search's inner folds of this outer split; the lambda with the lowest mean
      // validation NE wins (ties to the smaller lambda, the first in the grid).
      const std::vector<Fold> folds = inner_folds(rows, p.folds, p.seed, e);
      double best = std::numeric_limits<double>::infinity();
      for (double l : train::ridge_lambdas()) {
        double sum = 0;
        for (const Fold& f : folds) {
          const Eigen::MatrixXd pred = fit_and_predict(kind, p, f.train, f.validation, l);
          sum += mean_validation_ne(columns(p.targets, f.validation), pred, p.metric_rows);
        }
        const double ne = sum / static_cast<double>(folds.size());
        if (ne < best) {
          best = ne;
          lambda = l;
        }
      }
      o.validation_ne = best;
      if (chosen_lambda) chosen_lambda->push_back(lambda);
    } else if (kind == BaselineKind::RidgeLeaveOneOut) {
      lambda = train::choose_ridge_lambda(ridge_scaler(p, rows).transform(columns(p.inputs, rows)),
                                          columns(p.targets, rows), uptakes(p, rows), &o.validation_ne);
      if (chosen_lambda) chosen_lambda->push_back(lambda);
    }
    o.measured = fit_and_predict(kind, p, rows, {e}, lambda).col(0);
    results.push_back(std::move(o));
  }
  return results;
}

}  // namespace minn::eval
