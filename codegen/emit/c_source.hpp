// Helpers that print C/C++ source text deterministically (no locale, no host-dependent formats).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace minn::emit {

// An exact float literal: hexadecimal significand (C99/C++17), so no decimal rounding is involved
// when the compiler reads it back; infinities become std::numeric_limits<float>::infinity().
std::string float_literal(float value);
// Shortest decimal that reads back to the same float (for reports and comments).
std::string float_decimal(float value);
std::string c_string_literal(const std::string& text);
bool is_c_identifier(const std::string& text);
// Checks a generated NAME: a C identifier, not a keyword, not reserved, not "minn"/"std".
void validate_name(const std::string& name);

// The narrowest unsigned type holding every value in [0, max_value].
struct IndexType {
  const char* ctype;
  int bytes;
};
IndexType narrowest_index_type(std::int64_t max_value);

}  // namespace minn::emit
