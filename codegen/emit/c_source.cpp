#include "emit/c_source.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <set>

#include "common/error.hpp"

namespace minn::emit {

std::string float_literal(float value) {
  if (std::isinf(value)) {
    return value > 0 ? "std::numeric_limits<float>::infinity()"
                     : "-std::numeric_limits<float>::infinity()";
  }
  char text[48];
  std::snprintf(text, sizeof text, "%af", static_cast<double>(value));
  return text;
}

std::string float_decimal(float value) {
  char text[48];
  for (int digits = 6; digits <= 9; ++digits) {
    std::snprintf(text, sizeof text, "%.*g", digits, static_cast<double>(value));
    if (std::strtof(text, nullptr) == value) break;
  }
  return text;
}

std::string c_string_literal(const std::string& text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c < 0x20 || c >= 0x7f || c == '?') {  // '?' avoids trigraphs in old C compilers
      char esc[8];
      std::snprintf(esc, sizeof esc, "\\%03o", c);
      out += esc;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

bool is_c_identifier(const std::string& text) {
  if (text.empty()) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(text[0])) return false;
  for (char c : text) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

void validate_name(const std::string& name) {
  static const std::set<std::string> kKeywords = {
      "alignas", "alignof", "and", "and_eq", "asm", "auto", "bitand", "bitor", "bool", "break",
      "case", "catch", "char", "char16_t", "char32_t", "class", "compl", "const", "constexpr",
      "const_cast", "continue", "decltype", "default", "delete", "do", "double", "dynamic_cast",
      "else", "enum", "explicit", "export", "extern", "false", "float", "for", "friend", "goto",
      "if", "inline", "int", "long", "mutable", "namespace", "new", "noexcept", "not", "not_eq",
      "nullptr", "operator", "or", "or_eq", "private", "protected", "public", "register",
      "reinterpret_cast", "restrict", "return", "short", "signed", "sizeof", "static",
      "static_assert", "static_cast", "struct", "switch", "template", "this", "thread_local",
      "throw", "true", "try", "typedef", "typeid", "typename", "union", "unsigned", "using",
      "virtual", "void", "volatile", "wchar_t", "while", "xor", "xor_eq", "main", "minn", "std"};
  const std::string what = "--name '" + name + "': ";
  if (!is_c_identifier(name)) {
    throw Error(what + "expected a C identifier (a letter or '_', then letters, digits or '_')");
  }
  if (name.size() > 48) throw Error(what + "expected at most 48 characters");
  if (kKeywords.count(name) != 0) throw Error(what + "is a C/C++ keyword or a reserved name");
  if (name[0] == '_' && (name.size() == 1 || name[1] == '_' || (name[1] >= 'A' && name[1] <= 'Z'))) {
    throw Error(what + "identifiers starting with '__' or '_' + capital letter are reserved");
  }
}

IndexType narrowest_index_type(std::int64_t max_value) {
  if (max_value <= 0xff) return {"uint8_t", 1};
  if (max_value <= 0xffff) return {"uint16_t", 2};
  return {"uint32_t", 4};
}

}  // namespace minn::emit
