#include "train/metrics.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "common/error.hpp"

namespace minn::train {

FluxMetrics experiment_metrics(const Eigen::VectorXd& truth, const Eigen::VectorXd& predicted, bool clip_at_zero) {
  if (truth.size() != predicted.size() || truth.size() == 0)
    throw Error("metrics: " + std::to_string(truth.size()) + " true vs " + std::to_string(predicted.size()) +
                " predicted fluxes");
  const Eigen::ArrayXd t = truth.array();
  const Eigen::ArrayXd p = clip_at_zero ? Eigen::ArrayXd(predicted.array().max(0.0)) : Eigen::ArrayXd(predicted.array());
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

MetricsSummary summarize(std::vector<FluxMetrics> per_experiment) {
  MetricsSummary s;
  s.per_experiment = std::move(per_experiment);
  if (s.per_experiment.empty()) return s;
  const double n = static_cast<double>(s.per_experiment.size());
  for (const FluxMetrics& m : s.per_experiment) {
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

MetricsSummary summarize_metrics(const Eigen::MatrixXd& truth, const Eigen::MatrixXd& predicted) {
  if (truth.rows() != predicted.rows() || truth.cols() != predicted.cols() || truth.cols() == 0)
    throw Error("metrics: truth and predictions differ in shape or are empty");
  std::vector<FluxMetrics> per;
  for (Eigen::Index j = 0; j < truth.cols(); ++j) per.push_back(experiment_metrics(truth.col(j), predicted.col(j)));
  return summarize(std::move(per));
}

}  // namespace minn::train
