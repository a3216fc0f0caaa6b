// The random model the build-time fixtures (fixture_gen.cpp) are generated from.
#pragma once
#include "random_model.hpp"

namespace minn::test {

inline const RandomModelSpec kFixtureSpec{/*inputs=*/37, /*hidden=*/61, /*reactions=*/45,
                                          /*metabolites=*/23, /*pin_rows=*/5, /*steps=*/8,
                                          /*seed=*/7};

// The uptake-normalised fixture (normalised_model.hpp) scales the outputs by this raw input.
inline constexpr int kFixtureFluxScaleInput = 36;

// The dimensions of the split e_coli_core MINN (141 inputs, H = 250, 142 reactions, 72 metabolites),
// for benchmarks before a trained model ships.
inline const RandomModelSpec kEcoliSizedSpec{141, 250, 142, 72, 18, 8, 3};

}  // namespace minn::test
