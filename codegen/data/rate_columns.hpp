// Named sets of measured rates, as raw fluxomics.csv column ids (the GEM decides their split ids,
// data/ishii_ids.hpp). Here, below training and surrogates, so that both can use the same lists.
//   paper  = the MINN paper's reservoir inputs: glucose uptake, O2 uptake, CO2 evolution, ethanol and
//            acetate secretion (Tazza et al. 2025, section 2.3.1)
//   online = what a bioreactor measures online: glucose uptake (feed), O2 uptake and CO2 evolution
//            (off-gas), growth rate (biomass signal)
#pragma once
#include <string>
#include <vector>

#include "data/ishii_dataset.hpp"
#include "gem/gem.hpp"

namespace minn {

// Empty for a name that is neither "paper" nor "online".
std::vector<std::string> named_rate_columns(const std::string& name);

// The split-GEM ids of a named set's columns, in the set's order; minn::Error naming the column when
// the GEM has no matching reaction.
std::vector<std::string> named_rate_ids(const std::string& name, const Gem& split_gem);

}  // namespace minn
