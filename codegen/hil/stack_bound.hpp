// Static stack bound: GCC's -fcallgraph-info=su writes one .ci (VCG) call graph per translation
// unit, each function node labelled with its frame size. Merging them and taking the deepest path
// from an entry point bounds the stack, provided there is no recursion or unknown callee; both are
// reported rather than guessed.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace minn::hil {

struct CallGraph {
  struct Node {
    std::string name;         // printable name (first label line)
    long long frame = -1;     // bytes; -1 = no definition seen (library or other TU without .ci)
    bool dynamic = false;     // frame has a dynamic part (alloca / VLA)
    bool from_disassembly = false;  // frame read from the linked binary (library leaf function)
    std::vector<std::string> callees;  // titles
  };
  std::map<std::string, Node> nodes;  // by title
};

// Parses one .ci file's text and merges it into `graph`. minn::Error names origin:line on bad syntax.
void parse_callgraph_info(const std::string& text, const std::string& origin, CallGraph& graph);
// Every *.ci under `dir`, recursively. minn::Error when there is none.
CallGraph load_callgraph_dir(const std::string& dir);

// Library functions (newlib memcpy/memset, libgcc soft-float helpers, ...) have no .ci. Their
// stack depth is read from the linked ARM binary instead: each body's prologue in `objdump -d`
// output (push/stmdb sp!: 4 bytes a register; vpush: 4 per s, 8 per d register; str/strd
// [sp, #-N]!; sub sp, #N) plus the deepest function it calls (bl/blx, tail b.w), recursively;
// `nm` output maps aliases (__aeabi_fadd = __addsf3). Functions reaching a body that is not in
// the binary, or recursion, stay unresolved. Returns the symbols filled in.
// The node's frame then holds the whole depth below the call (its own frame plus its callees').
std::vector<std::string> fill_library_frames(CallGraph& graph, const std::string& objdump_output,
                                             const std::string& nm_output);

struct StackBound {
  std::string entry;
  long long bytes = 0;                 // the deepest path's summed frames
  std::vector<std::string> path;       // that path, entry first
  std::vector<std::string> unresolved; // callees without a frame size (counted as 0), sorted
  std::vector<std::string> dynamic;    // functions on any path with a dynamic frame
  bool recursive = false;              // a cycle was found: the bound is not valid
  bool exact() const { return unresolved.empty() && dynamic.empty() && !recursive; }
};

// `entry` is a node title or printable name. minn::Error when it is not in the graph.
StackBound stack_bound(const CallGraph& graph, const std::string& entry);

}  // namespace minn::hil
