#include "lp/pfba_predictor.hpp"

#include <cmath>

#include "common/error.hpp"
#include "data/ishii_dataset.hpp"
#include "lp/fba.hpp"
#include "lp/flux_lp.hpp"
#include "lp/closest_feasible_rates.hpp"
#include "lp/knockout.hpp"

namespace minn {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// A split-GEM id back to (unsplit reaction, half): +1 = whole reaction or _fwd, -1 = _rev.
struct SplitOrigin {
  int reaction = -1;
  int half = +1;
  bool split = false;
};

SplitOrigin origin_of(const Gem& gem, const std::string& split_id) {
  for (const char* tail : {"_fwd", "_rev"}) {
    if (!ends_with(split_id, tail)) continue;
    const int j = gem.reaction_index(split_id.substr(0, split_id.size() - 4));
    if (j >= 0 && gem.reactions[j].reversible) return {j, tail[1] == 'f' ? +1 : -1, true};
  }
  const int j = gem.reaction_index(split_id);
  if (j < 0) throw Error("model '" + gem.id + "': no reaction for the split id '" + split_id + "'");
  return {j, +1, false};
}

int required_reaction(const Gem& gem, const std::string& id) {
  const int j = gem.reaction_index(id);
  if (j < 0) throw Error("model '" + gem.id + "': pFBA predictor: exchange '" + id + "' not in the model");
  return j;
}

int input_column(const Dataset& ds, const std::string& name, const std::string& dir) {
  for (std::size_t k = 0; k < ds.input_names.size(); ++k) {
    if (ds.input_names[k] == name) return static_cast<int>(k);
  }
  throw Error(dir + ": the dataset has no input '" + name + "'");
}

}  // namespace

