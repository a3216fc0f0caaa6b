// Reduced GEMs: keep only the reactions that can (FVA-reduced) or do (FBA-reduced) carry flux.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "lp/subset_gem.hpp"

namespace minn {

struct Reduction {
  Gem reduced;                         // unsplit; orphan metabolites and unused genes dropped
  std::vector<int> kept;               // indices into the input GEM's reactions
  std::vector<std::string> removed;    // reaction ids removed
  std::vector<std::string> reasons;    // why, per removed reaction
  int split_size = 0;                  // reactions of split_reversible(reduced)
  // Split reactions that can actually carry flux: _fwd halves with max > tol, _rev with min < -tol.
  int directional_split_size = 0;
  std::string json;                    // the report written next to the SBML
};

// FVA at fraction 0 with the GEM's own bounds (its medium); a reaction is blocked when
// max(|min|, |max|) <= tolerance. COBRApy's find_blocked_reactions uses the solver tolerance 1e-9.
Reduction fva_reduce(const Gem& gem, double tolerance = 1e-9,
                     const std::function<void(int, int)>& progress = {});

struct FbaReduceOptions {
  int solutions = 2000;
  std::uint64_t seed = 1;
  std::string glucose_exchange = "R_EX_glc__D_e";
  double glucose_uptake_min = 0.0;     // uptake (positive); the exchange gets lb = -uptake
  double glucose_uptake_max = 0.0;
  // |v| > tolerance counts as carrying flux. Not 1e-9 as for FVA: an optimal vertex holds basic
  // fluxes only to CLP's primal tolerance (1e-7), and on iAF1260 1e-9 let 80 (FBA) / 584 (pFBA)
  // reactions that FVA proves blocked through as noise; at 1e-6 none.
  double tolerance = 1e-6;
  // false: plain FBA (any optimal vertex; CLP's may route flux through loops up to the 999999
  // bounds). true: pFBA per sample (the optimum with least total flux, no such loops).
  bool parsimonious = false;
  // Reactions kept even when no sample uses them (e.g. the measured fluxes a soft sensor must
  // report: on iAF1260 no pFBA sample runs malic enzyme R_ME2, yet Ishii measures it).
  std::vector<std::string> keep;
};

// N FBA solutions, each with one random gene knocked out and the glucose uptake bound drawn
// uniformly in [min, max]; keeps the reactions that carry flux in at least one solution.
// Deterministic for a given seed (own 64-bit generator, no std distributions).
Reduction fba_reduce(const Gem& gem, const FbaReduceOptions& options,
                     const std::function<void(int, int)>& progress = {});

}  // namespace minn
