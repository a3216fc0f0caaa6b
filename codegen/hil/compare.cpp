#include "hil/compare.hpp"

#include <cmath>
#include <cstring>
#include <limits>

#include "common/error.hpp"

namespace minn::hil {

Comparison compare_outputs(const OutputBatch& target, const OutputBatch& reference) {
  if (target.status.size() != reference.status.size() || target.num_outputs != reference.num_outputs)
    throw Error("compare: target has " + std::to_string(target.status.size()) + " x " +
                std::to_string(target.num_outputs) + " results, reference " + std::to_string(reference.status.size()) +
                " x " + std::to_string(reference.num_outputs));
  Comparison c;
  c.vectors = static_cast<int>(target.status.size());
  const std::size_t n = static_cast<std::size_t>(target.num_outputs);
  for (std::size_t i = 0; i < target.status.size(); ++i) {
    const std::int32_t s = target.status[i];
    if (s == 0) ++c.status_ok;
    else if (s >= 1000) ++c.status_envelope;
    else if (s < 0) ++c.status_error;
    bool same = s == reference.status[i];
    if (!same) ++c.status_mismatches;
    if (same && s >= 0) {
      const float* t = &target.values[i * n];
      const float* r = &reference.values[i * n];
      same = std::memcmp(t, r, n * sizeof(float)) == 0;
      for (std::size_t k = 0; k < n; ++k) {
        double d = std::fabs(static_cast<double>(t[k]) - static_cast<double>(r[k]));
        if (std::isnan(d) && std::memcmp(&t[k], &r[k], sizeof(float)) != 0) d = std::numeric_limits<double>::infinity();
        if (d > c.max_abs_diff) c.max_abs_diff = d;
      }
    }
    if (same) ++c.bit_identical;
    else if (c.first_mismatches.size() < 5) c.first_mismatches.push_back(static_cast<int>(i));
  }
  return c;
}

}  // namespace minn::hil
