// HIL targets: the names users type (`--target cortex-m4`) mapped to board folders under targets/.
// Everything else about a board (toolchain, QEMU machine, linker script, part class) lives in
// targets/<board>/board.cmake and comes back from the firmware build as board.txt.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace minn::hil {

struct TargetName {
  std::string name;   // e.g. "cortex-m4"
  std::string board;  // folder under targets/, e.g. "mps2-an386"
};

// Every target in `--target all` order (FPU-less first, then FPU cores, then Linux and host).
const std::vector<TargetName>& known_targets();
// Accepts a target name or a board folder name; minn::Error lists the valid ones otherwise.
TargetName resolve_target(const std::string& name_or_board);
// "all" -> every known target; otherwise comma-separated names.
std::vector<TargetName> resolve_targets(const std::string& spec);

// board.txt written by targets/firmware/CMakeLists.txt: key=value per line.
struct BoardFacts {
  std::map<std::string, std::string> values;
  const std::string& get(const std::string& key) const;  // minn::Error naming the file when absent
  std::string path;
};
BoardFacts read_board_facts(const std::string& path);

}  // namespace minn::hil
