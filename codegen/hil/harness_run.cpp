#include "hil/harness_run.hpp"

#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/error.hpp"
#include "hil/process.hpp"
#include "hil_protocol.h"

namespace minn::hil {
namespace {

namespace fs = std::filesystem;

std::string symbol_address(const std::string& nm_output, const std::string& symbol, const std::string& exe) {
  std::istringstream in(nm_output);
  std::string addr, type, name;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    if (fields >> addr >> type >> name && name == symbol && (type == "T" || type == "t")) return "0x" + addr;
  }
  throw Error(exe + ": no code symbol '" + symbol + "' (is it a HIL harness built from targets/common/hil_main.c?)");
}

std::vector<std::uint64_t> read_windows(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": the instruction-counting plugin wrote no file");
  std::vector<std::uint64_t> counts;
  std::uint64_t value = 0;
  while (in >> value) counts.push_back(value);
  return counts;
}

long long log_value(const std::string& log, const std::string& key) {
  auto at = log.find(key + "=");
  if (at == std::string::npos) return -1;
  return std::stoll(log.substr(at + key.size() + 1));
}

}  // namespace

bool counts_instructions(const BoardFacts& facts) { return facts.get("kind") != "host"; }

std::string describe_exit_code(int code) {
  switch (code) {
    case MINN_HIL_EXIT_OK: return "0 (ok)";
    case MINN_HIL_EXIT_USAGE: return "2 (harness usage error)";
    case MINN_HIL_EXIT_FAULT: return "3 (fault on the target)";
    case MINN_HIL_EXIT_BAD_INPUT: return "4 (inputs file missing, truncated or of the wrong width)";
    case MINN_HIL_EXIT_IO: return "5 (outputs file could not be written)";
    default: return std::to_string(code) + (code >= 128 ? " (killed by a signal)" : " (unexpected)");
  }
}

HarnessRun run_harness(const Firmware& firmware, const InputBatch& inputs, const HarnessOptions& options) {
  fs::create_directories(options.work_dir);
  const std::string in_name = "hil_inputs.bin", out_name = "hil_outputs.bin", windows_name = "hil_windows.txt";
  const fs::path work = fs::absolute(options.work_dir);
  fs::remove(work / out_name);
  fs::remove(work / windows_name);
  write_inputs((work / in_name).string(), inputs);

  const BoardFacts& facts = firmware.facts;
  const std::string kind = facts.get("kind");
  const bool count = !options.plugin_path.empty() && counts_instructions(facts);
  std::vector<std::string> plugin_args;
  if (count) {
    if (!fs::exists(options.plugin_path))
      throw Error(options.plugin_path + ": instruction-counting plugin not found (build target minn_insn_window)");
    ProcessResult nm = run_process({facts.get("nm"), firmware.executable}, "", 60);
    if (nm.exit_code != 0) throw Error(facts.get("nm") + " " + firmware.executable + " failed: " + nm.err);
    plugin_args = {"-plugin",
                   fs::absolute(options.plugin_path).string() +
                       ",begin=" + symbol_address(nm.out, "minn_hil_mark_begin", firmware.executable) +
                       ",end=" + symbol_address(nm.out, "minn_hil_mark_end", firmware.executable) +
                       ",out=" + (work / windows_name).string(),
                   "-d", "plugin"};
  }

  HarnessRun run;
  if (kind == "baremetal") {
    run.command = {facts.get("qemu"), "-M", facts.get("machine"), "-display", "none", "-monitor", "none",
                   "-serial", "none", "-semihosting-config",
                   "enable=on,target=native,arg=hil,arg=" + in_name + ",arg=" + out_name, "-kernel",
                   firmware.executable};
  } else if (kind == "linux") {
    run.command = {facts.get("qemu"), "-L", facts.get("sysroot")};
  } else if (kind != "host") {
    throw Error(facts.path + ": unknown board kind '" + kind + "'");
  }
  run.command.insert(run.command.end(), plugin_args.begin(), plugin_args.end());
  if (kind != "baremetal") run.command.insert(run.command.end(), {firmware.executable, in_name, out_name});

  auto start = std::chrono::steady_clock::now();
  ProcessResult r = run_process(run.command, work.string(), options.timeout_seconds);
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.log = r.out + r.err;
  if (r.timed_out)
    throw Error(facts.get("board") + ": harness timed out after " +
                std::to_string(static_cast<int>(options.timeout_seconds)) + " s: " + shell_quote(run.command));
  if (r.exit_code != MINN_HIL_EXIT_OK)
    throw Error(facts.get("board") + ": harness exited with " + describe_exit_code(r.exit_code) + ": " +
                shell_quote(run.command) + " (in " + work.string() + ")\n" + run.log);

  // The harness echoes the model's output width in the header; the caller knows the expected one.
  std::ifstream header_in(work / out_name, std::ios::binary);
  std::uint32_t header[2] = {0, 0};
  header_in.read(reinterpret_cast<char*>(header), sizeof header);
  run.outputs = read_outputs((work / out_name).string(), inputs.count(), static_cast<int>(header[1]));
  run.stack_used = log_value(run.log, "stack_used");

  if (count) {
    std::vector<std::uint64_t> windows = read_windows((work / windows_name).string());
    if (windows.size() != static_cast<std::size_t>(inputs.count()) + 1)
      throw Error((work / windows_name).string() + ": " + std::to_string(windows.size()) +
                  " windows, expected one empty window plus " + std::to_string(inputs.count()));
    run.marker_overhead = windows[0];
    for (std::size_t i = 1; i < windows.size(); ++i) run.instructions.push_back(windows[i] - windows[0]);
  }
  return run;
}

}  // namespace minn::hil
