// The genotype of each Ishii experiment as flux bounds: the experiment's name is the knocked-out gene
// (REF and WT_* are wild type); every split reaction whose GPR evaluates to false without that gene
// gets upper bound 0 (COBRApy's gene.knock_out(), as lp/pfba_predictor applies it). Both halves of a
// split reaction share the GPR, so a knockout closes both directions, e.g. pgi -> R_PGI_fwd and
// R_PGI_rev. (KOs_Vin.csv, the paper's hand-made list, closes only some directions: R_PGI_rev.)
#pragma once
#include <Eigen/Core>
#include <string>
#include <vector>

#include "gem/gem.hpp"

namespace minn {

struct GenotypeKnockouts {
  std::vector<int> reactions;          // split-GEM indices disabled in at least one experiment, GEM order
  std::vector<std::string> reaction_ids;
  Eigen::MatrixXd upper_bounds;        // experiments x reactions: 0 (disabled) or +inf (no bound)
  std::vector<std::string> genes;      // per experiment: the GEM gene id knocked out, empty for wild type
  std::vector<std::string> absent;     // knockouts whose gene the GEM lacks (no bound), e.g. gapC in e_coli_core
  std::vector<std::string> no_effect;  // knockouts the GPR does not disable anything for (isozymes), e.g. pykA
};

// One line naming the knockouts that get no bound, empty when every knockout bounds something.
std::string unbounded_knockouts_note(const GenotypeKnockouts& knockouts, const std::string& gem_id);

bool is_wild_type(const std::string& experiment);  // REF or WT_*

// Genes are matched by name or id (b-numbers, with or without the SBML "G_" prefix).
GenotypeKnockouts genotype_knockouts(const Gem& split_gem, const std::vector<std::string>& experiments);

// Network inputs for the genotype: one 0/1 indicator per disabled reaction, the _fwd/_rev halves of
// one reaction merged (they are always disabled together), named "ko_<unsplit id>", e.g. ko_R_PGI.
struct GenotypeIndicators {
  std::vector<std::string> names;
  Eigen::MatrixXd values;                 // experiments x indicators
  std::vector<int> indicator_of_reaction;  // per GenotypeKnockouts reaction: its indicator column
};
GenotypeIndicators genotype_indicators(const Gem& split_gem, const GenotypeKnockouts& knockouts);

}  // namespace minn
