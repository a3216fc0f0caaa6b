// Attribute values as SBML types them (double with INF/-INF/NaN, boolean). Return false on bad text;
// the reader turns that into a located error.
#pragma once
#include <string_view>

namespace minn::sbml {

// SBML `double`: decimal or scientific notation, `INF`, `-INF` (any case, also "Infinity"), `NaN`.
bool parse_sbml_double(std::string_view text, double& value);
// SBML `boolean`: true, false, 1, 0.
bool parse_sbml_bool(std::string_view text, bool& value);

}  // namespace minn::sbml
