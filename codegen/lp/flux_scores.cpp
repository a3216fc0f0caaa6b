#include "lp/flux_scores.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "common/error.hpp"

namespace minn {

FluxScore score_fluxes(const std::vector<double>& t, std::vector<double> p, bool clip_at_zero) {
  if (t.size() != p.size() || t.empty()) {
    throw Error("flux scores: " + std::to_string(t.size()) + " measured vs " + std::to_string(p.size()) +
                " predicted fluxes");
  }
  if (clip_at_zero) {
    for (double& x : p) x = std::max(x, 0.0);
  }
  const double k = static_cast<double>(t.size());
  double t_mean = 0.0, p_mean = 0.0, abs_err = 0.0, sq_err = 0.0, t_sq = 0.0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    t_mean += t[i] / k;
    p_mean += p[i] / k;
    abs_err += std::fabs(t[i] - p[i]);
    sq_err += (t[i] - p[i]) * (t[i] - p[i]);
    t_sq += t[i] * t[i];
  }
  double stp = 0.0, stt = 0.0, spp = 0.0;
  for (std::size_t i = 0; i < t.size(); ++i) {
    stp += (t[i] - t_mean) * (p[i] - p_mean);
    stt += (t[i] - t_mean) * (t[i] - t_mean);
    spp += (p[i] - p_mean) * (p[i] - p_mean);
  }
  FluxScore s;
  s.mae = abs_err / k;
  s.rmse = std::sqrt(sq_err / k);
  s.ne = t_sq > 0.0 ? std::sqrt(sq_err / t_sq) : 0.0;
  s.r2 = (stt > 0.0 && spp > 0.0) ? stp * stp / (stt * spp) : 0.0;
  return s;
}

FluxScoreSummary summarize_scores(const std::vector<FluxScore>& per) {
  FluxScoreSummary s;
  s.per_experiment = per;
  if (per.empty()) return s;
  const double n = static_cast<double>(per.size());
  for (const FluxScore& f : per) {
    s.mean.r2 += f.r2 / n;
    s.mean.mae += f.mae / n;
    s.mean.rmse += f.rmse / n;
    s.mean.ne += f.ne / n;
  }
  for (const FluxScore& f : per) {
    s.sd.r2 += (f.r2 - s.mean.r2) * (f.r2 - s.mean.r2) / n;
    s.sd.mae += (f.mae - s.mean.mae) * (f.mae - s.mean.mae) / n;
    s.sd.rmse += (f.rmse - s.mean.rmse) * (f.rmse - s.mean.rmse) / n;
    s.sd.ne += (f.ne - s.mean.ne) * (f.ne - s.mean.ne) / n;
  }
  s.sd.r2 = std::sqrt(s.sd.r2);
  s.sd.mae = std::sqrt(s.sd.mae);
  s.sd.rmse = std::sqrt(s.sd.rmse);
  s.sd.ne = std::sqrt(s.sd.ne);
  return s;
}

}  // namespace minn
