#include "lp/fba.hpp"

#include "common/error.hpp"

namespace minn {

FbaSolution fba(const Gem& gem, const std::vector<BoundChange>& changes) {
  FluxLp lp(gem);
  lp.apply(changes);
  FbaSolution s;
  s.objective = lp.solve("FBA");
  s.fluxes = lp.fluxes();
  return s;
}

PfbaSolution pfba(FluxLp& lp, const LinearTerms& objective, Sense sense, double fraction) {
  if (lp.layout() != Columns::SplitVariables) {
    throw Error("model '" + lp.model_id() + "': pFBA needs the split-variable LP");
  }
  if (!(fraction >= 0.0 && fraction <= 1.0)) {
    throw Error("model '" + lp.model_id() + "': pFBA fraction_of_optimum " +
                std::to_string(fraction) + ", expected a value in [0, 1]");
  }
  lp.set_objective(objective, sense);
  const double optimum = lp.solve("pFBA: optimising the objective");
  const double bound = fraction * optimum;
  const int row = sense == Sense::Maximize ? lp.add_row(objective, bound, kInfinity)
                                           : lp.add_row(objective, -kInfinity, bound);
  lp.set_objective_total_flux();
  PfbaSolution s;
  // The objective changed, so the previous basis is still primal feasible: continue with primal.
  s.total_flux = lp.solve("pFBA: minimising the total flux", Simplex::Primal);
  s.fluxes = lp.fluxes();
  for (const auto& [j, coef] : objective) s.objective += coef * s.fluxes[j];
  lp.delete_row(row);
  return s;
}

PfbaSolution pfba(const Gem& gem, double fraction, const std::vector<BoundChange>& changes) {
  FluxLp lp(gem, Columns::SplitVariables);
  lp.apply(changes);
  return pfba(lp, gem_objective(gem), gem.objective_maximize ? Sense::Maximize : Sense::Minimize,
              fraction);
}

}  // namespace minn
