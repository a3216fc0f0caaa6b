// Cross-builds the HIL harness for one board around one model's generated sources, by configuring
// the stand-alone CMake project targets/firmware with the board's toolchain file.
#pragma once
#include <string>

#include "hil/boards.hpp"

namespace minn::hil {

struct FirmwareRequest {
  std::string source_dir;  // repository root (holds targets/, toolchains/, lib/)
  std::string board;       // folder under targets/
  std::string model_dir;   // NAME.h plus NAME.c/.cpp
  std::string model_name;  // NAME
  std::string build_dir;   // reused between runs: a second build only recompiles what changed
  std::string opt = "-O2";
  // targets/common/<harness>: hil_main.c (vectors through NAME_infer) or hil_sensor_main.c (signal
  // samples through NAME_sensor_step; needs minn_sensor_setup.h in model_dir).
  std::string harness = "hil_main.c";
};

struct Firmware {
  BoardFacts facts;        // board.txt
  std::string executable;  // ELF (bare metal), Linux or host executable
  std::string link_log;    // build output (holds --print-memory-usage on bare metal)
};

// minn::Error with the failing command and the tail of its output when configure or build fails.
Firmware build_firmware(const FirmwareRequest& request);

// The repository root: $MINN_SOURCE_DIR if set, else the path compiled in.
std::string default_source_dir();

}  // namespace minn::hil
