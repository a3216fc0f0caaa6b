// Numeric precision of generated code and of the host reference.
#pragma once
#include <string>

namespace minn::emit {

enum class Precision {
  F32,    // float weights and activations
  Int8W,  // int8 weights with a float scale per row, float activations
  Q15,    // fixed point: int16 weights and activations, int32 accumulators and refinement
  Q7,     // fixed point: int8 weights and activations, int32 accumulators and refinement
};

Precision parse_precision(const std::string& text);  // "f32" | "int8w" | "q15" | "q7", else minn::Error
const char* precision_name(Precision precision);
inline bool is_fixed_point(Precision p) { return p == Precision::Q15 || p == Precision::Q7; }

}  // namespace minn::emit
