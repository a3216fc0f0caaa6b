#include "lp/fva.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <mutex>
#include <thread>

#include "common/error.hpp"
#include "lp/coupled_columns.hpp"
#include "lp/json_writer.hpp"
#include "lp/subset_gem.hpp"
#include "lp/zero_flux.hpp"

namespace minn {
namespace {

// A solution value counts as sitting on a bound within CLP's primal tolerance scale.
bool at_bound(double value, double bound) {
  return std::isfinite(bound) && std::fabs(value - bound) <= 1e-9 * std::max(1.0, std::fabs(bound));
}

struct Half {
  std::size_t begin = 0, end = 0;
  long long solves = 0;
  std::exception_ptr error;
};

// Minimises then maximises each reaction of [begin, end) on its own LP copy. Each solve starts
// from the previous basis. Whenever some solution already puts a reaction on its bound, that
// extreme is known without solving (Gudmundsson & Thiele 2010); this is deterministic because
// every half is processed in a fixed order.
void run_half(FluxLp& lp, const std::vector<int>& reactions, Half& half, std::vector<double>& minimum,
              std::vector<double>& maximum, const std::function<void()>& tick) {
  const int n = lp.num_reactions();
  std::vector<char> min_known(n, 0), max_known(n, 0);
  auto record = [&]() {
    for (int j = 0; j < n; ++j) {
      const double v = lp.flux(j);
      if (at_bound(v, lp.reaction_lower(j))) min_known[j] = 1;
      if (at_bound(v, lp.reaction_upper(j))) max_known[j] = 1;
    }
  };
  record();
  for (std::size_t k = half.begin; k < half.end; ++k) {
    const int j = reactions[k];
    const std::string what = "FVA of reaction index " + std::to_string(j);
    lp.set_objective_coefficient(j, 1.0);
    if (min_known[j]) {
      minimum[k] = lp.reaction_lower(j);
    } else {
      lp.set_sense(Sense::Minimize);
      minimum[k] = lp.solve(what + " (minimum)", Simplex::Primal);
      ++half.solves;
      record();
    }
    if (max_known[j]) {
      maximum[k] = lp.reaction_upper(j);
    } else {
      lp.set_sense(Sense::Maximize);
      maximum[k] = lp.solve(what + " (maximum)", Simplex::Primal);
      ++half.solves;
      record();
    }
    lp.set_objective_coefficient(j, 0.0);
    tick();
  }
}

}  // namespace

FvaResult fva(const Gem& gem, const FvaOptions& options) {
  const double fraction = options.fraction_of_optimum;
  if (!(fraction >= 0.0 && fraction <= 1.0)) {
    throw Error("model '" + gem.id + "': FVA fraction_of_optimum " + std::to_string(fraction) +
                ", expected a value in [0, 1]");
  }
  FvaResult out;
  const int n = static_cast<int>(gem.reactions.size());
  if (options.reactions.empty()) {
    for (int j = 0; j < n; ++j) out.reactions.push_back(j);
  } else {
    for (int j : options.reactions) {
      if (j < 0 || j >= n) {
        throw Error("model '" + gem.id + "': FVA of reaction index " + std::to_string(j) +
                    ", expected 0.." + std::to_string(n - 1));
      }
      out.reactions.push_back(j);
    }
  }
  out.minimum.assign(out.reactions.size(), 0.0);
  out.maximum.assign(out.reactions.size(), 0.0);

  // Effective bounds, then the LP over the reactions that are not structurally zero.
  std::vector<double> lower(n), upper(n);
  for (int j = 0; j < n; ++j) {
    lower[j] = gem.reactions[j].lower_bound;
    upper[j] = gem.reactions[j].upper_bound;
  }
  {
    FluxLp check(gem);  // validates the changes with the same messages as every other analysis
    check.apply(options.changes);
    for (int j = 0; j < n; ++j) {
      lower[j] = check.reaction_lower(j);
      upper[j] = check.reaction_upper(j);
    }
  }
  const std::vector<char> zero = structurally_zero_reactions(gem, lower, upper);
  std::vector<int> live;
  std::vector<int> live_index(n, -1);
  for (int j = 0; j < n; ++j) {
    if (zero[j]) continue;
    live_index[j] = static_cast<int>(live.size());
    live.push_back(j);
  }
  Gem sub = subset_gem(gem, live);
  for (std::size_t k = 0; k < live.size(); ++k) {
    sub.reactions[k].lower_bound = lower[live[k]];
    sub.reactions[k].upper_bound = upper[live[k]];
  }
  out.structurally_zero = n - static_cast<int>(live.size());
  const CoupledColumns merged = merge_coupled_reactions(sub);
  out.lp_columns = static_cast<int>(merged.lp_gem.reactions.size());

  FluxLp lp(merged.lp_gem);
  const LinearTerms objective = gem_objective(merged.lp_gem);
  out.optimum = lp.solve("FVA: optimising the objective");
  out.lp_solves = 1;
  const double bound = fraction * out.optimum;
  if (objective.size() == 1) {
    // One objective column (biomass): c w >= bound is a bound on w itself. A column bound instead
    // of an extra row keeps the LP smaller and better conditioned (iAF1260 at fraction 1).
    const auto [j, c] = objective.front();
    const bool at_least = merged.lp_gem.objective_maximize == (c > 0);
    double lo = lp.reaction_lower(j), hi = lp.reaction_upper(j);
    if (at_least) {
      lo = std::min(std::max(lo, bound / c), hi);  // min(): the optimum itself may sit on hi
    } else {
      hi = std::max(std::min(hi, bound / c), lo);
    }
    lp.set_reaction_bounds(j, lo, hi);
  } else if (merged.lp_gem.objective_maximize) {
    lp.add_row(objective, bound, kInfinity);
  } else {
    lp.add_row(objective, -kInfinity, bound);
  }
  lp.set_objective({}, Sense::Minimize);
  // Re-establish a feasible basis with the objective row before the copies are made.
  lp.solve("FVA: constraining the objective to " + json::number(bound));

  // The work: each merged column behind a requested reaction, once (the others stay [0, 0]).
  std::vector<int> columns;
  std::vector<int> slot_of_column(merged.lp_gem.reactions.size(), -1);
  for (int j : out.reactions) {
    if (live_index[j] < 0) continue;
    const int c = merged.column[live_index[j]];
    if (slot_of_column[c] >= 0) continue;
    slot_of_column[c] = static_cast<int>(columns.size());
    columns.push_back(c);
  }
  std::vector<double> col_min(columns.size()), col_max(columns.size());

  const std::size_t total = out.reactions.size();
  Half halves[2];
  halves[0].end = columns.size() / 2;
  halves[1].begin = columns.size() / 2;
  halves[1].end = columns.size();
  std::mutex progress_mutex;
  int done = 0;
  auto tick = [&]() {
    if (!options.progress) return;
    std::lock_guard<std::mutex> lock(progress_mutex);
    options.progress(++done, static_cast<int>(total));
  };
  for (std::size_t k = columns.size(); k < total; ++k) tick();  // zero or coupled to another
  auto run = [&](FluxLp& own, Half& half) {
    try {
      run_half(own, columns, half, col_min, col_max, tick);
    } catch (...) {
      half.error = std::current_exception();
    }
  };

  const bool two_workers = options.threads == 0 ? std::thread::hardware_concurrency() >= 2
                                                : options.threads >= 2;
  FluxLp second(lp);
  if (two_workers) {
    std::thread worker([&]() { run(second, halves[1]); });
    run(lp, halves[0]);
    worker.join();
  } else {
    run(lp, halves[0]);
    run(second, halves[1]);
  }
  for (const Half& h : halves) {
    if (h.error) std::rethrow_exception(h.error);
    out.lp_solves += h.solves;
  }
  for (std::size_t k = 0; k < out.reactions.size(); ++k) {
    const int live_j = live_index[out.reactions[k]];
    if (live_j < 0) continue;
    const int s = slot_of_column[merged.column[live_j]];
    const double f = merged.factor[live_j];
    out.minimum[k] = f > 0 ? f * col_min[s] : f * col_max[s];
    out.maximum[k] = f > 0 ? f * col_max[s] : f * col_min[s];
  }
  return out;
}

}  // namespace minn
