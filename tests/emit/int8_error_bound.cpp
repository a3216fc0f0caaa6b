#include "int8_error_bound.hpp"

#include <algorithm>
#include <cmath>

namespace minn::test {

std::vector<double> int8w_error_bound(const MinnModel& model, const std::vector<double>& scaled) {
  std::vector<double> a = scaled;                 // activation on the f32 path (double)
  std::vector<double> e(scaled.size(), 0.0);      // bound on |activation difference|
  for (const DenseLayer& l : model.layers) {
    std::vector<double> z(l.out), ez(l.out);
    for (int r = 0; r < l.out; ++r) {
      double max_abs = 0.0;
      for (int j = 0; j < l.in; ++j) max_abs = std::max(max_abs, std::fabs(double(l.weights[r * l.in + j])));
      const double half_step = max_abs / 127.0 / 2.0;
      double acc = l.bias[r], err = 0.0;
      for (int j = 0; j < l.in; ++j) {
        const double w = l.weights[r * l.in + j];
        acc += w * a[j];
        // (W + dW) a' - W a = W (a' - a) + dW a',  |a'| <= |a| + e
        err += std::fabs(w) * e[j] + half_step * (std::fabs(a[j]) + e[j]);
      }
      z[r] = l.activation == Activation::Relu ? std::max(acc, 0.0) : acc;
      ez[r] = err;
    }
    a = std::move(z);
    e = std::move(ez);
  }
  if (model.flux_scale_input >= 0) {
    // V0 = max(u, 0) * (y + offset): the offset is the same in both precisions, so the difference
    // scales by max(u, 0). u is the raw input, recovered from its scaled value (double).
    const auto i = static_cast<std::size_t>(model.flux_scale_input);
    const double u = scaled[i] * model.scaler_range[i] + model.scaler_min[i];
    for (double& x : e) x *= std::max(u, 0.0);
  }
  const SparseRows& s = model.S;
  const int n = model.num_outputs();
  const double two_m = 2.0 / s.rows, two_n = 2.0 / n;
  const double two_nin = model.pin_reactions.empty() ? 0.0 : 2.0 / model.pin_reactions.size();
  const double eta = model.refinement.step_size, beta = model.refinement.momentum;
  std::vector<double> ev = e, ed(n, 0.0);
  for (int step = 0; step < model.refinement.steps; ++step) {
    std::vector<double> esv(s.rows, 0.0), eg(n, 0.0);
    for (int r = 0; r < s.rows; ++r) {
      for (int k = s.row_ptr[r]; k < s.row_ptr[r + 1]; ++k) esv[r] += std::fabs(s.values[k]) * ev[s.col_index[k]];
    }
    for (int r = 0; r < s.rows; ++r) {
      for (int k = s.row_ptr[r]; k < s.row_ptr[r + 1]; ++k) eg[s.col_index[k]] += two_m * std::fabs(s.values[k]) * esv[r];
    }
    for (std::size_t k = 0; k < model.pin_reactions.size(); ++k) {
      eg[model.pin_reactions[k]] += two_nin * ev[model.pin_reactions[k]];
    }
    for (int c = 0; c < n; ++c) {
      eg[c] += two_n * ev[c];
      ed[c] = std::fabs(beta) * ed[c] + std::fabs(eta) * eg[c];
      ev[c] += ed[c];
    }
  }
  return ev;
}

}  // namespace minn::test
