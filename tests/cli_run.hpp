// Running a command (minnc, chromium, ...) from a test: its exit status and stdout + stderr.
#pragma once
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>

namespace minn::test {

struct CliRun {
  int status = -1;  // exit code, -1 when it did not exit normally
  std::string output;
};

// `command` through the shell, stderr merged into the output (or discarded).
inline CliRun run_command(const std::string& command, bool keep_stderr = true) {
  CliRun r;
  FILE* pipe = popen((command + (keep_stderr ? " 2>&1" : " 2>/dev/null")).c_str(), "r");
  if (!pipe) return r;
  std::array<char, 4096> buffer{};
  while (std::fgets(buffer.data(), buffer.size(), pipe)) r.output += buffer.data();
  const int status = pclose(pipe);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

#ifdef MINNC_PATH
inline CliRun minnc(const std::string& args) { return run_command(std::string(MINNC_PATH) + " " + args); }
#endif

inline std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

}  // namespace minn::test
