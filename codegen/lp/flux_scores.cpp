#include "lp/flux_scores.hpp"

#include <string>

#include "common/error.hpp"

namespace minn {

FluxScore score_fluxes(const std::vector<double>& t, const std::vector<double>& p, bool clip_at_zero) {
  if (t.size() != p.size() || t.empty()) {
    throw Error("flux scores: " + std::to_string(t.size()) + " measured vs " + std::to_string(p.size()) +
                " predicted fluxes");
  }
  const auto size = static_cast<Eigen::Index>(t.size());
  return train::experiment_metrics(Eigen::Map<const Eigen::VectorXd>(t.data(), size),
                                   Eigen::Map<const Eigen::VectorXd>(p.data(), size), clip_at_zero);
}

}  // namespace minn
