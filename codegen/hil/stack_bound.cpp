#include "hil/stack_bound.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <set>
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
