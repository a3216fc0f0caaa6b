// Input guards and min-max scaling. Inputs are raw sensor values.
#pragma once
#include <stdint.h>
#include <string.h>

#include "minn/status.h"

namespace minn {

// Bit test instead of std::isfinite: no libm, same answer on every FPU and soft-float ABI.
inline bool is_finite(float x) {
  uint32_t bits;
  memcpy(&bits, &x, sizeof bits);
  return (bits & 0x7f800000u) != 0x7f800000u;
}

// Returns MINN_STATUS_OK, -(1+i) for the first non-finite input, else 1000+i for the first input
// outside [lo, hi] (the envelope widened by its margin, precomputed in float by the generator).
inline int check_inputs(const float* in, int n, const float* lo, const float* hi) {
  for (int i = 0; i < n; ++i) {
    if (!is_finite(in[i])) return -(1 + i);
  }
  for (int i = 0; i < n; ++i) {
    if (in[i] < lo[i] || in[i] > hi[i]) return MINN_STATUS_ENVELOPE_BASE + i;
  }
  return MINN_STATUS_OK;
}

// x = (raw - min) / range, a true division (correctly rounded everywhere, also in soft float),
// the formula the scaler was fitted with.
inline void scale_inputs(const float* in, int n, const float* min, const float* range, float* x) {
  for (int i = 0; i < n; ++i) x[i] = (in[i] - min[i]) / range[i];
}

// Saturates scaled inputs to [0, 1] (models trained with clipped inputs, sklearn's clip=True): a
// reading beyond the training range is fed as the nearest value the network was trained on. Plain
// comparisons, no fminf/fmaxf: x is finite here (check_inputs ran first), so the result is x, 0 or 1
// with the same bits on every FPU and soft-float ABI. Selects like relu() (no early exit), so FPU
// cores keep one instruction count for every input. The status is not changed: an input outside the
// envelope still reports MINN_STATUS_ENVELOPE_BASE + i; outputs are computed at the saturated value.
inline void clip_unit(float* x, int n) {
  for (int i = 0; i < n; ++i) {
    const float v = x[i] < 0.0f ? 0.0f : x[i];
    x[i] = v > 1.0f ? 1.0f : v;
  }
}

}  // namespace minn
