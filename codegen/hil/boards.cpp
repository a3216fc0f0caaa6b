#include "hil/boards.hpp"

#include <fstream>

#include "common/error.hpp"

namespace minn::hil {

const std::vector<TargetName>& known_targets() {
  static const std::vector<TargetName> targets = {
      {"cortex-m0", "microbit"},   {"cortex-m3", "mps2-an385"},  {"cortex-m4", "mps2-an386"},
      {"cortex-m7", "mps2-an500"}, {"cortex-m33", "mps2-an505"}, {"cortex-m55", "mps3-an547"},
      {"linux-arm", "linux-arm"},  {"host", "host"},
  };
  return targets;
}

TargetName resolve_target(const std::string& name_or_board) {
  std::string valid;
  for (const auto& t : known_targets()) {
    if (t.name == name_or_board || t.board == name_or_board) return t;
    valid += (valid.empty() ? "" : ", ") + t.name;
  }
  throw Error("unknown HIL target '" + name_or_board + "': expected one of " + valid + " or all");
}

std::vector<TargetName> resolve_targets(const std::string& spec) {
  if (spec == "all") return known_targets();
  std::vector<TargetName> out;
  std::size_t start = 0;
  while (start <= spec.size()) {
    std::size_t comma = spec.find(',', start);
    std::string item = spec.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (item.empty()) throw Error("--target '" + spec + "': empty target name");
    out.push_back(resolve_target(item));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

const std::string& BoardFacts::get(const std::string& key) const {
  auto it = values.find(key);
  if (it == values.end()) throw Error(path + ": missing key '" + key + "'");
  return it->second;
}

BoardFacts read_board_facts(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path + ": cannot open (was the firmware configured?)");
  BoardFacts facts;
  facts.path = path;
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    if (line.empty()) continue;
    auto eq = line.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error(path + ":" + std::to_string(number) + ": expected key=value, got '" + line + "'");
    facts.values[line.substr(0, eq)] = line.substr(eq + 1);
  }
  return facts;
}

}  // namespace minn::hil
