// Writes a Gem as SBML Level 3 Version 1 with FBC version 2 (fbc:strict="true"), the form BiGG and
// COBRApy use: bounds as shared constant parameters, GPRs as fbc:geneProductAssociation.
// Reading the file back gives the same S, bounds, objective and GPRs. ".gz" paths are compressed.
#pragma once
#include <string>

#include "gem/gem.hpp"

namespace minn {

void write_sbml(const Gem& gem, const std::string& path);
// The document as text (what write_sbml stores before optional compression).
std::string sbml_text(const Gem& gem);

}  // namespace minn
