// The genome-scale metabolic model (GEM) as minn holds it in memory.
// Semantics follow COBRApy (reactions, metabolites, genes, bounds, objective, GPR);
// the stoichiometric matrix is kept sparse (compressed sparse rows, metabolites x reactions).
#pragma once
#include <cstdint>
#include <limits>
#include <memory>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace minn {

// Gene-protein-reaction rule as a tree: a gene leaf, or an and/or node over children.
struct Gpr {
  enum class Kind { Gene, And, Or };
  Kind kind = Kind::Gene;
  std::string gene;             // Kind::Gene only
  std::vector<Gpr> children;    // And/Or only

  // True when the reaction can still run with the given genes knocked out.
  bool active(const std::set<std::string>& knocked_out) const;
  // COBRApy-style text: "b0001 and (b0002 or b0003)".
  std::string to_string() const;
};

struct Compartment {
  std::string id;
  std::string name;
};

struct Metabolite {
  std::string id;           // SBML id as written (e.g. "M_glc__D_e")
  std::string name;
  std::string compartment;
  std::string formula;
  int charge = 0;
  bool has_charge = false;
};

struct Gene {
  std::string id;
  std::string name;
};

struct Reaction {
  std::string id;           // SBML id as written (e.g. "R_PGK")
  std::string name;
  double lower_bound = 0.0;
  double upper_bound = 0.0;
  bool reversible = false;  // the SBML `reversible` attribute (CBMPy semantics, used for splitting)
  double objective_coefficient = 0.0;
  std::vector<std::pair<int, double>> stoichiometry;  // (metabolite index, coefficient), boundary species excluded
  std::unique_ptr<Gpr> gpr;                            // null when the reaction has no GPR
  std::string subsystem;
  int source_line = 0;      // line in the SBML file, for messages

  Reaction() = default;
  Reaction(const Reaction& other);
  Reaction& operator=(const Reaction& other);
  Reaction(Reaction&&) noexcept = default;
  Reaction& operator=(Reaction&&) noexcept = default;
};

// Compressed sparse rows. Row r holds entries [row_ptr[r], row_ptr[r+1]) of col_index/values,
// with columns strictly increasing inside a row.
struct CsrMatrix {
  int rows = 0;
  int cols = 0;
  std::vector<int> row_ptr;   // rows + 1 entries
  std::vector<int> col_index;
  std::vector<double> values;
  std::size_t nonzeros() const { return values.size(); }
};

struct Gem {
  std::string id;
  std::string name;
  std::string source_sha256;  // SHA-256 of the file it was read from (empty when built in memory)
  std::vector<Compartment> compartments;
  std::vector<Metabolite> metabolites;
  std::vector<Reaction> reactions;
  std::vector<Gene> genes;
  bool objective_maximize = true;

  int reaction_index(const std::string& id) const;    // -1 when absent
  int metabolite_index(const std::string& id) const;  // -1 when absent
  int gene_index(const std::string& id) const;        // -1 when absent

  // S (metabolites x reactions), built from the reactions' stoichiometry.
  CsrMatrix stoichiometry() const;
  std::size_t stoichiometry_nonzeros() const;
  int reversible_count() const;                       // by the SBML attribute
  std::vector<int> objective_reactions() const;       // indices with a nonzero coefficient
  // COBRApy's boundary reactions: exactly one metabolite (exchange, demand or sink).
  std::vector<int> exchange_reactions() const;
};

inline constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Splits every reaction whose SBML `reversible` attribute is true into <id>_fwd and <id>_rev,
// in CBMPy's order: irreversible reactions keep their order; each split pair is appended at the
// end in SBML order. Bounds: _fwd [max(lb,0), max(ub,0)], _rev [max(-ub,0), max(-lb,0)].
Gem split_reversible(const Gem& gem);

// The index of the other half of a split pair (R_X_rev for R_X_fwd and the reverse); -1 when `id`
// is not one half of a pair in `gem`.
int split_partner(const Gem& gem, const std::string& id);

// Sets bounds of exchange reactions from a medium: uptake of metabolite X at most `value`
// (COBRApy `model.medium` semantics: lb = -value on the exchange); exchanges not named get lb = 0.
void set_medium(Gem& gem, const std::unordered_map<std::string, double>& uptake_by_exchange_id);

// Knocks out genes: every reaction whose GPR evaluates to false gets bounds [0, 0].
// Returns the indices of the disabled reactions. Unknown gene ids raise minn::Error.
std::vector<int> knock_out_genes(Gem& gem, const std::vector<std::string>& gene_ids);

}  // namespace minn
