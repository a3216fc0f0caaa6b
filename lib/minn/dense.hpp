// Dense layers y = act(W x + b) over weights stored in row panels.
//
// Summation order (the bit-exactness contract): for every output row r,
//   acc = 0; for j = 0..in-1: acc = acc + w[r][j] * x[j];  y[r] = acc + b[r]   (f32)
//   acc = 0; for j = 0..in-1: acc = acc + float(q[r][j]) * x[j];  y[r] = acc * s[r] + b[r]   (int8w)
// i.e. one sequential sum per row. Each row's sum is independent of the others, so computing
// P rows side by side (panels) changes no bit, whatever P, the ISA or the vector width.
//
// Panel layout: rows are grouped in panels of P (the last one padded with zero rows);
// panel p holds w[p*P + r][j] at index (p*in + j)*P + r, so one x[j] feeds P contiguous weights.
#pragma once
#include <stdint.h>

#include "minn/dense_arm.hpp"
#include "minn/dense_x86.hpp"

namespace minn {

enum class Act : unsigned char { None = 0, Relu = 1 };

inline float relu(float v) { return v > 0.0f ? v : 0.0f; }

// The plain C loop: the reference form of the contract, and the kernel every core without a
// SIMD/VFP path runs (generated code may also ask for it by name: `minnc compile --kernels portable`,
// the kernels before issue 17, kept to measure against).
template <int P>
inline void dense_f32_portable(const float* w, const float* b, int in, int out, Act act,
                               const float* x, float* y) {
  for (int r0 = 0; r0 < out; r0 += P) {
    float acc[P];
    for (int r = 0; r < P; ++r) acc[r] = 0.0f;
    const float* wp = w + r0 * in;
    for (int j = 0; j < in; ++j) {
      const float xj = x[j];
#pragma GCC unroll 16
      for (int r = 0; r < P; ++r) acc[r] = acc[r] + wp[j * P + r] * xj;
    }
    const int rows = out - r0 < P ? out - r0 : P;
    for (int r = 0; r < rows; ++r) {
      const float v = acc[r] + b[r0 + r];
      y[r0 + r] = act == Act::Relu ? relu(v) : v;
    }
  }
}

template <int P>
inline void dense_f32(const float* w, const float* b, int in, int out, Act act, const float* x,
                      float* y) {
#if defined(MINN_DENSE_X86)
  if (P == 8) {  // the same sums, several panels per pass (dense_x86.hpp)
    for (int r0 = 0; r0 < out; r0 += x86::kRowsPerPass) {
      float acc[x86::kRowsPerPass];
      const int rows = out - r0 < x86::kRowsPerPass ? out - r0 : x86::kRowsPerPass;
      x86::dense_acc8(w + r0 * in, in, (rows + 7) / 8, x, acc);
      for (int r = 0; r < rows; ++r) {
        const float v = acc[r] + b[r0 + r];
        y[r0 + r] = act == Act::Relu ? relu(v) : v;
      }
    }
    return;
  }
#elif defined(MINN_DENSE_ARM_VFP)
  if (P == 8) {  // the same sums with VMLA and VLDM (dense_arm.hpp)
    for (int r0 = 0; r0 < out; r0 += 8) {
      float acc[8];
      arm::panel8_acc(w + r0 * in, in, x, acc);
      const int rows = out - r0 < 8 ? out - r0 : 8;
      for (int r = 0; r < rows; ++r) {
        const float v = acc[r] + b[r0 + r];
        y[r0 + r] = act == Act::Relu ? relu(v) : v;
      }
    }
    return;
  }
#endif
  dense_f32_portable<P>(w, b, in, out, act, x, y);
}

template <int P>
inline void dense_i8(const int8_t* q, const float* scale, const float* b, int in, int out, Act act,
                     const float* x, float* y) {
  for (int r0 = 0; r0 < out; r0 += P) {
    float acc[P];
    for (int r = 0; r < P; ++r) acc[r] = 0.0f;
    const int8_t* qp = q + r0 * in;
    for (int j = 0; j < in; ++j) {
      const float xj = x[j];
#pragma GCC unroll 16
      for (int r = 0; r < P; ++r) acc[r] = acc[r] + static_cast<float>(qp[j * P + r]) * xj;
    }
    const int rows = out - r0 < P ? out - r0 : P;
    for (int r = 0; r < rows; ++r) {
      const float v = acc[r] * scale[r0 + r] + b[r0 + r];
      y[r0 + r] = act == Act::Relu ? relu(v) : v;
    }
  }
}

}  // namespace minn
