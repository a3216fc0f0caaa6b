#include <gtest/gtest.h>

#include "data/inputs_csv.hpp"
#include "dataset_test_util.hpp"

namespace minn {
namespace {

using test::error_of;
const std::vector<std::string> kModelInputs = {"p_b0001", "t_b0001", "R_EX_glc__D_e_rev"};

TEST(InputsCsv, ReordersColumnsToTheModelInputs) {
  const std::string path = test::write_temp(
      "reorder.csv", "experiment,R_EX_glc__D_e_rev,p_b0001,t_b0001\nS1,7.5,1,2\nS2,8,3,4\n");
  const InputTable t = load_inputs_csv(path, kModelInputs);
  EXPECT_EQ(t.experiments, (std::vector<std::string>{"S1", "S2"}));
  Eigen::MatrixXd expected(2, 3);
  expected << 1, 2, 7.5,
              3, 4, 8;
  EXPECT_EQ(t.inputs, expected);
}

TEST(InputsCsv, ExperimentColumnIsOptional) {
  const std::string path = test::write_temp("no_key.csv", "p_b0001,t_b0001,R_EX_glc__D_e_rev\n1,2,3\n4,5,6\n");
  const InputTable t = load_inputs_csv(path, kModelInputs);
  EXPECT_EQ(t.experiments, (std::vector<std::string>{"1", "2"}));
  EXPECT_EQ(t.inputs(1, 2), 6.0);
}

TEST(InputsCsv, NamesMustMatchTheModel) {
  const std::string unknown = test::write_temp("unknown.csv", "experiment,p_b0001,t_b0001,R_EX_glc__D_e_rev,x\nS,1,2,3,4\n");
  EXPECT_EQ(error_of([&] { load_inputs_csv(unknown, kModelInputs); }),
            unknown + ":1: column 5 'x' is not an input of the model (it has 3 inputs, e.g. 'p_b0001')");
  const std::string missing = test::write_temp("missing.csv", "p_b0001,R_EX_glc__D_e_rev\n1,3\n");
  EXPECT_EQ(error_of([&] { load_inputs_csv(missing, kModelInputs); }),
            missing + ":1: no column for model input 1 't_b0001' (the columns must name every model input)");
  const std::string bad_cell = test::write_temp("bad_cell.csv", "experiment,p_b0001,t_b0001,R_EX_glc__D_e_rev\nS,1,two,3\n");
  EXPECT_EQ(error_of([&] { load_inputs_csv(bad_cell, kModelInputs); }),
            bad_cell + ":2 (row 'S'), column 3 't_b0001': expected a finite number, got 'two'");
  const std::string twice = test::write_temp("twice.csv", "experiment,p_b0001,t_b0001,R_EX_glc__D_e_rev\nS,1,2,3\nS,1,2,3\n");
  EXPECT_EQ(error_of([&] { load_inputs_csv(twice, kModelInputs); }),
            twice + ":3, column 1 'experiment': experiment 'S' appears twice (lines 2 and 3)");
}

TEST(InputsCsv, SelectInputsFromLoadedData) {
  Eigen::MatrixXd values(1, 3);
  values << 10, 20, 30;
  const Eigen::MatrixXd out = select_inputs({"t_b0001", "R_EX_glc__D_e_rev", "p_b0001"}, values, kModelInputs, "data");
  Eigen::MatrixXd expected(1, 3);
  expected << 30, 10, 20;
  EXPECT_EQ(out, expected);
  EXPECT_EQ(error_of([&] { select_inputs({"t_b0001", "t_b0001", "p_b0001"}, values, kModelInputs, "data"); }),
            "data: input 't_b0001' appears twice (columns 1 and 2)");
}

}  // namespace
}  // namespace minn
