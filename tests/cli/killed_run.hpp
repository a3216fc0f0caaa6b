// Runs minnc in a child process and, optionally, kills it with SIGKILL after a delay: what a
// power cut, the OOM killer or a CI timeout does to a command writing its results.
#pragma once
#include <chrono>
#include <string>
#include <vector>

namespace minn::test {

struct RunOutcome {
  bool killed = false;      // SIGKILL arrived before the command finished
  int exit_status = -1;     // when not killed
  std::chrono::duration<double> elapsed{};
};

// `args` after the minnc path; stdout and stderr go to /dev/null. `kill_after` < 0: never killed.
// The child runs with MINN_SLOW_WRITES set (codegen/common/file_bytes.cpp), so writes take long
// enough for a random kill to land inside one.
RunOutcome run_minnc(const std::vector<std::string>& args, double kill_after_seconds = -1.0);

}  // namespace minn::test
