// Stack bound over -fcallgraph-info=su graphs. Expected values are hand sums of the frame sizes
// written in the graphs below.
#include <gtest/gtest.h>

#include "common/error.hpp"
#include "hil/stack_bound.hpp"

namespace minn::hil {
namespace {

// The shape GCC 12 writes (titles of static functions carry the file; externals are ellipses).
const char* kTwoUnitsA =
    "graph: { title: \"a.c\"\n"
    "node: { title: \"main\" label: \"main\\na.c:1:5\\n16 bytes (static)\" }\n"
    "node: { title: \"a.c:helper\" label: \"helper\\na.c:2:13\\n40 bytes (static)\" }\n"
    "node: { title: \"leaf\" label: \"leaf\\na.h:3:6\" shape : ellipse }\n"
    "node: { title: \"memcpy\" label: \"__builtin_memcpy\\n<built-in>\" shape : ellipse }\n"
    "edge: { sourcename: \"main\" targetname: \"a.c:helper\" label: \"a.c:9:3\" }\n"
    "edge: { sourcename: \"main\" targetname: \"leaf\" label: \"a.c:10:3\" }\n"
    "edge: { sourcename: \"a.c:helper\" targetname: \"leaf\" label: \"a.c:5:3\" }\n"
    "edge: { sourcename: \"a.c:helper\" targetname: \"memcpy\" }\n"
    "}\n";
const char* kTwoUnitsB =
    "graph: { title: \"b.c\"\n"
    "node: { title: \"leaf\" label: \"leaf\\nb.c:1:6\\n8 bytes (static)\" }\n"
    "}\n";

TEST(StackBound, SumsTheDeepestPathAcrossTranslationUnits) {
  CallGraph graph;
  parse_callgraph_info(kTwoUnitsA, "a.c.ci", graph);
  parse_callgraph_info(kTwoUnitsB, "b.c.ci", graph);
  StackBound b = stack_bound(graph, "main");
  EXPECT_EQ(b.bytes, 16 + 40 + 8);
  EXPECT_EQ(b.path, (std::vector<std::string>{"main", "helper", "leaf"}));
  EXPECT_EQ(b.unresolved, (std::vector<std::string>{"__builtin_memcpy"}));
  EXPECT_FALSE(b.recursive);
  EXPECT_FALSE(b.exact());  // memcpy has no frame size
  // A sub-tree entry by printable name (static function title is "a.c:helper").
  EXPECT_EQ(stack_bound(graph, "helper").bytes, 40 + 8);
}

TEST(StackBound, FlagsRecursionAndDynamicFrames) {
  CallGraph graph;
  parse_callgraph_info(
      "node: { title: \"f\" label: \"f\\nx.c:1:1\\n24 bytes (dynamic,bounded)\" }\n"
      "node: { title: \"g\" label: \"g\\nx.c:2:1\\n8 bytes (static)\" }\n"
      "edge: { sourcename: \"f\" targetname: \"g\" }\n"
      "edge: { sourcename: \"g\" targetname: \"f\" }\n",
      "x.c.ci", graph);
  StackBound b = stack_bound(graph, "f");
  EXPECT_TRUE(b.recursive);
  EXPECT_EQ(b.dynamic, (std::vector<std::string>{"f"}));
  EXPECT_EQ(b.bytes, 24 + 8);  // one trip round the cycle, flagged as not a valid bound
  EXPECT_FALSE(b.exact());
}

TEST(StackBound, RejectsMalformedLabelsAndUnknownEntries) {
  CallGraph graph;
  EXPECT_THROW(parse_callgraph_info("node: { title: \"f\" label: \"f\\nx.c:1:1\\nmany words\" }\n", "x.ci", graph),
               Error);
  try {
    parse_callgraph_info("edge: { sourcename: \"f\" }\n", "y.ci", graph);
    FAIL() << "expected minn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("y.ci:1"), std::string::npos) << e.what();
  }
  CallGraph empty;
  EXPECT_THROW(stack_bound(empty, "main"), Error);
}

// objdump -d --no-show-raw-insn text in binutils 2.40's layout (bodies abridged by hand).
TEST(StackBound, LibraryFunctionsGetTheirDepthFromTheDisassembly) {
  CallGraph graph;
  parse_callgraph_info(kTwoUnitsA, "a.c.ci", graph);
  parse_callgraph_info(kTwoUnitsB, "b.c.ci", graph);
  parse_callgraph_info("node: { title: \"main\" label: \"main\\na.c:1:5\\n16 bytes (static)\" }\n"
                       "node: { title: \"strlen\" label: \"strlen\\nstring.h:41:9\" shape : ellipse }\n"
                       "node: { title: \"puts\" label: \"puts\\nstdio.h:1:1\" shape : ellipse }\n"
                       "edge: { sourcename: \"main\" targetname: \"strlen\" }\n"
                       "edge: { sourcename: \"main\" targetname: \"puts\" }\n",
                       "c.c.ci", graph);
  const char* objdump =
      "hil_fw.elf:     file format elf32-littlearm\n\n\nDisassembly of section .text:\n\n"
      "00000ba0 <memcpy>:\n"
      "     ba0:\tlsls\tr3, r0, #30\n"
      "     ba2:\tpush\t{r4, r5, lr}\n"
      "     ba4:\tsub\tsp, #12\n"
      "     ba6:\tbeq.n\tc36 <memcpy+0x96>\n"
      "     ba8:\tvpush\t{d8-d9}\n\n"
      "00000c80 <strlen>:\n"
      "     c80:\tpld\t[r0]\n"
      "     c84:\tstrd\tr4, r5, [sp, #-8]!\n"
      "     c88:\tbx\tlr\n\n"
      "00000d00 <puts>:\n"
      "     d00:\tpush\t{r3, lr}\n"
      "     d02:\tbl\t1000 <_puts_r>\n\n"
      "00000e00 <__addsf3>:\n"
      "     e00:\tpush\t{r4, r5, r6, lr}\n"
      "     e02:\tbl\tc80 <strlen>\n"
      "     e06:\tb.w\te00 <__addsf3>\n\n";
  const char* nm = "00000e00 T __aeabi_fadd\n00000e00 T __addsf3\n00000c80 T strlen\n";
  parse_callgraph_info("node: { title: \"__aeabi_fadd\" label: \"__aeabi_fadd\\n<built-in>\" shape : ellipse }\n"
                       "edge: { sourcename: \"main\" targetname: \"__aeabi_fadd\" }\n",
                       "d.c.ci", graph);
  std::vector<std::string> filled = fill_library_frames(graph, objdump, nm);
  // puts calls _puts_r, whose body is not in the text: stays unresolved
  EXPECT_EQ(filled, (std::vector<std::string>{"__aeabi_fadd", "memcpy", "strlen"}));
  EXPECT_EQ(graph.nodes.at("__aeabi_fadd").frame, 16 + 8);  // own 4 registers + strlen's 8
  StackBound b = stack_bound(graph, "main");
  // main 16 + max(helper 40 + max(leaf 8, memcpy 3*4 + 12 + 2*8 = 40), strlen 8, fadd 24, puts ?) = 96
  EXPECT_EQ(b.bytes, 16 + 40 + 40);
  EXPECT_EQ(b.unresolved, (std::vector<std::string>{"puts"}));
}

}  // namespace
}  // namespace minn::hil
