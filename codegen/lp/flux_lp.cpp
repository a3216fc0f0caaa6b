#include "lp/flux_lp.hpp"

#include <coin/ClpSimplex.hpp>
#include <coin/CoinFinite.hpp>

#include <algorithm>
#include <cmath>
#include <map>

#include "common/error.hpp"

namespace minn {
namespace {

// CLP's infinity is COIN_DBL_MAX; the GEM uses IEEE infinity.
double to_clp(double bound) {
  if (bound == kInfinity) return COIN_DBL_MAX;
  if (bound == -kInfinity) return -COIN_DBL_MAX;
  return bound;
}

std::string status_text(int status, int secondary) {
  std::string text;
  switch (status) {
    case 0: text = "optimal"; break;
    case 1: text = "primal infeasible"; break;
    case 2: text = "dual infeasible (unbounded)"; break;
    case 3: text = "stopped on iteration limit"; break;
    case 4: text = "stopped on numerical difficulties"; break;
    case 5: text = "stopped by event handler"; break;
    default: text = "unknown status"; break;
  }
  switch (secondary) {
    case 0: break;
    case 1: text += ", infeasibility could not be proved"; break;
    case 2: text += ", scaled problem optimal but unscaled has primal infeasibilities"; break;
    case 3: text += ", scaled problem optimal but unscaled has dual infeasibilities"; break;
    case 4: text += ", scaled problem optimal but unscaled has primal and dual infeasibilities"; break;
    default: text += ", secondary status " + std::to_string(secondary); break;
  }
  return text + " (CLP status " + std::to_string(status) + ", secondary " + std::to_string(secondary) +
         ")";
}

bool clean_optimum(const ClpSimplex& clp) {
  return clp.status() == 0 && (clp.secondaryStatus() < 2 || clp.secondaryStatus() > 4);
}

}  // namespace

LinearTerms gem_objective(const Gem& gem) {
  LinearTerms terms;
  for (int j = 0; j < static_cast<int>(gem.reactions.size()); ++j) {
    if (gem.reactions[j].objective_coefficient != 0.0) {
      terms.emplace_back(j, gem.reactions[j].objective_coefficient);
    }
  }
  return terms;
}

FluxLp::FluxLp(const Gem& gem, Columns layout)
    : model_id_(gem.id.empty() ? std::string("(unnamed model)") : gem.id),
      num_reactions_(static_cast<int>(gem.reactions.size())),
      layout_(layout),
      clp_(std::make_unique<ClpSimplex>()) {
  const int rows = static_cast<int>(gem.metabolites.size());
  const int n = num_reactions_;
  const int cols = layout == Columns::Direct ? n : 2 * n;

  // Column-ordered sparse S (duplicate metabolite entries of a reaction are summed).
  std::vector<CoinBigIndex> start(cols + 1, 0);
  std::vector<int> index;
  std::vector<double> value;
  std::vector<std::map<int, double>> column_entries(n);
  for (int j = 0; j < n; ++j) {
    const Reaction& r = gem.reactions[j];
    for (const auto& [m, coef] : r.stoichiometry) {
      if (m < 0 || m >= rows) {
        throw Error("model '" + model_id_ + "': reaction '" + r.id + "' (line " +
                    std::to_string(r.source_line) + ") refers to metabolite index " +
                    std::to_string(m) + ", expected 0.." + std::to_string(rows - 1));
      }
      if (!std::isfinite(coef)) {
        throw Error("model '" + model_id_ + "': reaction '" + r.id + "' (line " +
                    std::to_string(r.source_line) + ") has a non-finite stoichiometric coefficient");
      }
      column_entries[j][m] += coef;
    }
  }
  for (int c = 0; c < cols; ++c) {
    const int j = c % n;
    const double sign = c < n ? 1.0 : -1.0;
    for (const auto& [m, coef] : column_entries[j]) {
      if (coef == 0.0) continue;
      index.push_back(m);
      value.push_back(sign * coef);
    }
    start[c + 1] = static_cast<CoinBigIndex>(index.size());
  }

  std::vector<double> col_lower(cols, 0.0), col_upper(cols, 0.0), objective(cols, 0.0);
  std::vector<double> row_bound(rows, 0.0);
  clp_->setLogLevel(0);
  // No scaling: GEM coefficients are mostly +-1, and with CLP's automatic scaling the unscaled
  // FVA extremes of iAF1260 (bounds 999999) drift up to 3.5e-6 from COBRApy/GLPK; unscaled they
  // agree within 1e-6 and the blocked set matches (measured; tighter tolerances were slower and
  // made some warm starts falsely infeasible).
  clp_->scaling(0);
  clp_->loadProblem(cols, rows, start.data(), index.data(), value.data(), col_lower.data(),
                    col_upper.data(), objective.data(), row_bound.data(), row_bound.data());
  lower_.assign(n, 0.0);
  upper_.assign(n, 0.0);
  for (int j = 0; j < n; ++j) {
    const Reaction& r = gem.reactions[j];
    if (std::isnan(r.lower_bound) || std::isnan(r.upper_bound) || r.lower_bound > r.upper_bound) {
      throw Error("model '" + model_id_ + "': reaction '" + r.id + "' (line " +
                  std::to_string(r.source_line) + ") has bounds [" + std::to_string(r.lower_bound) +
                  ", " + std::to_string(r.upper_bound) + "], expected lower <= upper");
    }
    set_reaction_bounds(j, r.lower_bound, r.upper_bound);
  }
  set_objective(gem_objective(gem), gem.objective_maximize ? Sense::Maximize : Sense::Minimize);
}

FluxLp::FluxLp(const FluxLp& other)
    : model_id_(other.model_id_),
      num_reactions_(other.num_reactions_),
      layout_(other.layout_),
      lower_(other.lower_),
      upper_(other.upper_),
      clp_(std::make_unique<ClpSimplex>(*other.clp_)),
      objective_value_(other.objective_value_) {}

FluxLp::~FluxLp() = default;

void FluxLp::set_reaction_bounds(int j, double lower, double upper) {
  lower_[j] = lower;
  upper_[j] = upper;
  if (layout_ == Columns::Direct) {
    clp_->setColumnBounds(forward_column(j), to_clp(lower), to_clp(upper));
  } else {
    clp_->setColumnBounds(forward_column(j), to_clp(std::max(lower, 0.0)), to_clp(std::max(upper, 0.0)));
    clp_->setColumnBounds(reverse_column(j), to_clp(std::max(-upper, 0.0)), to_clp(std::max(-lower, 0.0)));
  }
}

void FluxLp::apply(const std::vector<BoundChange>& changes) {
  for (const BoundChange& c : changes) {
    if (c.reaction < 0 || c.reaction >= num_reactions_) {
      throw Error("model '" + model_id_ + "': bound change for reaction index " +
                  std::to_string(c.reaction) + ", expected 0.." + std::to_string(num_reactions_ - 1));
    }
    if (!(c.lower <= c.upper)) {
      throw Error("model '" + model_id_ + "': bound change for reaction index " +
                  std::to_string(c.reaction) + " gives [" + std::to_string(c.lower) + ", " +
                  std::to_string(c.upper) + "], expected lower <= upper");
    }
    set_reaction_bounds(c.reaction, c.lower, c.upper);
  }
}

void restore_gem_bounds(FluxLp& lp, const Gem& gem, const std::vector<BoundChange>& changes) {
  for (const BoundChange& c : changes) {
    const Reaction& r = gem.reactions[static_cast<std::size_t>(c.reaction)];
    lp.set_reaction_bounds(c.reaction, r.lower_bound, r.upper_bound);
  }
}

void FluxLp::set_objective(const LinearTerms& terms, Sense sense) {
  const int cols = clp_->numberColumns();
  for (int c = 0; c < cols; ++c) clp_->setObjectiveCoefficient(c, 0.0);
  for (const auto& [j, coef] : terms) set_objective_coefficient(j, coef);
  set_sense(sense);
}

void FluxLp::set_objective_total_flux() {
  if (layout_ != Columns::SplitVariables) {
    throw Error("model '" + model_id_ + "': the total-flux objective needs the split-variable LP");
  }
  const int cols = clp_->numberColumns();
  for (int c = 0; c < cols; ++c) clp_->setObjectiveCoefficient(c, 1.0);
  set_sense(Sense::Minimize);
}

void FluxLp::set_sense(Sense sense) {
  clp_->setOptimizationDirection(sense == Sense::Maximize ? -1.0 : 1.0);
}

void FluxLp::set_objective_coefficient(int j, double coef) {
  clp_->setObjectiveCoefficient(forward_column(j), coef);
  if (layout_ == Columns::SplitVariables) clp_->setObjectiveCoefficient(reverse_column(j), -coef);
}

int FluxLp::add_row(const LinearTerms& terms, double lower, double upper) {
  std::vector<int> columns;
  std::vector<double> coefs;
  for (const auto& [j, coef] : terms) {
    columns.push_back(forward_column(j));
    coefs.push_back(coef);
    if (layout_ == Columns::SplitVariables) {
      columns.push_back(reverse_column(j));
      coefs.push_back(-coef);
    }
  }
  clp_->addRow(static_cast<int>(columns.size()), columns.data(), coefs.data(), to_clp(lower),
               to_clp(upper));
  warm_ = false;  // the factorization no longer matches the rows
  return clp_->numberRows() - 1;
}

void FluxLp::delete_row(int row) {
  clp_->deleteRows(1, &row);
  warm_ = false;
}

void FluxLp::set_row_bounds(int row, double lower, double upper) {
  clp_->setRowBounds(row, to_clp(lower), to_clp(upper));
}

double FluxLp::solve(const std::string& what, Simplex method) {
  if (!solve_if_feasible(what, method)) {
    throw Error("model '" + model_id_ + "': " + what + ": LP not solved: " +
                status_text(clp_->status(), clp_->secondaryStatus()));
  }
  return objective_value_;
}

bool FluxLp::solve_if_feasible(const std::string& what, Simplex method) {
  // Option 1 keeps CLP's work areas and factorization after the solve; 2 re-uses them on the
  // next one. That per-solve setup dominated FVA time on iAF1260 (about 4x slower without).
  const int start_finish = 1 | (warm_ ? 2 : 0);
  if (method == Simplex::Primal) {
    clp_->primal(0, start_finish);
  } else {
    clp_->dual(0, start_finish);
  }
  warm_ = true;
  if (!clean_optimum(*clp_)) {
    // A warm start can stall or report a spurious status after many bound/objective changes;
    // one cold primal solve from the slack basis settles it.
    clp_->allSlackBasis(true);
    clp_->primal(0, 1);
    if (clp_->status() == 1 && clp_->secondaryStatus() == 0) return false;
    if (!clean_optimum(*clp_)) {
      throw Error("model '" + model_id_ + "': " + what + ": LP not solved: " +
                  status_text(clp_->status(), clp_->secondaryStatus()));
    }
  }
  objective_value_ = evaluate_objective();
  return true;
}

double FluxLp::evaluate_objective() const {
  const double* c = clp_->objective();
  const double* x = clp_->primalColumnSolution();
  double sum = 0.0;
  for (int k = 0; k < clp_->numberColumns(); ++k) sum += c[k] * x[k];
  return sum;
}

double FluxLp::flux(int j) const {
  const double* x = clp_->primalColumnSolution();
  if (layout_ == Columns::Direct) return x[forward_column(j)];
  return x[forward_column(j)] - x[reverse_column(j)];
}

std::vector<double> FluxLp::fluxes() const {
  std::vector<double> v(num_reactions_);
  for (int j = 0; j < num_reactions_; ++j) v[j] = flux(j);
  return v;
}

}  // namespace minn
