// GPR text parsing with COBRApy's grammar (Python boolean precedence, upper-case operators accepted).
#include <gtest/gtest.h>

#include <string>

#include "common/error.hpp"
#include "sbml/gpr_parser.hpp"

namespace {

std::string round(const std::string& text) {
  const auto gpr = minn::sbml::parse_gpr(text);
  return gpr ? gpr->to_string() : "<none>";
}

TEST(GprParser, SingleGeneAndEmpty) {
  EXPECT_EQ(round("b0001"), "b0001");
  EXPECT_EQ(round("  b0001  "), "b0001");
  EXPECT_EQ(round(""), "<none>");
  EXPECT_EQ(round("   "), "<none>");
}

TEST(GprParser, AndBindsTighterThanOr) {
  // Python: a or b and c == a or (b and c)
  const auto gpr = minn::sbml::parse_gpr("a or b and c");
  ASSERT_TRUE(gpr);
  EXPECT_EQ(gpr->kind, minn::Gpr::Kind::Or);
  ASSERT_EQ(gpr->children.size(), 2u);
  EXPECT_EQ(gpr->children[1].kind, minn::Gpr::Kind::And);
  EXPECT_EQ(gpr->to_string(), "a or (b and c)");
}

TEST(GprParser, FlatOperandListsLikePythonBoolOp) {
  const auto gpr = minn::sbml::parse_gpr("a and b and c");
  ASSERT_TRUE(gpr);
  EXPECT_EQ(gpr->children.size(), 3u);
}

TEST(GprParser, ParenthesesAndUpperCase) {
  EXPECT_EQ(round("(a OR b) AND c"), "(a or b) and c");
  EXPECT_EQ(round("((a))"), "a");
  EXPECT_EQ(round("(b3736 and b3737) or (b3738 and (b3739 or b3731))"),
            "(b3736 and b3737) or (b3738 and (b3739 or b3731))");
  EXPECT_EQ(round("s0001and"), "s0001and");  // operators are whole words only
}

TEST(GprParser, Evaluation) {
  const auto gpr = minn::sbml::parse_gpr("(a and b) or c");
  EXPECT_TRUE(gpr->active({"a"}));
  EXPECT_FALSE(gpr->active({"a", "c"}));
}

void expect_error(const std::string& text, const std::string& message) {
  try {
    minn::sbml::parse_gpr(text);
    FAIL() << "expected an error for '" << text << "'";
  } catch (const minn::Error& e) {
    EXPECT_EQ(std::string(e.what()), message);
  }
}

TEST(GprParser, Errors) {
  expect_error("a and", "expected a gene id or '(', found the end of the rule at column 6 of 'a and'");
  expect_error("(a or b", "expected ')', found the end of the rule at column 8 of '(a or b'");
  expect_error("a b", "expected 'and', 'or' or the end of the rule, found 'b' at column 3 of 'a b'");
  expect_error("or a", "expected a gene id or '(', found 'or' at column 1 of 'or a'");
  expect_error("a)", "expected 'and', 'or' or the end of the rule, found ')' at column 2 of 'a)'");
  expect_error("()", "expected a gene id or '(', found ')' at column 2 of '()'");
}

}  // namespace
