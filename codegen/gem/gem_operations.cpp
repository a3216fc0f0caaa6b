// Operations that derive or modify a Gem: reversible splitting (CBMPy order), medium, gene knockouts.
#include <algorithm>
#include <set>

#include "common/error.hpp"
#include "gem/gem.hpp"

namespace minn {

int split_partner(const Gem& gem, const std::string& id) {
  const std::size_t n = id.size();
  if (n <= 4) return -1;
  const std::string tail = id.substr(n - 4);
  if (tail != "_fwd" && tail != "_rev") return -1;
  return gem.reaction_index(id.substr(0, n - 4) + (tail == "_fwd" ? "_rev" : "_fwd"));
}

Gem split_reversible(const Gem& gem) {
  Gem out;
  out.id = gem.id;
  out.name = gem.name;
  out.source_sha256 = gem.source_sha256;
  out.compartments = gem.compartments;
  out.metabolites = gem.metabolites;
  out.genes = gem.genes;
  out.objective_maximize = gem.objective_maximize;
  out.reactions.reserve(gem.reactions.size() + static_cast<std::size_t>(gem.reversible_count()));

  for (const Reaction& r : gem.reactions) {
    if (!r.reversible) out.reactions.push_back(r);
  }
  for (const Reaction& r : gem.reactions) {
    if (!r.reversible) continue;
    Reaction fwd = r;
    fwd.id = r.id + "_fwd";
    fwd.reversible = false;
    fwd.lower_bound = std::max(r.lower_bound, 0.0);
    fwd.upper_bound = std::max(r.upper_bound, 0.0);

    Reaction rev = r;
    rev.id = r.id + "_rev";
    rev.reversible = false;
    rev.lower_bound = std::max(-r.upper_bound, 0.0);
    rev.upper_bound = std::max(-r.lower_bound, 0.0);
    // v = v_fwd - v_rev: the reverse half carries the negated column and objective weight.
    for (auto& entry : rev.stoichiometry) entry.second = -entry.second;
    rev.objective_coefficient = -r.objective_coefficient;
    if (rev.objective_coefficient == 0.0) rev.objective_coefficient = 0.0;  // no "-0" in output

    out.reactions.push_back(std::move(fwd));
    out.reactions.push_back(std::move(rev));
  }
  return out;
}

void set_medium(Gem& gem, const std::unordered_map<std::string, double>& uptake_by_exchange_id) {
  const std::vector<int> exchanges = gem.exchange_reactions();
  std::set<std::string> exchange_ids;
  for (int i : exchanges) exchange_ids.insert(gem.reactions[static_cast<std::size_t>(i)].id);
  for (const auto& [id, value] : uptake_by_exchange_id) {
    if (exchange_ids.count(id) == 0) {
      throw Error("medium: '" + id + "' is not an exchange reaction of model '" + gem.id +
                  "' (expected a reaction with exactly one metabolite)");
    }
    if (!(value >= 0.0)) {
      throw Error("medium: uptake of '" + id + "' must be >= 0, got " + std::to_string(value));
    }
  }
  for (int i : exchanges) {
    Reaction& r = gem.reactions[static_cast<std::size_t>(i)];
    const auto it = uptake_by_exchange_id.find(r.id);
    const double uptake = it == uptake_by_exchange_id.end() ? 0.0 : it->second;
    // Uptake is the direction that produces the metabolite inside the model: negative flux when
    // the metabolite is a reactant (A <=>), positive when it is a product (<=> A), as in COBRApy.
    if (r.stoichiometry.front().second < 0.0) {
      r.lower_bound = -uptake;
    } else {
      r.upper_bound = uptake;
    }
  }
}

namespace {

// Accepts the id as written ("G_b0001"), the id without the SBML "G_" prefix COBRApy strips
// ("b0001"), or the gene name ("pgi"; every gene with that name).
std::vector<std::string> resolve_gene(const Gem& gem, const std::string& query) {
  if (gem.gene_index(query) >= 0) return {query};
  if (gem.gene_index("G_" + query) >= 0) return {"G_" + query};
  std::vector<std::string> by_name;
  for (const Gene& g : gem.genes) {
    if (g.name == query) by_name.push_back(g.id);
  }
  if (by_name.empty()) {
    throw Error("gene knockout: gene '" + query + "' is not in model '" + gem.id +
                "' (expected a gene id such as '" + (gem.genes.empty() ? std::string("G_b0001") : gem.genes[0].id) +
                "' or a gene name)");
  }
  return by_name;
}

}  // namespace

std::vector<int> knock_out_genes(Gem& gem, const std::vector<std::string>& gene_ids) {
  std::set<std::string> knocked_out;
  for (const std::string& query : gene_ids) {
    for (std::string& id : resolve_gene(gem, query)) knocked_out.insert(std::move(id));
  }
  std::vector<int> disabled;
  for (std::size_t i = 0; i < gem.reactions.size(); ++i) {
    Reaction& r = gem.reactions[i];
    if (r.gpr && !r.gpr->active(knocked_out)) {
      r.lower_bound = 0.0;
      r.upper_bound = 0.0;
      disabled.push_back(static_cast<int>(i));
    }
  }
  return disabled;
}

}  // namespace minn
