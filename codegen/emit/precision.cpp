#include "emit/precision.hpp"

#include "common/error.hpp"

namespace minn::emit {

Precision parse_precision(const std::string& text) {
  if (text == "f32") return Precision::F32;
  if (text == "int8w") return Precision::Int8W;
  if (text == "q15") return Precision::Q15;
  if (text == "q7") return Precision::Q7;
  throw Error("precision '" + text + "': expected 'f32', 'int8w', 'q15' or 'q7'");
}

const char* precision_name(Precision precision) {
  switch (precision) {
    case Precision::F32: return "f32";
    case Precision::Int8W: return "int8w";
    case Precision::Q15: return "q15";
    case Precision::Q7: return "q7";
  }
  return "?";
}

}  // namespace minn::emit
