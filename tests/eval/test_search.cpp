// The random-search sampler and the k-fold splits.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "common/error.hpp"
#include "eval/eval_variant.hpp"
#include "eval/folds.hpp"
#include "eval/hyper_space.hpp"

namespace minn::eval {
namespace {

TEST(HyperSpace, PaperGridSizes) {
  EXPECT_EQ(search_space(variant_setup("c-balanced")).grid_size(), 3u * 3 * 3 * 3 * 5);
  EXPECT_EQ(search_space(variant_setup("unbalanced")).grid_size(), 81u);  // c fixed to 1
  EXPECT_EQ(variant_setup("c-balanced").default_trials, 25);
  EXPECT_EQ(variant_setup("divided-loss").default_trials, 15);
  EXPECT_EQ(variant_setup("scheduler").default_epochs, 150);
  EXPECT_THROW(variant_setup("nope"), Error);
}

TEST(HyperSpace, SamplesDistinctGridPointsDeterministically) {
  const HyperSpace space = search_space(variant_setup("c-balanced"));
  const auto a = sample_points(space, 25, 7), b = sample_points(space, 25, 7), c = sample_points(space, 25, 8);
  ASSERT_EQ(a.size(), 25u);
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a == c);
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) EXPECT_FALSE(a[i] == a[j]) << i << " " << j;
    EXPECT_NE(std::find(space.hidden.begin(), space.hidden.end(), a[i].hidden), space.hidden.end());
    EXPECT_NE(std::find(space.c.begin(), space.c.end(), a[i].c), space.c.end());
    EXPECT_EQ(a[i].data_weight, 1.0);
  }
  // The budget is capped at the grid: 81 points without c, all distinct.
  const auto all = sample_points(search_space(variant_setup("unbalanced")), 500, 1);
  EXPECT_EQ(all.size(), 81u);
  for (const HyperPoint& p : all) EXPECT_EQ(p.c, 1.0);
}

TEST(HyperSpace, SchedulerSearchesTheDataWeightInItsInterval) {
  const auto points = sample_points(search_space(variant_setup("scheduler")), 15, 3);
  std::set<double> distinct;
  for (const HyperPoint& p : points) {
    EXPECT_GE(p.data_weight, 0.8);
    EXPECT_LT(p.data_weight, 1.0);
    distinct.insert(p.data_weight);
  }
  EXPECT_EQ(distinct.size(), points.size());
}

TEST(Folds, EveryRowValidatesOnceWithBalancedSizes) {
  std::vector<int> rows;
  for (int r = 0; r < 28; ++r) rows.push_back(r == 5 ? 28 : r);  // held-out experiment 5 missing
  const auto folds = kfold(rows, 5, 11);
  ASSERT_EQ(folds.size(), 5u);
  std::multiset<int> validated;
  for (std::size_t f = 0; f < folds.size(); ++f) {
    EXPECT_EQ(folds[f].validation.size(), f < 3 ? 6u : 5u);  // 28 = 6 + 6 + 6 + 5 + 5
    EXPECT_EQ(folds[f].train.size() + folds[f].validation.size(), 28u);
    for (int r : folds[f].validation) {
      validated.insert(r);
      EXPECT_EQ(std::count(folds[f].train.begin(), folds[f].train.end(), r), 0);
    }
  }
  EXPECT_EQ(validated, std::multiset<int>(rows.begin(), rows.end()));
  EXPECT_NE(kfold(rows, 5, 11)[0].validation, kfold(rows, 5, 12)[0].validation);  // seeded shuffle
  EXPECT_THROW(kfold(rows, 1, 0), Error);
  EXPECT_THROW(kfold(rows, 29, 0), Error);
}

}  // namespace
}  // namespace minn::eval
