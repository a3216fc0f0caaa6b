#include "plant/dfba_lp.hpp"

#include <string>

#include "common/error.hpp"
#include "lp/fba.hpp"
#include "lp/knockout.hpp"

namespace minn::plant {
namespace {

int required_exchange(const Gem& gem, const std::string& id, const std::string& source) {
  const int j = gem.reaction_index(id);
  if (j < 0) throw Error(source + ": model '" + gem.id + "' has no exchange '" + id + "', which the plant needs");
  return j;
}

// Gene names or ids as a scenario writes them -> GEM gene ids (as `minnc fba --ko` accepts them).
std::vector<std::string> gene_ids(const Gem& gem, const std::vector<std::string>& names, const std::vector<int>& lines,
                                  const std::string& source) {
  std::vector<std::string> ids;
  for (std::size_t k = 0; k < names.size(); ++k) {
    const std::string& name = names[k];
    std::string found;
    for (const Gene& g : gem.genes)
      if (g.id == name || g.id == "G_" + name || g.name == name) found = g.id;
    if (found.empty()) {
      const std::string at = k < lines.size() && lines[k] > 0 ? source + ":" + std::to_string(lines[k]) : source;
      throw Error(at + ": knockout '" + name + "': model '" + gem.id + "' has no gene with this name or id");
    }
    ids.push_back(found);
  }
  return ids;
}

}  // namespace

DfbaLp::DfbaLp(const Gem& gem, const std::vector<std::string>& knockouts, const std::vector<int>& knockout_lines,
               const std::string& source)
    : gem_(gem), source_(source), lp_(gem, Columns::SplitVariables), growth_(gem_objective(gem)), knocked_out_(gem.reactions.size()) {
  if (growth_.empty()) throw Error(source + ": model '" + gem.id + "' has no objective (biomass) reaction");
  glucose_ = required_exchange(gem, kGlucoseExchange, source);
  oxygen_ = required_exchange(gem, kOxygenExchange, source);
  co2_ = required_exchange(gem, kCo2Exchange, source);
  acetate_ = gem.reaction_index(kAcetateExchange);
  for (std::size_t j = 0; j < gem.reactions.size(); ++j) {
    if (gem.reactions[j].lower_bound > 0.0) maintenance_.emplace_back(static_cast<int>(j), 1.0);
  }
  const std::vector<BoundChange> ko = knockout_changes(gem, gene_ids(gem, knockouts, knockout_lines, source));
  lp_.apply(ko);
  for (const BoundChange& c : ko) knocked_out_[static_cast<std::size_t>(c.reaction)] = true;
  if (acetate_ >= 0) bound_exchange(acetate_, 0.0);
}

void DfbaLp::bound_exchange(int j, double lower) {
  if (knocked_out_[static_cast<std::size_t>(j)]) return;  // a knockout wins over the medium
  lp_.set_reaction_bounds(j, lower, gem_.reactions[static_cast<std::size_t>(j)].upper_bound);
}

CellRates DfbaLp::solve(double glucose_uptake_bound, double oxygen_uptake_bound) {
  bound_exchange(glucose_, -glucose_uptake_bound);
  bound_exchange(oxygen_, -oxygen_uptake_bound);
  const Sense sense = gem_.objective_maximize ? Sense::Maximize : Sense::Minimize;
  lp_.set_objective(growth_, sense);
  CellRates r;
  if (lp_.solve_if_feasible("dFBA: maximal growth")) {
    const PfbaSolution s = pfba(lp_, growth_, sense, 1.0);  // warm: the first solve takes 0 iterations
    r.growth_per_h = s.objective;
    r.fluxes = s.fluxes;
    return r;
  }
  // Starvation: growth 0, maintenance as high as the substrate allows.
  if (maintenance_.empty()) {
    throw Error(source_ + ": model '" + gem_.id + "' cannot carry flux at glucose uptake <= " +
                std::to_string(glucose_uptake_bound) + " and O2 uptake <= " + std::to_string(oxygen_uptake_bound) +
                " mmol/gDW/h, and has no maintenance reaction to relax");
  }
  for (const auto& [j, coef] : growth_) lp_.set_reaction_bounds(j, 0.0, 0.0);
  for (const auto& [j, coef] : maintenance_) lp_.set_reaction_bounds(j, 0.0, gem_.reactions[static_cast<std::size_t>(j)].upper_bound);
  const PfbaSolution s = pfba(lp_, maintenance_, Sense::Maximize, 1.0);
  for (const auto& terms : {growth_, maintenance_}) {
    for (const auto& [j, coef] : terms) {
      const Reaction& reaction = gem_.reactions[static_cast<std::size_t>(j)];
      if (!knocked_out_[static_cast<std::size_t>(j)]) lp_.set_reaction_bounds(j, reaction.lower_bound, reaction.upper_bound);
    }
  }
  r.growth_per_h = 0.0;
  r.fluxes = s.fluxes;
  r.maintenance_limited = true;
  return r;
}

}  // namespace minn::plant
