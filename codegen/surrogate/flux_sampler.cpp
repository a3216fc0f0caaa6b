#include "surrogate/flux_sampler.hpp"

#include "common/error.hpp"
#include "lp/fba.hpp"
#include "lp/flux_lp.hpp"
#include "surrogate/split_origins.hpp"
#include "train/rng.hpp"

namespace minn::surrogate {
namespace {

// Salted so that the draws are not the trainer's stream for the same --seed (train/trainer.cpp
// seeds its own Rng with the seed itself).
constexpr std::uint64_t kSamplingSalt = 0x5A3D1E0F5A3D1E0Full;

// An uptake rate: the reverse half of a boundary reaction (split value = -v, the uptake direction).
bool is_uptake(const Gem& unsplit, const SplitOrigin& origin) {
  if (!origin.half || origin.sign > 0) return false;
  const std::vector<int> boundary = unsplit.exchange_reactions();
  for (int k : boundary)
    if (k == origin.reaction) return true;
  return false;
}

}  // namespace

Sampling parse_sampling(const std::string& name) {
  if (name == "fixed") return Sampling::fixed_rates;
  if (name == "optimal") return Sampling::growth_optimal;
  throw Error("--sampling '" + name + "': expected fixed (every rate fixed to its draw) or optimal (uptake "
              "capacities drawn, growth maximised)");
}

std::string sampling_name(Sampling sampling) {
  return sampling == Sampling::growth_optimal ? "optimal" : "fixed";
}

FluxSamples sample_fluxes(const Gem& unsplit, const std::vector<Rate>& rates, const SamplerOptions& o,
                          const SamplingProgress& progress) {
  if (o.samples < 1) throw Error("--samples " + std::to_string(o.samples) + ": expected at least 1");
  if (o.max_draws < 0) throw Error("--max-draws " + std::to_string(o.max_draws) + ": expected 0 (automatic) or more");
  const long long max_draws =
      o.max_draws > 0 ? o.max_draws : static_cast<long long>(kDefaultDrawsPerSample) * o.samples;
  if (max_draws < o.samples)
    throw Error("--max-draws " + std::to_string(max_draws) + ": fewer than the " + std::to_string(o.samples) +
                " samples asked for");
  if (rates.empty()) throw Error("--rates: no rate to draw");

  const Gem split = split_reversible(unsplit);
  const std::vector<SplitOrigin> origins = split_origins(unsplit, split);
  std::vector<SplitOrigin> fixed;  // the unsplit reaction and sign behind each rate
  std::vector<std::size_t> split_index;
  for (const Rate& rate : rates) {
    const int k = split.reaction_index(rate.id);
    if (k < 0) throw Error("--rates: '" + rate.id + "' is not a reaction of the split GEM '" + split.id + "'");
    fixed.push_back(origins[static_cast<std::size_t>(k)]);
    split_index.push_back(static_cast<std::size_t>(k));
  }
  const bool optimal = o.sampling == Sampling::growth_optimal;
  std::vector<char> drawn_rate(rates.size(), optimal ? 0 : 1);
  if (optimal) {
    bool any = false;
    for (std::size_t i = 0; i < rates.size(); ++i) any |= (drawn_rate[i] = is_uptake(unsplit, fixed[i]) ? 1 : 0);
    if (!any)
      throw Error("--sampling optimal: none of the rates is an uptake (the _rev half of an exchange, e.g. "
                  "R_EX_glc__D_e_rev) whose capacity could be drawn");
  }

  FluxSamples out;
  out.rates = rates;
  for (const Reaction& r : split.reactions) out.reaction_ids.push_back(r.id);
  const Eigen::Index R = static_cast<Eigen::Index>(rates.size());
  out.inputs.resize(R, o.samples);
  out.fluxes.resize(static_cast<Eigen::Index>(split.reactions.size()), o.samples);

  FluxLp lp(unsplit, Columns::SplitVariables);
  const LinearTerms objective = gem_objective(unsplit);
  const Sense sense = unsplit.objective_maximize ? Sense::Maximize : Sense::Minimize;
  train::Rng rng(o.seed ^ kSamplingSalt);
  std::vector<double> drawn(rates.size());
  int done = 0;
  while (done < o.samples) {
    if (out.draws == max_draws)
      throw Error("--samples " + std::to_string(o.samples) + ": only " + std::to_string(done) +
                  " feasible pFBA solutions in " + std::to_string(max_draws) + " draws (--max-draws; " +
                  std::to_string(out.infeasible) +
                  " infeasible): the rates' ranges rarely admit a steady state together; "
                  "use fewer rates, narrower ranges or a larger --max-draws");
    ++out.draws;
    for (std::size_t i = 0; i < rates.size(); ++i) {
      if (!drawn_rate[i]) continue;
      drawn[i] = rng.uniform(rates[i].min, rates[i].max);
      const int reaction = fixed[i].reaction;
      const double v = fixed[i].sign * drawn[i];  // split value = sign * unsplit flux
      if (optimal)  // an uptake capacity: v >= -drawn, secretion bound as the GEM has it
        lp.set_reaction_bounds(reaction, v, unsplit.reactions[static_cast<std::size_t>(reaction)].upper_bound);
      else
        lp.set_reaction_bounds(reaction, v, v);
    }
    // Feasibility first (an infeasible pfba() throws); pfba() then re-solves from this optimal basis.
    lp.set_objective(objective, sense);
    if (!lp.solve_if_feasible("surrogate sample draw " + std::to_string(out.draws))) {
      ++out.infeasible;
    } else {
      const std::vector<double> v = split_fluxes(origins, pfba(lp, objective, sense, 1.0).fluxes);
      for (Eigen::Index i = 0; i < R; ++i) {
        const std::size_t r = static_cast<std::size_t>(i);
        // fixed: the draw itself (the solution's value up to the LP tolerance); optimal: the outcome.
        out.inputs(i, done) = optimal ? v[split_index[r]] : drawn[r];
      }
      for (std::size_t k = 0; k < v.size(); ++k) out.fluxes(static_cast<Eigen::Index>(k), done) = v[k];
      ++done;
    }
    if (progress) progress(done, out.draws);
  }
  return out;
}

}  // namespace minn::surrogate
