// Flux samples for a surrogate: each sample draws every rate uniformly in its range, fixes it (as
// equality bounds, replacing the GEM's own bounds on that reaction), then solves pFBA (maximise
// the GEM objective, then minimise the total flux at that optimum; with the growth rate among the
// rates, the first stage is a feasibility check). A draw without a steady state is redrawn and
// counted. Exact equality rather than a tolerance band: the rates a sample records are then exactly
// the fluxes of its solution, so a surrogate's inputs and targets agree; the price is more redraws.
// Wild type only (no knockouts); the GEM's other bounds (medium, ATP maintenance) as they are.
//
// Sampling::growth_optimal draws the phenotypes a growing culture shows instead: only the rates that
// are uptakes (the _rev half of an exchange) are drawn, as uptake capacities (the exchange's lower
// bound -drawn, as a Michaelis-Menten limit or the feed sets it in dynamic FBA, Mahadevan et al.
// 2002); the objective (growth) is maximised, pFBA picks the fluxes at that optimum, and every rate
// (uptakes included: O2 may stay below its capacity) is recorded as the solution's value. The other
// rates (CO2, growth) are outcomes, not draws. Why: with every rate fixed independently most draws
// lie inside the solution space, with by-products that balance the drawn carbon; a culture growing
// as fast as its uptakes allow sits on the optimal face, which such draws rarely reach (the soft
// sensor against the simulated bioreactor, codegen/plant, showed the gap).
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "surrogate/rate_set.hpp"

namespace minn::surrogate {

enum class Sampling { fixed_rates, growth_optimal };

// "fixed" | "optimal" (the --sampling option); minn::Error naming --sampling otherwise.
Sampling parse_sampling(const std::string& name);
std::string sampling_name(Sampling sampling);

struct SamplerOptions {
  Sampling sampling = Sampling::fixed_rates;
  int samples = 2000;
  std::uint64_t seed = 0;
  // Draws allowed in all (feasible or not) before giving up; 0: kDefaultDrawsPerSample per sample.
  long long max_draws = 0;
};

inline constexpr int kDefaultDrawsPerSample = 50;

struct FluxSamples {
  std::vector<Rate> rates;
  std::vector<std::string> reaction_ids;  // split GEM, in its order
  Eigen::MatrixXd inputs;                 // rates x samples: the drawn values
  Eigen::MatrixXd fluxes;                 // split reactions x samples: the pFBA solutions
  long long draws = 0;                    // feasible + infeasible
  long long infeasible = 0;
  int samples() const { return static_cast<int>(inputs.cols()); }
};

// (samples so far, draws so far), after every draw.
using SamplingProgress = std::function<void(int, long long)>;

// `unsplit` is the GEM the LPs run on; rates name reactions of split_reversible(unsplit).
// Deterministic for a seed: one sequential stream of draws (train/rng.hpp) and one warm-started LP.
// Throws minn::Error naming --samples or --max-draws when they are out of range or when the draws
// run out before `samples` feasible ones; --sampling optimal without an uptake among the rates.
FluxSamples sample_fluxes(const Gem& unsplit, const std::vector<Rate>& rates, const SamplerOptions& options,
                          const SamplingProgress& progress = {});

}  // namespace minn::surrogate
