#include "sbml/sbml_values.hpp"

#include <cctype>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <string>

namespace minn::sbml {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return s;
}

bool equals_ignore_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

}  // namespace

bool parse_sbml_double(std::string_view text, double& value) {
  std::string_view s = trim(text);
  if (s.empty()) return false;
  bool negative = false;
  std::string_view unsigned_part = s;
  if (s.front() == '-' || s.front() == '+') {
    negative = s.front() == '-';
    unsigned_part.remove_prefix(1);
  }
  if (equals_ignore_case(unsigned_part, "inf") || equals_ignore_case(unsigned_part, "infinity")) {
    value = negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
    return true;
  }
  if (equals_ignore_case(unsigned_part, "nan")) {
    value = std::numeric_limits<double>::quiet_NaN();
    return true;
  }
  // Only decimal syntax: strtod would also take hex floats, which SBML does not allow.
  for (char c : unsigned_part) {
    if (!(std::isdigit(static_cast<unsigned char>(c)) != 0 || c == '.' || c == 'e' || c == 'E' || c == '-' ||
          c == '+')) {
      return false;
    }
  }
  const std::string copy(s);
  char* end = nullptr;
  const double parsed = std::strtod(copy.c_str(), &end);
  if (end != copy.c_str() + copy.size() || end == copy.c_str()) return false;
  value = parsed;
  return true;
}

bool parse_sbml_bool(std::string_view text, bool& value) {
  const std::string_view s = trim(text);
  if (s == "true" || s == "1") {
    value = true;
    return true;
  }
  if (s == "false" || s == "0") {
    value = false;
    return true;
  }
  return false;
}

}  // namespace minn::sbml
