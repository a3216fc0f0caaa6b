// Exact comparison of two models (floats compared bit for bit, so NaN, -0 and inf are handled),
// for round-trip tests of every stage that writes or reads models.
#pragma once
#include <string>

#include "model/model.hpp"

namespace minn {

// True when identical; otherwise false and, if `difference` is given, the first field that differs.
bool models_equal(const MinnModel& a, const MinnModel& b, std::string* difference = nullptr);

}  // namespace minn
