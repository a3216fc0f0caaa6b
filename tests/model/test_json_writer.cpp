#include <gtest/gtest.h>

#include <cmath>

#include "common/json_text.hpp"
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

// The escaper every report shares (common/json_text): expected strings written by hand.
TEST(JsonQuote, EscapesWhatJsonForbidsAndPassesUtf8Through) {
  EXPECT_EQ(json_quote("R_PGK_rev"), "\"R_PGK_rev\"");
  EXPECT_EQ(json_quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
  EXPECT_EQ(json_quote("\n\t\r"), "\"\\n\\t\\r\"");
  EXPECT_EQ(json_quote(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(json_quote("\xce\xbcmol"), "\"\xce\xbcmol\"");  // µmol, UTF-8 bytes unchanged
  EXPECT_EQ(json_quote(""), "\"\"");
}

TEST(JsonWriter, RefusesUnclosedContainers) {
  JsonWriter j;
  j.begin_array();
  EXPECT_THROW(j.str(), std::logic_error);
}

}  // namespace
}  // namespace minn
