// The flux-balance LP of a GEM on COIN-OR CLP: S v = 0, bounds, a linear objective.
// Built once; bounds, objective and extra rows change in place and every re-solve starts
// from the previous basis (warm start), which is what makes FVA and knockout scans fast.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "gem/gem.hpp"

class ClpSimplex;

namespace minn {

enum class Sense { Maximize, Minimize };

// Which simplex continues from the previous basis: after an objective change the basis stays
// primal feasible (Primal is the natural choice); after a bound change it stays dual feasible (Dual).
enum class Simplex { Primal, Dual };

// Column layout. Direct: one column per reaction. SplitVariables: every reaction j is
// v_j = f_j - r_j with f_j in [max(lb,0), max(ub,0)] and r_j in [max(-ub,0), max(-lb,0)]
// (COBRApy's forward/reverse variables), so that sum |v| is linear (pFBA).
enum class Columns { Direct, SplitVariables };

using LinearTerms = std::vector<std::pair<int, double>>;  // (reaction index, coefficient)

// A bound override applied on top of the GEM's own bounds (medium, knockout, measured uptake).
struct BoundChange {
  int reaction = -1;
  double lower = 0.0;
  double upper = 0.0;
};

class FluxLp {
 public:
  // Objective: the GEM's objective coefficients and direction.
  explicit FluxLp(const Gem& gem, Columns layout = Columns::Direct);
  FluxLp(const FluxLp& other);  // deep copy, including the current basis (one per thread)
  FluxLp& operator=(const FluxLp&) = delete;
  ~FluxLp();

  const std::string& model_id() const { return model_id_; }
  int num_reactions() const { return num_reactions_; }
  Columns layout() const { return layout_; }

  // Reaction-level bounds (mapped onto the split variables in that layout). +-inf allowed.
  void set_reaction_bounds(int reaction, double lower, double upper);
  void apply(const std::vector<BoundChange>& changes);
  double reaction_lower(int reaction) const { return lower_[reaction]; }
  double reaction_upper(int reaction) const { return upper_[reaction]; }

  // Replaces the objective: sum of coef * v_j over the given reactions, zero elsewhere.
  void set_objective(const LinearTerms& terms, Sense sense);
  // Objective: minimise sum_j (f_j + r_j) = sum_j |v_j| (SplitVariables layout only).
  void set_objective_total_flux();
  void set_sense(Sense sense);
  // Changes one reaction's objective coefficient, keeping the others.
  void set_objective_coefficient(int reaction, double coef);

  // Adds the row lower <= sum coef * v_j <= upper; returns its index for set_row_bounds.
  int add_row(const LinearTerms& terms, double lower, double upper);
  void set_row_bounds(int row, double lower, double upper);

  // Solves from the current basis. Returns the objective value (in the LP's own terms).
  // Infeasible, unbounded or failed solves throw minn::Error naming the model, `what` and
  // CLP's status.
  double solve(const std::string& what, Simplex method = Simplex::Dual);
  // Like solve(), but a primal infeasible LP (e.g. a lethal knockout) returns false instead.
  bool solve_if_feasible(const std::string& what, Simplex method = Simplex::Dual);

  // After a successful solve: v_j per reaction (f_j - r_j in the split layout).
  double flux(int reaction) const;
  std::vector<double> fluxes() const;
  double objective_value() const { return objective_value_; }

  // Deletes one added row (e.g. pFBA's objective constraint).
  void delete_row(int row);

  // The underlying solver, for the quadratic objective of the FBA-fit projection.
  ClpSimplex& clp() { return *clp_; }

 private:
  int forward_column(int reaction) const { return reaction; }
  int reverse_column(int reaction) const { return num_reactions_ + reaction; }
  double evaluate_objective() const;

  std::string model_id_;
  int num_reactions_ = 0;
  Columns layout_ = Columns::Direct;
  std::vector<double> lower_, upper_;
  std::unique_ptr<ClpSimplex> clp_;
  double objective_value_ = 0.0;
  bool warm_ = false;  // CLP's work areas and factorization from the last solve are still valid
};

// Undoes `changes` on `lp`: each changed reaction back to `gem`'s own bounds (the GEM the LP was
// built from), so one LP serves many experiments, knockouts or samples in turn.
void restore_gem_bounds(FluxLp& lp, const Gem& gem, const std::vector<BoundChange>& changes);

// The GEM's objective as linear terms (reactions with a nonzero coefficient).
LinearTerms gem_objective(const Gem& gem);

}  // namespace minn
