// x86 host path of dense_f32 for panels of 8 rows: the same arithmetic as the portable loop in
// dense.hpp, lane by lane (one IEEE single multiply, then one add, per row and input, in input
// order), only several rows at once in SSE/AVX registers. No lane ever sums across rows, so the
// bits equal the portable path's on every target (checked by tests/runtime and the QEMU HIL tests).
// GCC's own vectorizer is not used because its result varies wildly with -O2/-O3 (measured 4x).
#pragma once
#if (defined(__SSE2__) || defined(__AVX__)) && !defined(MINN_NO_SIMD)
#define MINN_DENSE_X86 1
#include <immintrin.h>

namespace minn {
namespace x86 {

#if defined(__AVX__)
// G panels side by side, one 8-lane register per panel.
template <int G>
inline void panels8(const float* w, int in, const float* x, float* acc_out) {
  __m256 acc[G];
  for (int g = 0; g < G; ++g) acc[g] = _mm256_setzero_ps();
  for (int j = 0; j < in; ++j) {
    const __m256 xj = _mm256_set1_ps(x[j]);
#pragma GCC unroll 8
    for (int g = 0; g < G; ++g) {
      const __m256 wv = _mm256_loadu_ps(w + (static_cast<long>(g) * in + j) * 8);
      acc[g] = _mm256_add_ps(acc[g], _mm256_mul_ps(wv, xj));
    }
  }
  for (int g = 0; g < G; ++g) _mm256_storeu_ps(acc_out + g * 8, acc[g]);
}
#else
// G panels side by side, two 4-lane registers per panel.
template <int G>
inline void panels8(const float* w, int in, const float* x, float* acc_out) {
  __m128 lo[G], hi[G];
  for (int g = 0; g < G; ++g) lo[g] = hi[g] = _mm_setzero_ps();
  for (int j = 0; j < in; ++j) {
    const __m128 xj = _mm_set1_ps(x[j]);
#pragma GCC unroll 8
    for (int g = 0; g < G; ++g) {
      const float* wp = w + (static_cast<long>(g) * in + j) * 8;
      lo[g] = _mm_add_ps(lo[g], _mm_mul_ps(_mm_loadu_ps(wp), xj));
      hi[g] = _mm_add_ps(hi[g], _mm_mul_ps(_mm_loadu_ps(wp + 4), xj));
    }
  }
  for (int g = 0; g < G; ++g) {
    _mm_storeu_ps(acc_out + g * 8, lo[g]);
    _mm_storeu_ps(acc_out + g * 8 + 4, hi[g]);
  }
}
#endif

// Enough independent accumulator chains to hide the add latency: 8 AVX or 4 SSE panels per pass.
#if defined(__AVX__)
inline constexpr int kGroup = 8;
#else
inline constexpr int kGroup = 4;
#endif
inline constexpr int kRowsPerPass = 8 * kGroup;

// Accumulators of up to kGroup consecutive panels (row r of panel p at acc[p * 8 + r]).
inline void dense_acc8(const float* w, int in, int panels, const float* x, float* acc) {
  int p = 0;
  if (panels == kGroup) {
    panels8<kGroup>(w, in, x, acc);
    return;
  }
  for (; p + 2 <= panels; p += 2) panels8<2>(w + static_cast<long>(p) * in * 8, in, x, acc + p * 8);
  for (; p < panels; ++p) panels8<1>(w + static_cast<long>(p) * in * 8, in, x, acc + p * 8);
}

}  // namespace x86
}  // namespace minn
#endif
