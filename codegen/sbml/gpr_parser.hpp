// Parses COBRApy-style GPR text: gene ids combined with `and`/`or` (also `AND`/`OR`, as COBRApy
// accepts) and parentheses; `and` binds tighter than `or`, as in Python.
#pragma once
#include <memory>
#include <string_view>

#include "gem/gem.hpp"

namespace minn::sbml {

// Null for an empty or blank rule. Throws minn::Error("<what> at column N of '<text>'") on bad
// syntax; callers prefix the file, line and reaction.
std::unique_ptr<Gpr> parse_gpr(std::string_view text);

}  // namespace minn::sbml
