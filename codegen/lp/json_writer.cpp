#include "lp/json_writer.hpp"

#include <cmath>
#include <cstdio>

namespace minn::json {

std::string quote(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

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
