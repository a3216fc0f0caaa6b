// Natural logarithm without libm, for the growth-rate filter (growth_rate.hpp). Deterministic: only
// integer bit operations and float add, multiply and divide, so every FPU and soft-float ABI that
// rounds float32 to nearest gives the same bits (built with -ffp-contract=off, as generated code).
#pragma once
#include <stdint.h>
#include <string.h>

#include "minn/input_guard.hpp"

namespace minn {

// ln x for finite x > 0 (subnormals included), within 1e-6 relative of the exact value: against
// double-precision log over every positive finite float the worst is 2.3e-7 (x = 1.1365491); the
// tests sample the range. Any other input (x <= 0, NaN, +-Inf) returns 0.0f, a defined value the
// callers never use: they check the domain first.
//
// Argument reduction (Cody & Waite, Software Manual for the Elementary Functions, Prentice-Hall
// 1980): x = m * 2^e with m in [sqrt(1/2), sqrt(2)] read from the float's bits, ln x = e ln 2 + ln m,
// ln 2 split into a short head (e * head exact) and a tail.
// ln m by the atanh series (Abramowitz & Stegun, Handbook of Mathematical Functions, 1964, 4.1.27):
//   ln m = 2 atanh(s) = 2 (s + s^3/3 + s^5/5 + s^7/7 + s^9/9 + ...),  s = (m - 1) / (m + 1),
// |s| <= (sqrt 2 - 1)/(sqrt 2 + 1) = 0.1716, so the first omitted term, 2 s^11 / 11, is below
// 2e-9 relative to the sum: float rounding (a few ulp, ~3e-7) dominates. m - 1 is exact (Sterbenz),
// so ln x near 1 keeps its full relative accuracy.
inline float ln_positive(float x) {
  if (!(x > 0.0f) || !is_finite(x)) return 0.0f;
  uint32_t bits;
  memcpy(&bits, &x, sizeof bits);
  int exponent = static_cast<int>((bits >> 23) & 0xffu);
  if (exponent == 0) {  // subnormal: scale by 2^23 (exact) to get an implicit leading bit
    const float scaled = x * 8388608.0f;
    memcpy(&bits, &scaled, sizeof bits);
    exponent = static_cast<int>((bits >> 23) & 0xffu) - 23;
  }
  exponent -= 127;
  const uint32_t mantissa_bits = (bits & 0x007fffffu) | 0x3f800000u;  // m in [1, 2)
  float m;
  memcpy(&m, &mantissa_bits, sizeof m);
  if (m > 1.41421356f) {  // m in (sqrt 2, 2) -> (sqrt(1/2), 1): halving is exact
    m = m * 0.5f;
    exponent += 1;
  }
  const float s = (m - 1.0f) / (m + 1.0f);
  const float z = s * s;
  const float series =
      s * (2.0f + z * (2.0f / 3.0f + z * (2.0f / 5.0f + z * (2.0f / 7.0f + z * (2.0f / 9.0f)))));
  // ln 2 = head + tail (fdlibm's split); head = 0x3f317180 has 17 significant bits, so e * head is
  // exact for |e| <= 127 (every normal float; a subnormal x may lose half an ulp there).
  const float ln2_head = 6.9313812256e-01f;
  const float ln2_tail = 9.0580006145e-06f;
  const float e = static_cast<float>(exponent);
  return e * ln2_head + (e * ln2_tail + series);
}

}  // namespace minn
