// Maps the raw signed flux ids of the Ishii fluxomics file (R_PGK, R_EX_glc_e_, ...) to reactions
// of a split GEM (only non-negative fluxes), following data/README.md: the GEM decides
// which id exists; the sign lists in ishii_ids.cpp decide between the _fwd and _rev halves.
#pragma once
#include <string>

#include "gem/gem.hpp"

namespace minn {

struct MappedFlux {
  std::string gem_id;  // e.g. "R_PGK_rev"
  int reaction = -1;   // index in the split GEM
  double sign = 1.0;   // split value = sign * raw value
};

// `where` names the column in messages ("fluxomics.csv, column 7 'R_PGK'"). Throws minn::Error
// when no reaction of the GEM matches, or when the GEM splits a reaction whose sign convention
// the note does not give.
MappedFlux map_ishii_flux(const std::string& raw_id, const Gem& split_gem, const std::string& where);

}  // namespace minn
