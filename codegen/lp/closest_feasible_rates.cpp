#include "lp/closest_feasible_rates.hpp"

#include <algorithm>
#include <cmath>

#include "lp/fit_projection.hpp"

namespace minn {

std::vector<double> closest_feasible_rates(const Gem& gem, const std::vector<BoundChange>& changes,
                                           const std::vector<int>& reactions, const std::vector<double>& measured,
                                           const std::string& what) {
  Gem bounded = gem;
  for (const BoundChange& c : changes) {
    bounded.reactions[static_cast<std::size_t>(c.reaction)].lower_bound = c.lower;
    bounded.reactions[static_cast<std::size_t>(c.reaction)].upper_bound = c.upper;
  }
  // Relative distance: rate j enters as v_j / w_j with w_j = |measured_j|, its column of S scaled by
  // w_j and its bounds by 1 / w_j (the same space). In absolute units a growth rate (about 0.2 1/h)
  // is far cheaper to move than a CO2 rate (about 5 mmol/gDW/h), and the projection sends growth to 0.
  std::vector<double> weight, target;
  for (std::size_t k = 0; k < reactions.size(); ++k) {
    const double w = std::max(std::abs(measured[k]), 1e-3);  // a zero measurement: absolute units
    Reaction& r = bounded.reactions[static_cast<std::size_t>(reactions[k])];
    for (auto& entry : r.stoichiometry) entry.second *= w;
    r.lower_bound /= w;
    r.upper_bound /= w;
    r.objective_coefficient *= w;
    weight.push_back(w);
    target.push_back(measured[k] / w);
  }
  FitProjector projector(bounded, reactions);
  const FitProjection fit = projector.project(target, what);
  std::vector<double> out;
  for (std::size_t k = 0; k < reactions.size(); ++k)
    out.push_back(fit.fluxes[static_cast<std::size_t>(reactions[k])] * weight[k]);
  return out;
}

}  // namespace minn
