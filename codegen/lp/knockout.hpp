// Gene knockouts through the GPR rules, as LP bound changes (the GEM itself is not copied).
#pragma once
#include <functional>
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "lp/flux_lp.hpp"

namespace minn {

// Reactions whose GPR evaluates to false with these genes removed get [0, 0] (COBRApy's
// `gene.knock_out()`). Unknown gene ids raise minn::Error naming the gene and the model.
std::vector<BoundChange> knockout_changes(const Gem& gem, const std::vector<std::string>& gene_ids);

struct GeneDeletion {
  std::string gene;
  double growth = 0.0;    // optimum with the gene knocked out; 0 when infeasible
  bool feasible = true;
};

// COBRApy `single_gene_deletion` over every gene (sorted by id): one LP, warm-started with the
// dual simplex after each knockout's bound change.
std::vector<GeneDeletion> single_gene_deletions(const Gem& gem,
                                                const std::function<void(int, int)>& progress = {});

}  // namespace minn
