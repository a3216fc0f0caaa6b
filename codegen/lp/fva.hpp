// Flux variability analysis with COBRApy's semantics (`flux_variability_analysis`, loopless=False).
#pragma once
#include <functional>
#include <vector>

#include "gem/gem.hpp"
#include "lp/flux_lp.hpp"

namespace minn {

struct FvaOptions {
  // The objective is constrained to >= fraction * optimum (<= for a minimised objective).
  double fraction_of_optimum = 1.0;
  std::vector<int> reactions;         // empty = every reaction, in GEM order
  std::vector<BoundChange> changes;   // applied to the GEM's bounds first
  // 0 = two workers when the machine has two or more cores, else one. The work is always cut
  // into the same two halves, each solved in a fixed order, so the result does not depend on it.
  int threads = 0;
  // Called (serialised) after each reaction with (done, total).
  std::function<void(int, int)> progress;
};

struct FvaResult {
  double optimum = 0.0;            // the objective optimum the fraction refers to
  std::vector<int> reactions;      // the reactions analysed, in the order requested
  std::vector<double> minimum;     // per entry of `reactions`
  std::vector<double> maximum;
  long long lp_solves = 0;         // solves actually run (bounds reached earlier are skipped)
  int structurally_zero = 0;       // reactions fixed at 0 without an LP (see zero_flux.hpp)
  int lp_columns = 0;              // columns of the LP after merging coupled reactions
};

FvaResult fva(const Gem& gem, const FvaOptions& options = {});

}  // namespace minn
