// Errors and warnings of the host tool. Host code may throw; the runtime in lib/ never does.
#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace minn {

// A user-facing error: the message already names the file, line/element and what was expected.
class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Non-fatal findings (where COBRApy only warns). Collected, printed by the CLI.
struct Diagnostics {
  std::vector<std::string> warnings;
  void warn(std::string message) { warnings.push_back(std::move(message)); }
};

}  // namespace minn
