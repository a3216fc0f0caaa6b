// A deterministic random MINN for HIL tests that must not wait for the trained e_coli_core model:
// PyTorch-like weight ranges, a random sparse S, finite and infinite Vin rows. Shapes default to
// a small model so soft-float boards stay fast.
#pragma once
#include <cstdint>

#include "model/model.hpp"

namespace minn::test {

struct SyntheticModelSpec {
  int inputs = 10;
  int hidden = 13;
  int reactions = 17;
  int metabolites = 9;
  int pin_rows = 3;
  int steps = 4;
  std::uint32_t seed = 7;
};

MinnModel make_synthetic_model(const SyntheticModelSpec& spec);

}  // namespace minn::test
