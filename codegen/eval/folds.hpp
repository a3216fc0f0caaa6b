// Shuffled, seeded k-fold splits of the training rows of one outer split.
#pragma once
#include <cstdint>
#include <vector>

namespace minn::eval {

struct Fold {
  std::vector<int> train, validation;  // indices into the rows given
};

// sklearn KFold(shuffle=True) layout: the rows are shuffled, then cut into k consecutive parts whose
// sizes differ by at most one (the first rows % k parts get one more). Each row validates exactly
// once. Throws minn::Error when k < 2 or k > rows.
std::vector<Fold> kfold(const std::vector<int>& rows, int k, std::uint64_t seed);

}  // namespace minn::eval
