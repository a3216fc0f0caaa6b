#include "hil/process.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <thread>

#include "common/error.hpp"

namespace minn::hil {
namespace {

std::string read_and_remove(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  std::remove(path.c_str());
  return text.str();
}

std::string temp_path(const char* tag) {
  char pattern[64];
  std::snprintf(pattern, sizeof pattern, "/tmp/minn-hil-%s-XXXXXX", tag);
  int fd = mkstemp(pattern);
  if (fd < 0) throw Error(std::string("cannot create a temporary file in /tmp: ") + std::strerror(errno));
  close(fd);
  return pattern;
}

}  // namespace

std::string shell_quote(const std::vector<std::string>& argv) {
  std::string line;
  for (const auto& arg : argv) {
    if (!line.empty()) line += ' ';
    bool plain = !arg.empty() && arg.find_first_of(" \t'\"$\\;&|<>()*?") == std::string::npos;
    if (plain) {
      line += arg;
    } else {
      line += '\'';
      for (char c : arg) line += c == '\'' ? std::string("'\\''") : std::string(1, c);
      line += '\'';
    }
  }
  return line;
}

ProcessResult run_process(const std::vector<std::string>& argv, const std::string& cwd, double timeout_seconds) {
  if (argv.empty()) throw Error("run_process: empty command");
  const std::string out_path = temp_path("out");
  const std::string err_path = temp_path("err");
  // An exec failure in the child is reported through this pipe (close-on-exec: empty on success).
  int status_pipe[2];
  if (pipe2(status_pipe, O_CLOEXEC) != 0) throw Error("run_process: pipe failed");

  pid_t pid = fork();
  if (pid < 0) throw Error("run_process: fork failed for " + shell_quote(argv));
  if (pid == 0) {
    setpgid(0, 0);  // own process group: a timeout kills QEMU and anything it started
    close(status_pipe[0]);
    int out_fd = open(out_path.c_str(), O_WRONLY | O_TRUNC);
    int err_fd = open(err_path.c_str(), O_WRONLY | O_TRUNC);
    int null_fd = open("/dev/null", O_RDONLY);
    if (out_fd < 0 || err_fd < 0 || null_fd < 0) _exit(127);
    dup2(null_fd, 0);
    dup2(out_fd, 1);
    dup2(err_fd, 2);
    if (!cwd.empty() && chdir(cwd.c_str()) != 0) {
      int e = errno;
      (void)!write(status_pipe[1], &e, sizeof e);
      _exit(127);
    }
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    int e = errno;
    (void)!write(status_pipe[1], &e, sizeof e);
    _exit(127);
  }
  close(status_pipe[1]);
  int child_errno = 0;
  ssize_t got = read(status_pipe[0], &child_errno, sizeof child_errno);
  close(status_pipe[0]);

  ProcessResult result;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(timeout_seconds);
  int status = 0;
  for (;;) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) break;
    if (std::chrono::steady_clock::now() > deadline) {
      kill(-pid, SIGKILL);
      waitpid(pid, &status, 0);
      result.timed_out = true;
      break;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  }
  result.out = read_and_remove(out_path);
  result.err = read_and_remove(err_path);
  if (got == static_cast<ssize_t>(sizeof child_errno)) {
    throw Error("cannot run `" + shell_quote(argv) + "`" + (cwd.empty() ? "" : " in " + cwd) + ": " +
                std::strerror(child_errno));
  }
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  else if (WIFSIGNALED(status)) result.exit_code = 128 + WTERMSIG(status);
  return result;
}

}  // namespace minn::hil
