// The random model the build-time fixtures (fixture_gen.cpp) are generated from.
#pragma once
#include "random_model.hpp"

namespace minn::test {

inline const RandomModelSpec kFixtureSpec{/*inputs=*/37, /*hidden=*/61, /*reactions=*/45,
                                          /*metabolites=*/23, /*pin_rows=*/5, /*steps=*/8,
                                          /*seed=*/7};

}  // namespace minn::test
