#include <gtest/gtest.h>

#include "data/csv_table.hpp"
#include "dataset_test_util.hpp"

namespace minn {
namespace {

using test::error_of;

TEST(CsvTable, AcceptsByteOrderMarkCrlfAndTrailingBlankLines) {
  const CsvTable t = parse_csv("\xEF\xBB\xBF" "experiment,a\r\nREF,1\r\n\r\n \r\n", "x.csv");
  EXPECT_EQ(t.header, (std::vector<std::string>{"experiment", "a"}));
  ASSERT_EQ(t.rows.size(), 1u);
  EXPECT_EQ(t.rows[0], (std::vector<std::string>{"REF", "1"}));
}

TEST(CsvTable, EmptyLineInsideTheTableIsAnError) {
  EXPECT_EQ(error_of([] { parse_csv("experiment,a\nREF,1\n\nko,2\n", "x.csv"); }),
            "x.csv:3: empty line inside the table (only trailing empty lines are allowed)");
}

TEST(CsvTable, ReadsNumbersStrictly) {
  const CsvTable t = parse_csv("experiment,a,b\nREF, 1.5 ,-2e-3\nko,0,7\n", "x.csv");
  ASSERT_EQ(t.rows.size(), 2u);
  EXPECT_EQ(t.lines, (std::vector<int>{2, 3}));
  EXPECT_EQ(t.number(0, 1), 1.5);
  EXPECT_EQ(t.number(0, 2), -0.002);
  EXPECT_EQ(t.number(1, 2), 7.0);
  EXPECT_EQ(t.column("b"), 2);
  EXPECT_EQ(t.column("c"), -1);
}

TEST(CsvTable, NonNumericCellsNameFileLineRowAndColumn) {
  const CsvTable t = parse_csv("experiment,a,b\nREF,1,x1\nko,inf,nan\nwt,,1e999\nmt,0x10,1.5.2\n", "x.csv");
  EXPECT_EQ(error_of([&] { t.number(0, 2); }),
            "x.csv:2 (row 'REF'), column 3 'b': expected a finite number, got 'x1'");
  EXPECT_EQ(error_of([&] { t.number(1, 1); }),
            "x.csv:3 (row 'ko'), column 2 'a': expected a finite number, got 'inf'");
  EXPECT_EQ(error_of([&] { t.number(1, 2); }),
            "x.csv:3 (row 'ko'), column 3 'b': expected a finite number, got 'nan'");
  EXPECT_EQ(error_of([&] { t.number(2, 1); }), "x.csv:4 (row 'wt'), column 2 'a': empty cell, expected a number");
  EXPECT_EQ(error_of([&] { t.number(2, 2); }),
            "x.csv:4 (row 'wt'), column 3 'b': '1e999' is out of the range of a double");
  EXPECT_EQ(error_of([&] { t.number(3, 1); }),
            "x.csv:5 (row 'mt'), column 2 'a': expected a finite number, got '0x10'");
  EXPECT_EQ(error_of([&] { t.number(3, 2); }),
            "x.csv:5 (row 'mt'), column 3 'b': expected a finite number, got '1.5.2'");
}

TEST(CsvTable, StructuralErrors) {
  EXPECT_EQ(error_of([] { parse_csv("", "x.csv"); }),
            "x.csv: empty file, expected a header line with column names");
  EXPECT_EQ(error_of([] { parse_csv("experiment,a\nREF,1,2\n", "x.csv"); }),
            "x.csv:2: 3 cells, expected 2 as in the header");
  EXPECT_EQ(error_of([] { parse_csv("experiment,a,a\n", "x.csv"); }),
            "x.csv:1: column name 'a' appears twice (columns 2 and 3)");
  EXPECT_EQ(error_of([] { parse_csv("experiment,,b\n", "x.csv"); }), "x.csv:1, column 2: empty column name");
  EXPECT_EQ(error_of([] { parse_csv("experiment,a\n\"REF\",1\n", "x.csv"); }),
            "x.csv:2, column 1: quoted cells are not supported (plain comma-separated values expected)");
}

TEST(CsvTable, ExperimentKeys) {
  EXPECT_EQ(experiment_keys(parse_csv("experiment,a\nREF,1\nko,2\n", "x.csv")),
            (std::vector<std::string>{"REF", "ko"}));
  EXPECT_EQ(error_of([] { experiment_keys(parse_csv("id,a\nREF,1\n", "x.csv")); }),
            "x.csv:1, column 1: expected the key column 'experiment', got 'id'");
  EXPECT_EQ(error_of([] { experiment_keys(parse_csv("experiment,a\nREF,1\nko,2\nREF,3\n", "x.csv")); }),
            "x.csv:4, column 1 'experiment': experiment 'REF' appears twice (lines 2 and 4)");
  EXPECT_EQ(error_of([] { experiment_keys(parse_csv("experiment,a\n,1\n", "x.csv")); }),
            "x.csv:2, column 1 'experiment': empty experiment name");
}

TEST(CsvTable, MissingFileIsNamed) {
  EXPECT_NE(error_of([] { read_csv("/nonexistent/t.csv"); }).find("/nonexistent/t.csv"), std::string::npos);
}

}  // namespace
}  // namespace minn
