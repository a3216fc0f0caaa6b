#include "eval/folds.hpp"

#include <string>

#include "common/error.hpp"
#include "train/rng.hpp"

namespace minn::eval {

std::vector<Fold> kfold(const std::vector<int>& rows, int k, std::uint64_t seed) {
  const int n = static_cast<int>(rows.size());
  if (k < 2 || k > n)
    throw Error("--folds must be in [2, " + std::to_string(n) + "] (the training rows of an outer split), got " +
                std::to_string(k));
  std::vector<int> order = rows;
  train::Rng rng(seed);
  rng.shuffle(order);
  std::vector<Fold> folds(static_cast<std::size_t>(k));
  int start = 0;
  for (int f = 0; f < k; ++f) {
    const int size = n / k + (f < n % k ? 1 : 0);
    for (int i = 0; i < n; ++i)
      (i >= start && i < start + size ? folds[f].validation : folds[f].train).push_back(order[i]);
    start += size;
  }
  return folds;
}

}  // namespace minn::eval
