#include "lp/reduce.hpp"

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "lp/fba.hpp"
#include "lp/fva.hpp"
#include "lp/json_writer.hpp"
#include "lp/knockout.hpp"
#include "lp/subset_gem.hpp"

namespace minn {
namespace {

// splitmix64: tiny, well-mixed and identical on every platform (std distributions are not).
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  double uniform01() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0, 1)
};

// Counts of the split model, from the per-reaction extremes (max positive and negative flux).
void count_split(const Gem& gem, const std::vector<int>& kept, const std::vector<double>& lowest,
                 const std::vector<double>& highest, double tol, Reduction& red) {
  red.split_size = 0;
  red.directional_split_size = 0;
  for (int j : kept) {
    red.split_size += gem.reactions[j].reversible ? 2 : 1;
    if (gem.reactions[j].reversible) {
      red.directional_split_size += (highest[j] > tol) + (lowest[j] < -tol);
    } else {
      red.directional_split_size += 1;
    }
  }
}

std::string removed_json(const Reduction& red) {
  std::string out = "[";
  for (std::size_t k = 0; k < red.removed.size(); ++k) {
    json::Object o;
    o.add("id", json::quote(red.removed[k])).add("reason", json::quote(red.reasons[k]));
    out += (k ? ", " : "") + o.str();
  }
  return out + "]";
}

}  // namespace

Reduction fva_reduce(const Gem& gem, double tol, const std::function<void(int, int)>& progress) {
  FvaOptions o;
  o.fraction_of_optimum = 0.0;
  o.progress = progress;
  const FvaResult f = fva(gem, o);
  Reduction red;
  const int n = static_cast<int>(gem.reactions.size());
  for (int j = 0; j < n; ++j) {
    if (std::max(std::fabs(f.minimum[j]), std::fabs(f.maximum[j])) > tol) {
      red.kept.push_back(j);
    } else {
      red.removed.push_back(gem.reactions[j].id);
      red.reasons.push_back("blocked: FVA range [" + json::number(f.minimum[j]) + ", " +
                            json::number(f.maximum[j]) + "] at fraction_of_optimum 0");
    }
  }
  red.reduced = subset_gem(gem, red.kept);
  count_split(gem, red.kept, f.minimum, f.maximum, tol, red);
  json::Object report;
  report.add("method", json::quote("fva"))
      .add("model", json::quote(gem.id))
      .add("fraction_of_optimum", json::number(0.0))
      .add("tolerance", json::number(tol))
      .add("reactions_in", json::number(static_cast<long long>(n)))
      .add("reactions_kept", json::number(static_cast<long long>(red.kept.size())))
      .add("reactions_removed", json::number(static_cast<long long>(red.removed.size())))
      .add("metabolites_kept", json::number(static_cast<long long>(red.reduced.metabolites.size())))
      .add("genes_kept", json::number(static_cast<long long>(red.reduced.genes.size())))
      .add("split_size", json::number(static_cast<long long>(red.split_size)))
      .add("directional_split_size", json::number(static_cast<long long>(red.directional_split_size)))
      .add("lp_solves", json::number(f.lp_solves))
      .add("removed", removed_json(red));
  red.json = report.str();
  return red;
}

