// The uptake-normalised variant of a random test model (residual form), for the bit-identity
// fixtures of tests/emit and tests/hil: the outputs are scaled by one raw input.
#pragma once
#include "model/model.hpp"

namespace minn::test {

// Sets flux_scale_input = `input` and one yield offset per output (spread over [-1, 1]). The
// input's training envelope and scaler become [1, 11], a positive uptake range, so random rows
// inside the envelope scale the outputs by 1 to 11 instead of often by 0; rows far below the
// envelope still exercise max(u, 0).
MinnModel uptake_normalised(MinnModel model, int input);

}  // namespace minn::test
