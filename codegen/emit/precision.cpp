#include "emit/precision.hpp"

#include "common/error.hpp"

namespace minn::emit {

Precision parse_precision(const std::string& text) {
  if (text == "f32") return Precision::F32;
  if (text == "int8w") return Precision::Int8W;
  throw Error("precision '" + text + "': expected 'f32' or 'int8w'");
}

const char* precision_name(Precision precision) {
  return precision == Precision::F32 ? "f32" : "int8w";
}

}  // namespace minn::emit
