// Runs a built harness on its board: QEMU system emulation (bare metal, semihosting files),
// qemu-arm user mode (Linux ARM) or natively (host), optionally under the instruction-counting
// TCG plugin, and reads back statuses, outputs, per-inference instruction counts and stack use.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "hil/firmware_build.hpp"
#include "hil/vector_files.hpp"

namespace minn::hil {

struct HarnessOptions {
  std::string work_dir;      // inputs/outputs files are written here (QEMU's cwd)
  std::string plugin_path;   // libinsn_window.so; empty = do not count instructions
  double timeout_seconds = 300;
};

struct HarnessRun {
  OutputBatch outputs;
  std::vector<std::uint64_t> instructions;  // per inference, marker overhead removed (empty if not counted)
  std::uint64_t marker_overhead = 0;        // instructions of the empty first window
  long long stack_used = -1;                // painted-stack high-water mark (bare metal), bytes
  double seconds = 0;                       // wall time of the emulator run
  std::vector<std::string> command;
  std::string log;                          // harness and QEMU messages
};

bool counts_instructions(const BoardFacts& facts);  // false for the native host harness

// minn::Error with the command, exit code meaning and log when the run fails.
HarnessRun run_harness(const Firmware& firmware, const InputBatch& inputs, const HarnessOptions& options);

// Text for a harness exit code (targets/common/hil_protocol.h), e.g. "3 (fault on the target)".
std::string describe_exit_code(int code);

}  // namespace minn::hil
