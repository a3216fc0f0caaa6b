// The rates a flux surrogate takes as inputs: split-GEM reactions (exchanges, biomass) that the
// sampler fixes to values drawn uniformly in a range, by default the range the dataset measured.
//   paper, online = the named sets of data/rate_columns.hpp
//   a comma list of split-GEM ids, each optionally with its own range: "R_EX_glc__D_e_rev,R_X=0:2"
#pragma once
#include <string>
#include <vector>

#include "data/ishii_dataset.hpp"
#include "gem/gem.hpp"

namespace minn::surrogate {

struct Rate {
  std::string id;          // split-GEM reaction id, e.g. "R_EX_glc__D_e_rev"
  std::string unit;        // "mmol/gDW/h"; "1/h" for the GEM's objective (the biomass reaction)
  double min = 0, max = 0; // drawing range, split convention (>= 0)
  bool measured = true;    // range = min/max over the dataset's experiments (false: given in the list)
};

// Resolves --rates against the split GEM and the dataset loaded for it. Throws minn::Error naming
// --rates and the offending id: unknown reaction (with the _fwd/_rev halves when the id is an unsplit
// reversible one), duplicate, a range that is malformed or negative, an unmeasured reaction without
// a range, an empty list.
std::vector<Rate> resolve_rates(const std::string& spec, const Gem& split_gem, const Dataset& dataset,
                                const std::string& data_dir);

// --input-noise "ID=SD,ID=SD": one standard deviation (raw units, >= 0) per rate, 0 for a rate not
// named; empty spec -> empty vector (no noise). Throws minn::Error naming --input-noise and the
// entry: an id that is not one of the rates, a duplicate, a missing or malformed or negative SD.
std::vector<double> resolve_input_noise(const std::string& spec, const std::vector<Rate>& rates);

}  // namespace minn::surrogate
