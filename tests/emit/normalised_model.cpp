#include "normalised_model.hpp"

#include <cstddef>

namespace minn::test {

MinnModel uptake_normalised(MinnModel model, int input) {
  const auto u = static_cast<std::size_t>(input);
  model.flux_scale_input = input;
  model.envelope_min[u] = 1.0f;
  model.envelope_max[u] = 11.0f;
  model.scaler_min[u] = 1.0f;
  model.scaler_range[u] = 10.0f;
  model.yield_offset.clear();
  // Multiples of 1/8 in [-1, 1]: exact floats, no two neighbours equal.
  for (int i = 0; i < model.num_outputs(); ++i)
    model.yield_offset.push_back(static_cast<float>((i * 7) % 17 - 8) / 8.0f);
  return model;
}

}  // namespace minn::test
