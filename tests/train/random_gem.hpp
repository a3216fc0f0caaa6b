// Small random GEM-like stoichiometric matrices for the trainer's tests.
#pragma once
#include <vector>

#include "gem/gem.hpp"
#include "train/rng.hpp"

namespace minn::train::testing {

// m x n, each column with 1..4 entries drawn from {-2, -1, -0.5, 0.5, 1, 2} (like reactions),
// columns in increasing order within each row.
inline CsrMatrix random_stoichiometry(int m, int n, Rng& rng) {
  static const double kCoefficients[] = {-2, -1, -0.5, 0.5, 1, 2};
  std::vector<std::vector<std::pair<int, double>>> rows(static_cast<std::size_t>(m));
  for (int c = 0; c < n; ++c) {
    const int entries = 1 + static_cast<int>(rng.below(4));
    std::vector<int> used;
    for (int e = 0; e < entries; ++e) {
      const int r = static_cast<int>(rng.below(static_cast<std::uint64_t>(m)));
      bool seen = false;
      for (int u : used) seen = seen || u == r;
      if (seen) continue;
      used.push_back(r);
      rows[static_cast<std::size_t>(r)].emplace_back(c, kCoefficients[rng.below(6)]);
    }
  }
  CsrMatrix S;
  S.rows = m;
  S.cols = n;
  S.row_ptr.push_back(0);
  for (const auto& row : rows) {
    for (const auto& [c, v] : row) {
      S.col_index.push_back(c);
      S.values.push_back(v);
    }
    S.row_ptr.push_back(static_cast<int>(S.values.size()));
  }
  return S;
}

}  // namespace minn::train::testing
