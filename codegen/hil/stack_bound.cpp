#include "hil/stack_bound.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
#include <cstdlib>
#include <sstream>

#include "common/error.hpp"

namespace minn::hil {
namespace {

// Value of `key: "..."` in a VCG line (no escaped quotes occur in GCC's titles), or "" if absent.
bool quoted_field(const std::string& line, const std::string& key, std::string& value) {
  auto at = line.find(key + ": \"");
  if (at == std::string::npos) return false;
  auto start = at + key.size() + 3;
  auto end = line.find('"', start);
  if (end == std::string::npos) return false;
  value = line.substr(start, end - start);
  return true;
}

}  // namespace

void parse_callgraph_info(const std::string& text, const std::string& origin, CallGraph& graph) {
  std::istringstream in(text);
  std::string line;
  int number = 0;
  while (std::getline(in, line)) {
    ++number;
    const std::string where = origin + ":" + std::to_string(number);
    if (line.rfind("node:", 0) == 0) {
      std::string title, label;
      if (!quoted_field(line, "title", title) || !quoted_field(line, "label", label))
        throw Error(where + ": node without title or label");
      CallGraph::Node& node = graph.nodes[title];
      // label: "name\nfile:line:col\nN bytes (static|dynamic|dynamic,bounded)"; the \n are literal.
      auto first_break = label.find("\\n");
      node.name = label.substr(0, first_break);
      auto bytes_at = label.rfind("\\n");
      if (bytes_at != std::string::npos && bytes_at != first_break) {
        std::string frame = label.substr(bytes_at + 2);
        std::istringstream f(frame);
        long long size = -1;
        std::string unit, kind;
        if (!(f >> size >> unit >> kind) || unit != "bytes")
          throw Error(where + ": expected '<N> bytes (<kind>)' in the label, got '" + frame + "'");
        node.frame = size;
        node.dynamic = kind.find("dynamic") != std::string::npos;
      }
    } else if (line.rfind("edge:", 0) == 0) {
      std::string source, target;
      if (!quoted_field(line, "sourcename", source) || !quoted_field(line, "targetname", target))
        throw Error(where + ": edge without sourcename or targetname");
      auto& callees = graph.nodes[source].callees;
      if (std::find(callees.begin(), callees.end(), target) == callees.end()) callees.push_back(target);
      graph.nodes[target];  // make sure the callee exists (maybe only as an external)
    }
  }
}

CallGraph load_callgraph_dir(const std::string& dir) {
  namespace fs = std::filesystem;
  CallGraph graph;
  std::vector<fs::path> files;
  if (fs::is_directory(dir))
    for (const auto& entry : fs::recursive_directory_iterator(dir))
      if (entry.is_regular_file() && entry.path().extension() == ".ci") files.push_back(entry.path());
  if (files.empty()) throw Error(dir + ": no .ci files (compile with -fcallgraph-info=su)");
  std::sort(files.begin(), files.end());  // deterministic merge order
  for (const auto& path : files) {
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    parse_callgraph_info(text.str(), path.string(), graph);
  }
  return graph;
}

namespace {

// "void* __builtin_memset(void*, int, unsigned int)" / "__builtin_memcpy" / "strlen" -> symbol name.
std::string symbol_of(const std::string& printable) {
  std::string name = printable.substr(0, printable.find('('));
  auto space = name.find_last_of(" *&");
  if (space != std::string::npos) name = name.substr(space + 1);
  const std::string builtin = "__builtin_";
  if (name.rfind(builtin, 0) == 0) name = name.substr(builtin.size());
  return name;
}

int register_count(const std::string& list) {
  // "{r4, r5, r6, lr}" or "{d8-d10}" or "{s16-s31}"
  int count = 0;
  std::string item;
  std::istringstream in(list.substr(list.find('{') + 1, list.find('}') - list.find('{') - 1));
  while (std::getline(in, item, ',')) {
    auto dash = item.find('-');
    if (dash == std::string::npos) { ++count; continue; }
    auto digits = [](const std::string& t) { return std::atoi(t.c_str() + t.find_first_of("0123456789")); };
    count += digits(item.substr(dash + 1)) - digits(item.substr(0, dash)) + 1;
  }
  return count;
}

struct Body {
  long long frame = 0;                // own prologue
  std::vector<std::string> callees;   // bl/blx targets and tail calls (b.w to another symbol)
};

// Own frame and callees of one function from its disassembly lines.
Body parse_body(const std::vector<std::string>& lines) {
  Body body;
  for (const auto& line : lines) {
    // "push\t{r4, lr}" (objdump --no-show-raw-insn, address already cut off)
    std::istringstream fields(line);
    std::string mnemonic, operands;
    fields >> mnemonic;
    std::getline(fields, operands);
    operands.erase(0, operands.find_first_not_of(" \t"));
    const auto lt = operands.find('<');
    const bool branch = mnemonic.rfind("b", 0) == 0 && mnemonic.rfind("bic", 0) != 0 && mnemonic.rfind("bfi", 0) != 0;
    if (branch && lt != std::string::npos && operands.find('+', lt) == std::string::npos) {
      body.callees.push_back(operands.substr(lt + 1, operands.find('>', lt) - lt - 1));
    } else if (mnemonic == "push" || mnemonic == "push.w" ||
               (mnemonic.rfind("stmdb", 0) == 0 && operands.rfind("sp!", 0) == 0)) {
      body.frame += 4LL * register_count(operands);
    } else if (mnemonic.rfind("vpush", 0) == 0) {
      body.frame += (operands.find('d') != std::string::npos ? 8LL : 4LL) * register_count(operands);
    } else if (operands.find("[sp, #-") != std::string::npos && operands.find("]!") != std::string::npos) {
      body.frame += std::atoll(operands.c_str() + operands.find("[sp, #-") + 7);  // str/strd pre-decrement
    } else if ((mnemonic == "sub" || mnemonic == "sub.w" || mnemonic == "subw") && operands.rfind("sp,", 0) == 0 &&
               operands.find('#') != std::string::npos) {
      body.frame += std::atoll(operands.c_str() + operands.find('#') + 1);
    }
  }
  return body;
}

}  // namespace

std::vector<std::string> fill_library_frames(CallGraph& graph, const std::string& objdump_output,
                                             const std::string& nm_output) {
  // Function bodies by the symbol objdump labels them with: "00000ef0 <memset>:" to a blank line.
  std::map<std::string, std::vector<std::string>> lines;
  std::map<std::string, std::string> label_at;  // address -> objdump's label
  std::istringstream in(objdump_output);
  std::string line, current;
  while (std::getline(in, line)) {
    auto open = line.find(" <");
    if (open != std::string::npos && !line.empty() && line.back() == ':' && line.find('\t') == std::string::npos) {
      current = line.substr(open + 2, line.size() - open - 4);
      lines[current];
      label_at[line.substr(line.find_first_not_of('0'), open - line.find_first_not_of('0'))] = current;
    } else if (line.empty()) {
      current.clear();
    } else if (!current.empty()) {
      auto colon = line.find(":\t");
      if (colon != std::string::npos) lines[current].push_back(line.substr(colon + 2));
    }
  }
  // Aliases (__aeabi_fadd and __addsf3 share an address; objdump shows one name).
  std::map<std::string, std::string> label_of;
  std::istringstream nm(nm_output);
  while (std::getline(nm, line)) {
    std::istringstream f(line);
    std::string addr, type, name;
    if (!(f >> addr >> type >> name) || (type != "T" && type != "t" && type != "W")) continue;
    auto nz = addr.find_first_not_of('0');
    std::string key = nz == std::string::npos ? "" : addr.substr(nz);
    if (auto it = label_at.find(key); it != label_at.end()) label_of[name] = it->second;
  }
  for (const auto& [label, body] : lines) label_of.emplace(label, label);

  std::map<std::string, long long> memo;  // -1 = unknown (missing body, recursion)
  std::set<std::string> active;
  std::function<long long(const std::string&)> depth = [&](const std::string& name) -> long long {
    auto label = label_of.find(name);
    if (label == label_of.end()) return -1;
    const std::string& key = label->second;
    if (auto it = memo.find(key); it != memo.end()) return it->second;
    if (active.count(key) != 0) return -1;
    active.insert(key);
    Body body = parse_body(lines.at(key));
    long long deepest = 0;
    for (const auto& callee : body.callees) {
      if (callee == key) continue;  // a loop back to its own entry
      long long d = depth(callee);
      if (d < 0) { deepest = -1; break; }
      deepest = std::max(deepest, d);
    }
    active.erase(key);
    return memo[key] = deepest < 0 ? -1 : body.frame + deepest;
  };

  std::vector<std::string> filled;
  for (auto& [title, node] : graph.nodes) {
    if (node.frame >= 0) continue;
    const std::string symbol = symbol_of(node.name.empty() ? title : node.name);
    long long frame = depth(symbol);
    if (frame < 0) continue;
    node.frame = frame;
    node.from_disassembly = true;
    filled.push_back(symbol);
  }
  std::sort(filled.begin(), filled.end());
  filled.erase(std::unique(filled.begin(), filled.end()), filled.end());
  return filled;
}

StackBound stack_bound(const CallGraph& graph, const std::string& entry) {
  std::string root;
  if (graph.nodes.count(entry) != 0) {
    root = entry;
  } else {
    for (const auto& [title, node] : graph.nodes)
      if (node.name == entry && node.frame >= 0) root = title;
  }
  if (root.empty() || graph.nodes.at(root).frame < 0)
    throw Error("stack bound: entry point '" + entry + "' has no frame size in the call graph");

  StackBound result;
  result.entry = entry;
  std::set<std::string> unresolved, dynamic;
  std::map<std::string, long long> depth;          // memo: deepest path from a node
  std::map<std::string, std::string> next;         // the callee on that path
  std::set<std::string> on_path;
  std::function<long long(const std::string&)> visit = [&](const std::string& title) -> long long {
    if (auto it = depth.find(title); it != depth.end()) return it->second;
    const CallGraph::Node& node = graph.nodes.at(title);
    if (node.frame < 0) {
      unresolved.insert(node.name.empty() ? title : node.name);
      return depth[title] = 0;
    }
    if (node.dynamic) dynamic.insert(node.name);
    on_path.insert(title);
    long long deepest = 0;
    for (const auto& callee : node.callees) {
      if (on_path.count(callee) != 0) {
        result.recursive = true;
        continue;
      }
      long long d = visit(callee);
      if (next.count(title) == 0 || d > deepest) {
        next[title] = callee;
        deepest = d;
      }
    }
    on_path.erase(title);
    return depth[title] = node.frame + deepest;
  };
  result.bytes = visit(root);
  for (std::string at = root;;) {
    result.path.push_back(graph.nodes.at(at).name.empty() ? at : graph.nodes.at(at).name);
    auto it = next.find(at);
    if (it == next.end()) break;
    at = it->second;
  }
  result.unresolved.assign(unresolved.begin(), unresolved.end());
  result.dynamic.assign(dynamic.begin(), dynamic.end());
  return result;
}

}  // namespace minn::hil
