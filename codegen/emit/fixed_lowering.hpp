// Lowering to fixed point (`--precision q15|q7`): quantised weights with per-row requantisation,
// activation scales, and the int32 refinement's scale and constants. The scaling analysis is
// stated in lib/minn/fixed_point.hpp; this file chooses the numbers that make it hold.
#pragma once
#include <cstdint>
#include <vector>

#include "minn/fixed_point.hpp"
#include "model/model.hpp"

namespace minn::emit {

struct LoweredModel;

struct FixedLayer {
  std::vector<std::int16_t> w16;  // q15: panels of fx::kPanel rows x input pairs
  std::vector<std::int8_t> w8;    // q7: the same layout
  std::vector<std::int32_t> mult;
  std::vector<std::int8_t> shift;
  std::vector<std::int32_t> bias;  // round(b / s_y), in output units
};

struct FixedModel {
  std::int32_t amax = 0;               // activation and weight limit: 32767 (q15) or 127 (q7)
  std::vector<float> input_scale;      // per input: q = (raw - min) * this (fx::quantize_inputs)
  std::vector<double> act_scale;       // s of activation k (k = 0: the scaled inputs)
  std::vector<FixedLayer> layers;
  int frac_bits = 0;                   // F: V = q / 2^F
  float v0_factor = 0;                 // s_y(last) * 2^F
  float out_scale = 0;                 // 2^-F
  std::vector<std::int32_t> s_coef, st_coef;  // Q12, same order as the float CSR tables
  std::vector<std::int32_t> vin;              // units 2^-F, clamped to +-vlimit
  fx::FixedRefineParams refine{};
};

// Needs the float lowering (layers, scaler, envelope, S, Pin) already in `lowered`.
FixedModel lower_fixed(const MinnModel& model, const LoweredModel& lowered, bool q15);

}  // namespace minn::emit
