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

}  // namespace
}  // namespace minn::hil
