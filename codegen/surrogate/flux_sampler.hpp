// Flux samples for a surrogate: each sample draws every rate uniformly in its range, fixes it (as
// equality bounds, replacing the GEM's own bounds on that reaction), then solves pFBA (maximise
// the GEM objective, then minimise the total flux at that optimum; with the growth rate among the
// rates, the first stage is a feasibility check). A draw without a steady state is redrawn and
// counted. Exact equality rather than a tolerance band: the rates a sample records are then exactly
// the fluxes of its solution, so a surrogate's inputs and targets agree; the price is more redraws.
// Wild type only (no knockouts); the GEM's other bounds (medium, ATP maintenance) as they are.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "surrogate/rate_set.hpp"

namespace minn::surrogate {

struct SamplerOptions {
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
// run out before `samples` feasible ones.
FluxSamples sample_fluxes(const Gem& unsplit, const std::vector<Rate>& rates, const SamplerOptions& options,
                          const SamplingProgress& progress = {});

}  // namespace minn::surrogate
