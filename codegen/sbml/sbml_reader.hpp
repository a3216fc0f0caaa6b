// Reads SBML into a Gem the way COBRApy does: Level 3 FBC version 2 (strict and non-strict),
// FBC version 1 (fbc:fluxBound), and Level 2 COBRA-style files (bounds and objective in kineticLaw
// parameters, GPR in notes). Plain .xml or gzip-compressed .xml.gz (detected by content).
#pragma once
#include <string>

#include "common/error.hpp"
#include "gem/gem.hpp"

namespace minn {

// Throws minn::Error naming the file, line, element id and what was expected on malformed input.
// Findings where COBRApy only warns go to `diagnostics` (when given), each prefixed "file:line:".
Gem read_sbml(const std::string& path, Diagnostics* diagnostics = nullptr);

// Same, for a document already in memory; `source_name` names it in messages.
Gem read_sbml_text(const std::string& xml_text, const std::string& source_name,
                   Diagnostics* diagnostics = nullptr);

}  // namespace minn
