#include "train/metrics.hpp"

#include <cmath>
#include <string>

#include "common/error.hpp"

namespace minn::train {

FluxMetrics experiment_metrics(const Eigen::VectorXd& truth, const Eigen::VectorXd& predicted) {
  if (truth.size() != predicted.size() || truth.size() == 0)
    throw Error("metrics: " + std::to_string(truth.size()) + " true vs " + std::to_string(predicted.size()) +
                " predicted fluxes");
  const Eigen::ArrayXd t = truth.array();
  const Eigen::ArrayXd p = predicted.array().max(0.0);
  const Eigen::ArrayXd e = t - p;
  const double k = static_cast<double>(t.size());
  FluxMetrics m;
  m.mae = e.abs().mean();
  m.rmse = std::sqrt(e.square().mean());
  const double t_norm = std::sqrt(t.square().sum());
  m.ne = t_norm > 0 ? std::sqrt(e.square().sum()) / t_norm : 0.0;
  const Eigen::ArrayXd tc = t - t.sum() / k, pc = p - p.sum() / k;
  const double stt = tc.square().sum(), spp = pc.square().sum();
  m.r2 = (stt > 0 && spp > 0) ? (tc * pc).sum() * (tc * pc).sum() / (stt * spp) : 0.0;
  return m;
}

MetricsSummary summarize_metrics(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted) {
  if (truth.rows() != predicted.rows() || truth.cols() != predicted.cols() || truth.cols() == 0)
    throw Error("metrics: truth and predictions differ in shape or are empty");
  MetricsSummary s;
  const double n = static_cast<double>(truth.cols());
  for (Eigen::Index j = 0; j < truth.cols(); ++j) {
    s.per_experiment.push_back(experiment_metrics(truth.col(j), predicted.col(j)));
    const FluxMetrics& m = s.per_experiment.back();
    s.mean.r2 += m.r2 / n;
    s.mean.mae += m.mae / n;
    s.mean.rmse += m.rmse / n;
    s.mean.ne += m.ne / n;
  }
  for (const FluxMetrics& m : s.per_experiment) {
    s.sd.r2 += (m.r2 - s.mean.r2) * (m.r2 - s.mean.r2) / n;
    s.sd.mae += (m.mae - s.mean.mae) * (m.mae - s.mean.mae) / n;
    s.sd.rmse += (m.rmse - s.mean.rmse) * (m.rmse - s.mean.rmse) / n;
    s.sd.ne += (m.ne - s.mean.ne) * (m.ne - s.mean.ne) / n;
  }
  s.sd.r2 = std::sqrt(s.sd.r2);
  s.sd.mae = std::sqrt(s.sd.mae);
  s.sd.rmse = std::sqrt(s.sd.rmse);
  s.sd.ne = std::sqrt(s.sd.ne);
  return s;
}

}  // namespace minn::train
