// e_coli_core and the Ishii dataset loaded once per test binary (split and unsplit).
#pragma once
#include <string>

#include "data/ishii_dataset.hpp"
#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn::surrogate {

struct EcoliCore {
  std::string data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  Gem unsplit = read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz");
  Gem split = split_reversible(unsplit);
  Dataset dataset = load_ishii(data_dir, split);
};

inline const EcoliCore& ecoli_core() {
  static const EcoliCore fixture;
  return fixture;
}

}  // namespace minn::surrogate
