// A minimal JSON writer for the reports of the LP commands: deterministic key order (as written),
// doubles with 17 significant digits, non-finite numbers as null.
#pragma once
#include <string>
#include <vector>

namespace minn::json {

std::string quote(const std::string& text);
std::string number(double value);
std::string number(long long value);
std::string array_of_strings(const std::vector<std::string>& items);
std::string array_of_numbers(const std::vector<double>& items);

// Builds {"k": v, ...} from pre-rendered values.
class Object {
 public:
  Object& add(const std::string& key, const std::string& rendered_value);
  std::string str() const { return "{" + body_ + "}"; }

 private:
  std::string body_;
};

}  // namespace minn::json