PfbaPredictorReport predict_ishii_with_pfba(const Gem& gem, const std::string& dir,
                                            const std::string& glucose_exchange,
                                            const std::string& oxygen_exchange,
                                            const std::vector<std::string>& fixed_ids, const PfbaRates& rates) {
  const Gem split = split_reversible(gem);
  const Dataset ds = load_ishii(dir, split);
  const int glc = required_reaction(gem, glucose_exchange);
  const int o2 = required_reaction(gem, oxygen_exchange);
  const int glc_in = input_column(ds, kGlucoseUptakeInput, dir);
  const int o2_in = input_column(ds, kOxygenUptakeInput, dir);
  const std::size_t experiments = ds.experiments.size();
  if ((!rates.glucose.empty() && rates.glucose.size() != experiments) ||
      (!rates.oxygen.empty() && rates.oxygen.size() != experiments) ||
      (!rates.fixed.empty() && rates.fixed.size() != experiments))
    throw Error(dir + ": pFBA predictor: given rates for a number of experiments other than the dataset's " +
                std::to_string(experiments));
  for (const std::vector<double>& row : rates.fixed)
    if (row.size() != fixed_ids.size())
      throw Error("pFBA predictor: " + std::to_string(row.size()) + " given values for " +
                  std::to_string(fixed_ids.size()) + " fixed fluxes");

  // Further fixed fluxes: (target column, unsplit reaction, sign of the split half).
  std::vector<std::pair<int, SplitOrigin>> fixed;
  for (const std::string& id : fixed_ids) {
    int column = -1;
    for (std::size_t k = 0; k < ds.target_ids.size(); ++k)
      if (ds.target_ids[k] == id) column = static_cast<int>(k);
    if (column < 0) throw Error(dir + ": pFBA predictor: '" + id + "' to fix is not a measured flux");
    fixed.emplace_back(column, origin_of(gem, id));
  }
  const auto is_fixed = [&](const std::string& id) {
    for (const std::string& f : fixed_ids)
      if (f == id) return true;
    return false;
  };

  PfbaPredictorReport report;
  std::vector<int> scored;             // target columns scored
  std::vector<SplitOrigin> origins;
  for (std::size_t k = 0; k < ds.target_ids.size(); ++k) {
    const std::string& id = ds.target_ids[k];
    if (id == kGlucoseUptakeInput || id == kOxygenUptakeInput || (is_fixed(id) && !rates.fixed_are_predictions))
      continue;
    scored.push_back(static_cast<int>(k));
    origins.push_back(origin_of(gem, id));
    report.scored_ids.push_back(id);
  }

  FluxLp lp(gem, Columns::SplitVariables);
  const LinearTerms objective = gem_objective(gem);
  const Sense sense = gem.objective_maximize ? Sense::Maximize : Sense::Minimize;
  std::vector<FluxScore> split_scores, signed_scores;
  for (std::size_t e = 0; e < ds.experiments.size(); ++e) {
    PfbaPrediction p;
    p.experiment = ds.experiments[e];
    p.glucose_uptake = rates.glucose.empty() ? ds.inputs(static_cast<Eigen::Index>(e), glc_in) : rates.glucose[e];
    p.oxygen_uptake = rates.oxygen.empty() ? ds.inputs(static_cast<Eigen::Index>(e), o2_in) : rates.oxygen[e];
    std::vector<BoundChange> changes = {{glc, -p.glucose_uptake, -p.glucose_uptake},
                                        {o2, -p.oxygen_uptake, -p.oxygen_uptake}};
    const bool wild_type = p.experiment == "REF" || p.experiment.rfind("WT_", 0) == 0;
    if (!wild_type) {
      for (const Gene& g : gem.genes) {
        if (g.name == p.experiment || g.id == p.experiment) p.knocked_out_gene = g.id;
      }
      if (p.knocked_out_gene.empty()) {
        p.note = "gene " + p.experiment + " not in the model: no knockout applied";
      } else {
        for (const BoundChange& c : knockout_changes(gem, {p.knocked_out_gene})) {
          bool measured = c.reaction == glc || c.reaction == o2;  // a measured value wins over the GPR
          for (const auto& f : fixed) measured = measured || c.reaction == f.second.reaction;
          if (!measured) changes.push_back(c);
        }
      }
    }
    if (!fixed.empty() && rates.fixed_as_upper_bounds) {  // split value <= given: a bound on one side
      std::vector<BoundChange> bounds;
      for (std::size_t k = 0; k < fixed.size(); ++k) {
        const auto& [column, origin] = fixed[k];
        const double limit = rates.fixed.empty() ? ds.targets(static_cast<Eigen::Index>(e), column) : rates.fixed[e][k];
        const Reaction& r = gem.reactions[static_cast<std::size_t>(origin.reaction)];
        // raw = sign * split: a forward (or irreversible) flux gets an upper bound, a _rev half a lower one.
        if (origin.half > 0)
          bounds.push_back({origin.reaction, r.lower_bound, std::max(r.lower_bound, std::min(r.upper_bound, limit))});
        else
          bounds.push_back({origin.reaction, std::min(r.upper_bound, std::max(r.lower_bound, -limit)), r.upper_bound});
      }
      std::vector<BoundChange> with_bounds = changes;
      with_bounds.insert(with_bounds.end(), bounds.begin(), bounds.end());
      lp.apply(with_bounds);
      lp.set_objective(objective, sense);
      const bool feasible = lp.solve_if_feasible("experiment " + p.experiment + " with the upper bounds");
      restore_gem_bounds(lp, gem, with_bounds);
      if (feasible)
        changes = with_bounds;
      else
        p.note += (p.note.empty() ? "" : "; ") + std::string("the upper bounds admit no steady state: run without them");
    } else if (!fixed.empty()) {  // the further rates at their closest feasible values (lp/closest_feasible_rates.hpp)
      std::vector<int> reactions;
      std::vector<double> measured;
      for (std::size_t k = 0; k < fixed.size(); ++k) {
        const auto& [column, origin] = fixed[k];
        const double split_value =
            rates.fixed.empty() ? ds.targets(static_cast<Eigen::Index>(e), column) : rates.fixed[e][k];
        reactions.push_back(origin.reaction);
        measured.push_back(origin.half * split_value);  // raw = sign * split
      }
      const std::vector<double> feasible =
          closest_feasible_rates(gem, changes, reactions, measured, "experiment " + p.experiment);
      for (std::size_t k = 0; k < reactions.size(); ++k) {
        changes.push_back({reactions[k], feasible[k], feasible[k]});
        if (std::abs(feasible[k] - measured[k]) > 1e-6 * std::max(1.0, std::abs(measured[k])))
          p.note += (p.note.empty() ? "" : "; ") + gem.reactions[static_cast<std::size_t>(reactions[k])].id +
                    " fixed at " + std::to_string(feasible[k]) + (rates.fixed.empty() ? " (measured " : " (given ") +
                    std::to_string(measured[k]) + ", infeasible)";
      }
    }
    lp.apply(changes);
    const PfbaSolution s = pfba(lp, objective, sense, 1.0);
    restore_gem_bounds(lp, gem, changes);
    p.growth = s.objective;
    for (std::size_t i = 0; i < scored.size(); ++i) {
      const double truth = ds.targets(static_cast<Eigen::Index>(e), scored[i]);
      const double v = s.fluxes[origins[i].reaction];
      const double sign = origins[i].half;  // split value = sign * raw (ishii-ids.md)
      p.split_truth.push_back(truth);
      p.split_predicted.push_back(origins[i].split ? std::max(sign * v, 0.0) : v);
      p.signed_truth.push_back(sign * truth);
      p.signed_predicted.push_back(v);
    }
    split_scores.push_back(score_fluxes(p.split_truth, p.split_predicted, true));
    signed_scores.push_back(score_fluxes(p.signed_truth, p.signed_predicted, false));
    report.experiments.push_back(std::move(p));
  }
  report.split = summarize_scores(split_scores);
  report.signed_convention = summarize_scores(signed_scores);
  return report;
}

}  // namespace minn
