#include "lp/closest_feasible_rates.hpp"

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
  FitProjector projector(bounded, reactions);
  const FitProjection fit = projector.project(measured, what);
  std::vector<double> out;
  for (int j : reactions) out.push_back(fit.fluxes[static_cast<std::size_t>(j)]);
  return out;
}

}  // namespace minn
