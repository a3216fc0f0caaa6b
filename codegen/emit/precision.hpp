// Numeric precision of generated code and of the host reference.
#pragma once
#include <string>

namespace minn::emit {

enum class Precision { F32, Int8W };  // int8w: int8 weights with a float scale per row, float activations

Precision parse_precision(const std::string& text);  // "f32" | "int8w", else minn::Error
const char* precision_name(Precision precision);

}  // namespace minn::emit
