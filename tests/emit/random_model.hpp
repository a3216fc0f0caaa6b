// Deterministic random MINNs for tests that must not wait for a trained model: PyTorch-like
// weight ranges, a random sparse S, Pin rows with finite and infinite Vin.
#pragma once
#include <cstdint>

#include "model/model.hpp"

namespace minn::test {

struct RandomModelSpec {
  int inputs = 12;
  int hidden = 21;        // deliberately not a multiple of the panel size
  int reactions = 19;
  int metabolites = 11;
  int pin_rows = 3;
  int steps = 8;
  std::uint32_t seed = 1;
};

MinnModel make_random_model(const RandomModelSpec& spec);

}  // namespace minn::test
