// An independent, rigorous bound on |V_int8w - V_f32| per output, from the quantization error
// |w - scale * q| <= scale / 2 with scale = max_j |w_rj| / 127 (symmetric int8 per row), propagated
// in double through the layers (ReLU is 1-Lipschitz) and the K heavy-ball steps (whose gradient is
// Lipschitz componentwise with |S|^T|S|, Pin^T Pin and the identity), scaled by max(u, 0) for an
// uptake-normalised model. Float rounding is not in it;
// tests add a small relative slack for that.
#pragma once
#include <vector>

#include "model/model.hpp"

namespace minn::test {

// `scaled` = the model's scaled input x (double). Returns one bound per output.
std::vector<double> int8w_error_bound(const MinnModel& model, const std::vector<double>& scaled);

}  // namespace minn::test
