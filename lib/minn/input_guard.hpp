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

// The largest scaled input a model without clipped inputs computes with: a million training ranges
// beyond the envelope, far past any reading a sensor can mean, and small enough that the dense
// layers and the refinement stay finite in float32 (a finite FLT_MAX or 1e30 reading would
// otherwise overflow the hidden layer into Inf - Inf = NaN outputs, whose NaN bits even differ
// between x86 and ARM). The status still reports the input beyond the envelope (1000 + i).
inline constexpr float kMaxScaledInput = 1.0e6f;

// Saturates scaled inputs to [-kMaxScaledInput, kMaxScaledInput]; the identity on every input
// within a million ranges of the envelope, so no in-envelope output changes. x is (raw - min) /
// range of finite raw values: finite or +-Inf, never NaN, so plain selects give the same bits on
// every FPU and soft-float ABI; no early exit (one instruction count for every input).
inline void saturate_scaled(float* x, int n) {
  for (int i = 0; i < n; ++i) {
    const float v = x[i] < -kMaxScaledInput ? -kMaxScaledInput : x[i];
    x[i] = v > kMaxScaledInput ? kMaxScaledInput : v;
  }
}

}  // namespace minn
