#include "lp/knockout.hpp"

#include <algorithm>
#include <set>

#include "common/error.hpp"

namespace minn {

std::vector<BoundChange> knockout_changes(const Gem& gem, const std::vector<std::string>& gene_ids) {
  std::set<std::string> known;
  for (const Gene& g : gem.genes) known.insert(g.id);
  for (const std::string& id : gene_ids) {
    if (!known.count(id)) {
      throw Error("model '" + gem.id + "': gene '" + id + "' to knock out is not in the model");
    }
  }
  const std::set<std::string> out(gene_ids.begin(), gene_ids.end());
  std::vector<BoundChange> changes;
  for (int j = 0; j < static_cast<int>(gem.reactions.size()); ++j) {
    const Reaction& r = gem.reactions[j];
    if (r.gpr && !r.gpr->active(out)) changes.push_back({j, 0.0, 0.0});
  }
  return changes;
}

std::vector<GeneDeletion> single_gene_deletions(const Gem& gem,
                                                const std::function<void(int, int)>& progress) {
  std::vector<std::string> genes;
  for (const Gene& g : gem.genes) genes.push_back(g.id);
  std::sort(genes.begin(), genes.end());
  FluxLp lp(gem);
  lp.solve("single gene deletions: wild type");
  std::vector<GeneDeletion> result;
  for (std::size_t k = 0; k < genes.size(); ++k) {
    const std::vector<BoundChange> ko = knockout_changes(gem, {genes[k]});
    lp.apply(ko);
    GeneDeletion d;
    d.gene = genes[k];
    d.feasible = lp.solve_if_feasible("deletion of gene '" + genes[k] + "'", Simplex::Dual);
    d.growth = d.feasible ? lp.objective_value() : 0.0;
    restore_gem_bounds(lp, gem, ko);
    result.push_back(d);
    if (progress) progress(static_cast<int>(k + 1), static_cast<int>(genes.size()));
  }
  return result;
}

}  // namespace minn
