#include "lp/subset_gem.hpp"

#include <set>
#include <string>

namespace minn {
namespace {

void collect_genes(const Gpr& gpr, std::set<std::string>& genes) {
  if (gpr.kind == Gpr::Kind::Gene) {
    genes.insert(gpr.gene);
    return;
  }
  for (const Gpr& child : gpr.children) collect_genes(child, genes);
}

}  // namespace

Gem subset_gem(const Gem& gem, const std::vector<int>& kept) {
  Gem out;
  out.id = gem.id;
  out.name = gem.name;
  out.source_sha256 = gem.source_sha256;
  out.compartments = gem.compartments;
  out.objective_maximize = gem.objective_maximize;
  std::vector<int> used(gem.metabolites.size(), 0);
  std::set<std::string> genes;
  for (int j : kept) {
    for (const auto& [m, coef] : gem.reactions[j].stoichiometry) used[m] = 1;
    if (gem.reactions[j].gpr) collect_genes(*gem.reactions[j].gpr, genes);
  }
  std::vector<int> new_index(gem.metabolites.size(), -1);
  for (std::size_t m = 0; m < gem.metabolites.size(); ++m) {
    if (!used[m]) continue;
    new_index[m] = static_cast<int>(out.metabolites.size());
    out.metabolites.push_back(gem.metabolites[m]);
  }
  for (const Gene& g : gem.genes) {
    if (genes.count(g.id)) out.genes.push_back(g);
  }
  for (int j : kept) {
    Reaction r = gem.reactions[j];
    for (auto& entry : r.stoichiometry) entry.first = new_index[entry.first];
    out.reactions.push_back(std::move(r));
  }
  return out;
}

}  // namespace minn
