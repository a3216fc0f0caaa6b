// The split GEMs the trainer's tests run on, read once per test binary from models/.
#pragma once
#include <string>

#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn::train::testing {

inline const Gem& split_gem(const std::string& name) {
  static const Gem core = split_reversible(read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz"));
  if (name == "e_coli_core") return core;
  static const Gem iaf = split_reversible(read_sbml(std::string(MINN_MODELS_DIR) + "/gems/iAF1260.xml.gz"));
  return iaf;
}

}  // namespace minn::train::testing
