#include "lp/json_writer.hpp"

#include <cmath>
#include <cstdio>

#include "common/json_text.hpp"

namespace minn::json {

std::string quote(const std::string& text) { return json_quote(text); }

std::string number(double value) {
  if (!std::isfinite(value)) return "null";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.17g", value);
  return buf;
}

std::string number(long long value) { return std::to_string(value); }

std::string array_of_strings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + quote(items[k]);
  return out + "]";
}

std::string array_of_numbers(const std::vector<double>& items) {
  std::string out = "[";
  for (std::size_t k = 0; k < items.size(); ++k) out += (k ? ", " : "") + number(items[k]);
  return out + "]";
}

Object& Object::add(const std::string& key, const std::string& rendered_value) {
  if (!body_.empty()) body_ += ", ";
  body_ += quote(key) + ": " + rendered_value;
  return *this;
}

}  // namespace minn::json
