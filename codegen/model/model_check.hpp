// Semantic invariants of a MinnModel, checked before saving and after loading.
#pragma once
#include <string>

#include "model/model.hpp"

namespace minn {

// Throws minn::Error "<origin>: <what is wrong, where, what was expected>" on the first violation:
// dimensions that disagree (inputs, scaler, envelope, layers, outputs, S, Pin), non-finite weights,
// biases, scaler, envelope or S values, invalid compressed sparse rows, out-of-range Pin indices,
// Pref ids that are not outputs, duplicate ids, malformed SHA-256 strings, bad refinement settings,
// a flux_scale_input that is not an input, a yield_offset of the wrong length, non-finite or
// without flux_scale_input.
void check_model(const MinnModel& model, const std::string& origin);

}  // namespace minn
