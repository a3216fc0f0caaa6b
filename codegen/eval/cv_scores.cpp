#include "eval/cv_scores.hpp"

#include <cmath>
#include <limits>
#include <string>

#include "common/error.hpp"

namespace minn::eval {

std::vector<double> steady_state_l2(const train::Mechanics& mech, const Eigen::MatrixXd& V) {
  if (V.rows() != mech.n())
    throw Error("L2: flux vectors have " + std::to_string(V.rows()) + " entries, the GEM has " +
                std::to_string(mech.n()) + " reactions");
  const Eigen::MatrixXd SV = mech.S() * V;
  std::vector<double> out;
  for (Eigen::Index j = 0; j < V.cols(); ++j) out.push_back(SV.col(j).squaredNorm() / mech.m());
  return out;
}

CvScores score_predictions(const train::Mechanics& mech, const Eigen::MatrixXd& truth, const Eigen::MatrixXd& fluxes,
                           const std::vector<int>& metric_rows) {
  if (truth.rows() != mech.n_ref() || truth.cols() != fluxes.cols())
    throw Error("scoring: " + std::to_string(truth.rows()) + " x " + std::to_string(truth.cols()) +
                " measured fluxes for " + std::to_string(fluxes.cols()) + " predictions of " +
                std::to_string(mech.n_ref()) + " measured reactions");
  return score_measured(truth, mech.measured(fluxes), metric_rows, steady_state_l2(mech, fluxes));
}

CvScores score_measured(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted,
                        const std::vector<int>& metric_rows, std::vector<double> l2) {
  if (truth.rows() != predicted.rows() || truth.cols() != predicted.cols())
    throw Error("scoring: " + std::to_string(truth.rows()) + " x " + std::to_string(truth.cols()) +
                " measured fluxes for " + std::to_string(predicted.rows()) + " x " +
                std::to_string(predicted.cols()) + " predictions");
  Eigen::MatrixXd t(static_cast<Eigen::Index>(metric_rows.size()), truth.cols()), p(t.rows(), t.cols());
  for (std::size_t i = 0; i < metric_rows.size(); ++i) {
    if (metric_rows[i] < 0 || metric_rows[i] >= truth.rows()) throw Error("scoring: metric row out of range");
    t.row(static_cast<Eigen::Index>(i)) = truth.row(metric_rows[i]);
    p.row(static_cast<Eigen::Index>(i)) = predicted.row(metric_rows[i]);
  }
  CvScores s;
  s.flux = train::summarize_metrics(t, p);
  if (l2.empty()) {
    s.l2.assign(static_cast<std::size_t>(truth.cols()), std::numeric_limits<double>::quiet_NaN());
    s.l2_mean = s.l2_sd = std::numeric_limits<double>::quiet_NaN();
    return s;
  }
  s.l2 = std::move(l2);
  const double n = static_cast<double>(s.l2.size());
  for (double v : s.l2) s.l2_mean += v / n;
  for (double v : s.l2) s.l2_sd += (v - s.l2_mean) * (v - s.l2_mean) / n;
  s.l2_sd = std::sqrt(s.l2_sd);
  return s;
}

}  // namespace minn::eval
