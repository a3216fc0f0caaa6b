// Bitwise comparison rules and target-name resolution.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "hil/boards.hpp"
#include "hil/compare.hpp"

namespace minn::hil {
namespace {

OutputBatch batch(std::vector<std::int32_t> status, std::vector<float> values) {
  OutputBatch b;
  b.num_outputs = 2;
  b.status = std::move(status);
  b.values = std::move(values);
  return b;
}

TEST(Compare, CountsBitIdenticalVectorsOnly) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  OutputBatch ref = batch({0, 1002, -1, 0}, {1.0f, 2.0f, 3.0f, 4.0f, 9.0f, 9.0f, 0.0f, 5.0f});
  // vector 0 equal; 1 differs by one ulp of 4.0; 2 error status (outputs ignored); 3 -0.0 vs 0.0
  OutputBatch tgt = batch({0, 1002, -1, 0}, {1.0f, 2.0f, 3.0f, std::nextafter(4.0f, 5.0f), nan, 1.0f, -0.0f, 5.0f});
  Comparison c = compare_outputs(tgt, ref);
  EXPECT_EQ(c.vectors, 4);
  EXPECT_EQ(c.bit_identical, 2);  // 0 and 2
  EXPECT_EQ(c.first_mismatches, (std::vector<int>{1, 3}));
  EXPECT_DOUBLE_EQ(c.max_abs_diff, std::ldexp(1.0, -21));  // ulp(4.0f) = 2^-21; -0 vs 0 differs by 0
  EXPECT_EQ(c.status_ok, 2);
  EXPECT_EQ(c.status_envelope, 1);
  EXPECT_EQ(c.status_error, 1);
}

TEST(Compare, StatusDisagreementIsAMismatch) {
  Comparison c = compare_outputs(batch({0}, {1.0f, 2.0f}), batch({1000}, {1.0f, 2.0f}));
  EXPECT_EQ(c.bit_identical, 0);
  EXPECT_EQ(c.status_mismatches, 1);
  EXPECT_THROW(compare_outputs(batch({0}, {1.0f, 2.0f}), batch({0, 0}, {1, 2, 3, 4})), Error);
}

TEST(Boards, ResolvesNamesBoardsAndAll) {
  EXPECT_EQ(resolve_target("cortex-m4").board, "mps2-an386");
  EXPECT_EQ(resolve_target("mps2-an385").name, "cortex-m3");
  auto two = resolve_targets("cortex-m3,linux-arm");
  ASSERT_EQ(two.size(), 2u);
  EXPECT_EQ(two[1].board, "linux-arm");
  EXPECT_EQ(resolve_targets("all").size(), known_targets().size());
  try {
    resolve_target("cortex-m99");
    FAIL() << "expected minn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cortex-m4"), std::string::npos) << "lists valid names: " << e.what();
  }
  EXPECT_THROW(resolve_targets("cortex-m4,,host"), Error);
}

}  // namespace
}  // namespace minn::hil