Reduction fba_reduce(const Gem& gem, const FbaReduceOptions& opt,
                     const std::function<void(int, int)>& progress) {
  const int n = static_cast<int>(gem.reactions.size());
  const int glc = gem.reaction_index(opt.glucose_exchange);
  if (glc < 0) {
    throw Error("model '" + gem.id + "': FBA-reduce: glucose exchange '" + opt.glucose_exchange +
                "' is not a reaction of the model");
  }
  if (!(opt.glucose_uptake_min >= 0.0 && opt.glucose_uptake_min <= opt.glucose_uptake_max)) {
    throw Error("model '" + gem.id + "': FBA-reduce: glucose uptake range [" +
                json::number(opt.glucose_uptake_min) + ", " + json::number(opt.glucose_uptake_max) +
                "], expected 0 <= min <= max");
  }
  if (opt.solutions < 1) throw Error("FBA-reduce: the number of solutions must be at least 1");
  if (gem.genes.empty()) throw Error("model '" + gem.id + "': FBA-reduce needs genes to knock out");
  std::vector<bool> requested(n, false);
  for (const std::string& id : opt.keep) {
    const int found = gem.reaction_index(id);
    if (found < 0)
      throw Error("model '" + gem.id + "': FBA-reduce: reaction '" + id + "' to keep is not in the model");
    requested[found] = true;
  }

  FluxLp lp(gem, opt.parsimonious ? Columns::SplitVariables : Columns::Direct);
  const LinearTerms objective = gem_objective(gem);
  const Sense sense = gem.objective_maximize ? Sense::Maximize : Sense::Minimize;
  lp.solve("FBA-reduce: wild type");
  SplitMix64 rng{opt.seed};
  std::vector<double> lowest(n, 0.0), highest(n, 0.0);
  int infeasible = 0;
  std::vector<std::string> lethal;
  for (int s = 0; s < opt.solutions; ++s) {
    const std::size_t gene = static_cast<std::size_t>(rng.uniform01() * gem.genes.size());
    const double uptake =
        opt.glucose_uptake_min + rng.uniform01() * (opt.glucose_uptake_max - opt.glucose_uptake_min);
    std::vector<BoundChange> changes = knockout_changes(gem, {gem.genes[gene].id});
    // The knockout wins over the medium when the gene also controls the glucose exchange.
    bool glucose_knocked = false;
    for (const BoundChange& c : changes) glucose_knocked |= c.reaction == glc;
    if (!glucose_knocked) changes.push_back({glc, -uptake, gem.reactions[glc].upper_bound});
    lp.apply(changes);
    const std::string what = "FBA-reduce solution " + std::to_string(s);
    lp.set_objective(objective, sense);
    if (lp.solve_if_feasible(what, Simplex::Dual)) {
      const std::vector<double> fluxes = opt.parsimonious ? pfba(lp, objective, sense, 1.0).fluxes : lp.fluxes();
      for (int j = 0; j < n; ++j) {
        const double v = fluxes[j];
        lowest[j] = std::min(lowest[j], v);
        highest[j] = std::max(highest[j], v);
      }
    } else {
      ++infeasible;
      lethal.push_back(gem.genes[gene].id);
    }
    restore_gem_bounds(lp, gem, changes);
    if (progress) progress(s + 1, opt.solutions);
  }
  Reduction red;
  std::vector<std::string> kept_on_request;
  for (int j = 0; j < n; ++j) {
    const bool carries = highest[j] > opt.tolerance || lowest[j] < -opt.tolerance;
    if (requested[j] && !carries) kept_on_request.push_back(gem.reactions[j].id);
    if (carries || requested[j]) {
      red.kept.push_back(j);
    } else {
      red.removed.push_back(gem.reactions[j].id);
      red.reasons.push_back("no flux above " + json::number(opt.tolerance) + " in any of the " +
                            std::to_string(opt.solutions - infeasible) + " feasible FBA solutions");
    }
  }
  red.reduced = subset_gem(gem, red.kept);
  count_split(gem, red.kept, lowest, highest, opt.tolerance, red);
  std::sort(lethal.begin(), lethal.end());
  lethal.erase(std::unique(lethal.begin(), lethal.end()), lethal.end());
  json::Object report;
  report.add("method", json::quote("fba"))
      .add("model", json::quote(gem.id))
      .add("solutions", json::number(static_cast<long long>(opt.solutions)))
      .add("solution_kind", json::quote(opt.parsimonious ? "pfba" : "fba"))
      .add("seed", json::number(static_cast<long long>(opt.seed)))
      .add("glucose_exchange", json::quote(opt.glucose_exchange))
      .add("glucose_uptake_range", json::array_of_numbers({opt.glucose_uptake_min, opt.glucose_uptake_max}))
      .add("tolerance", json::number(opt.tolerance))
      .add("infeasible_solutions", json::number(static_cast<long long>(infeasible)))
      .add("infeasible_knockouts", json::array_of_strings(lethal))
      .add("kept_without_flux_on_request", json::array_of_strings(kept_on_request))
      .add("reactions_in", json::number(static_cast<long long>(n)))
      .add("reactions_kept", json::number(static_cast<long long>(red.kept.size())))
      .add("reactions_removed", json::number(static_cast<long long>(red.removed.size())))
      .add("metabolites_kept", json::number(static_cast<long long>(red.reduced.metabolites.size())))
      .add("genes_kept", json::number(static_cast<long long>(red.reduced.genes.size())))
      .add("split_size", json::number(static_cast<long long>(red.split_size)))
      .add("directional_split_size", json::number(static_cast<long long>(red.directional_split_size)))
      .add("removed", removed_json(red));
  red.json = report.str();
  return red;
}

}  // namespace minn
