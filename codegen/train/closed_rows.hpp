// Closed rows are exact after the refinement. The refinement's Pin term only pulls a flux towards its
// bound (a penalty with weight 2/n_in, over K steps), so a knocked-out reaction (Vin = 0) keeps
// most of the flux the network gave it; a strain that lacks the gene has none. After the last step
// the flux of every Pin row with Vin = 0 is set to exactly 0 (split fluxes are >= 0, so [0, 0] is
// the row's whole feasible set), in training, in evaluation and on the device
// (minn::zero_closed_rows). Rows with Vin > 0 (the paper's measured uptakes) or +inf keep the
// refinement's soft bound, so every model without a closed row keeps its bits.
#pragma once
#include <utility>
#include <vector>

#include "train/adam.hpp"

namespace minn::train {

// V (reactions x samples), vin (Pin rows x samples). Returns the clipped (reaction, sample) pairs,
// whose gradient is 0 (mask_clipped).
template <typename T>
std::vector<std::pair<int, int>> zero_closed_rows(const std::vector<int>& pin, const MatrixX<T>& vin,
                                                      MatrixX<T>& V) {
  std::vector<std::pair<int, int>> clipped;
  for (Eigen::Index c = 0; c < V.cols(); ++c)
    for (std::size_t k = 0; k < pin.size(); ++k) {
      const T bound = vin(static_cast<Eigen::Index>(k), c);
      T& v = V(pin[k], c);
      if (bound != T(0) || v == T(0)) continue;
      v = T(0);
      clipped.emplace_back(pin[k], static_cast<int>(c));
    }
  return clipped;
}

template <typename T>
void mask_clipped(const std::vector<std::pair<int, int>>& clipped, MatrixX<T>& grad_V) {
  for (const auto& [row, col] : clipped) grad_V(row, col) = T(0);
}

}  // namespace minn::train
