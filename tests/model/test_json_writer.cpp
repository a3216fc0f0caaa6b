#include <gtest/gtest.h>

#include <cmath>

#include "model/json_writer.hpp"

namespace minn {
namespace {

TEST(JsonWriter, WritesNestedDocumentsDeterministically) {
  JsonWriter j;
  j.begin_object()
      .key("name").value("a \"b\"\n")
      .key("list").begin_array().value(1).value(0.1).value(0.1f).value(INFINITY).end_array()
      .key("empty").begin_object().end_object()
      .key("flag").value(true)
      .end_object();
  // Expected text written by hand: shortest round-trip numbers, inf as null.
  EXPECT_EQ(j.str(),
            "{\n"
            "  \"name\": \"a \\\"b\\\"\\n\",\n"
            "  \"list\": [\n"
            "    1,\n"
            "    0.1,\n"
            "    0.1,\n"
            "    null\n"
            "  ],\n"
            "  \"empty\": {},\n"
            "  \"flag\": true\n"
            "}\n");
}

TEST(JsonWriter, RefusesUnclosedContainers) {
  JsonWriter j;
  j.begin_array();
  EXPECT_THROW(j.str(), std::logic_error);
}

}  // namespace
}  // namespace minn
