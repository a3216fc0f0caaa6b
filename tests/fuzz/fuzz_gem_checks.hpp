// Properties of a GEM the SBML reader accepted: every later stage (S, splitting, LPs, the writer)
// indexes with these numbers without checking again, so they must hold for any accepted file.
#pragma once
#include <cmath>
#include <string>

#include "fuzz_check.hpp"
#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"
#include "sbml/sbml_writer.hpp"

namespace minn::fuzz {

inline void check_gem_indices(const Gem& gem) {
  const int metabolites = static_cast<int>(gem.metabolites.size());
  for (const Reaction& r : gem.reactions) {
    if (std::isnan(r.lower_bound) || std::isnan(r.upper_bound)) fail("NaN bound on " + r.id);
    if (r.lower_bound > r.upper_bound) fail("lower bound above upper bound on " + r.id);
    for (const auto& [met, coefficient] : r.stoichiometry) {
      if (met < 0 || met >= metabolites) fail("metabolite index out of range in " + r.id);
      if (!std::isfinite(coefficient)) fail("non-finite stoichiometry in " + r.id);
    }
  }
  const CsrMatrix s = gem.stoichiometry();
  if (s.rows != metabolites || s.cols != static_cast<int>(gem.reactions.size())) fail("S has the wrong shape");
  const Gem split = split_reversible(gem);  // CBMPy semantics: only `reversible` reactions split
  if (split.reactions.size() != gem.reactions.size() + static_cast<std::size_t>(gem.reversible_count()))
    fail("splitting did not add one reaction per reversible one");

  // What minn accepts it can write (`minnc reduce`, `minnc split`) and read back unchanged in size.
  Gem again;
  try {
    again = read_sbml_text(sbml_text(gem), "fuzz_round_trip.xml");
  } catch (const Error& e) {
    fail(std::string("an accepted GEM does not survive write + read: ") + e.what());
  }
  if (again.reactions.size() != gem.reactions.size() || again.metabolites.size() != gem.metabolites.size() ||
      again.stoichiometry_nonzeros() != gem.stoichiometry_nonzeros())
    fail("write + read changed the GEM's size");
}

}  // namespace minn::fuzz
