// A minimal streaming JSON writer: deterministic output (numbers in shortest round-trip form,
// keys in call order), two-space indentation. Non-finite numbers become null (JSON has no inf/NaN).
#pragma once
#include <string>
#include <vector>

namespace minn {

class JsonWriter {
 public:
  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(const std::string& name);  // inside an object, before each value
  JsonWriter& value(const std::string& text);
  JsonWriter& value(const char* text) { return value(std::string(text)); }
  JsonWriter& value(double number);
  JsonWriter& value(float number);
  JsonWriter& value(long long number);
  JsonWriter& value(unsigned long long number);
  JsonWriter& value(int number) { return value(static_cast<long long>(number)); }
  JsonWriter& value(bool flag);
  JsonWriter& null();

  // The document, ending with a newline; all objects and arrays must be closed.
  std::string str() const;

 private:
  void before_value();
  void newline();
  std::string out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

}  // namespace minn
