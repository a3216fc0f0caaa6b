// Runs an external program (cmake, QEMU, nm, size) with a wall-clock limit and captures its output.
#pragma once
#include <string>
#include <vector>

namespace minn::hil {

struct ProcessResult {
  int exit_code = -1;      // the program's exit status, or 128 + signal
  bool timed_out = false;  // killed after the time limit
  std::string out;         // stdout
  std::string err;         // stderr
};

// argv[0] is looked up in PATH. `cwd` empty = current directory. Throws minn::Error only when the
// program cannot be started at all (not found); a non-zero exit is reported in the result.
ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd, double timeout_seconds);

// "a b 'c d'": the command as a user could paste it into a shell (for error messages).
std::string shell_quote(const std::vector<std::string>& argv);

}  // namespace minn::hil
