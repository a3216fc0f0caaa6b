// Fixed-point inference (`--precision q15|q7`): int16 or int8 weights and activations, int32
// accumulators, per-row requantisation, saturating conversions, and the refinement in int32.
// Integer arithmetic is exact, so every core and the host give the same bits whatever the
// summation order; the scaling below guarantees that no int32 sum can overflow.
//
// Scaling analysis (the generator's side is emit/fixed_lowering.cpp):
// * Activations: a = s * q, |q| <= Amax (32767 or 127), one scale s per activation vector.
//   Scaled inputs use the envelope (or [0, 1] when clipped); hidden and output activations use
//   the largest value over calibration rows drawn inside the envelope; a value beyond it
//   saturates to +-Amax (quantize, requantize).
// * Weights: w = s_r * q per row r with |q| <= Wmax (32767 or 127), and s_r large enough that
//   (sum_j |q_rj|) * Amax <= 2^31 - 1: the int32 accumulator of a row cannot overflow for any input.
// * Requantisation: y_q = sat(round((acc * mult_r) / 2^shift_r) + bias_r), mult_r / 2^shift_r =
//   s_r * s_x / s_y (mult_r < 2^31, 64-bit product), bias_r = round(b_r / s_y).
// * Refinement: V = q / 2^F in int32, |V| <= vlimit (saturated after every update), with F chosen
//   so that every row of S V and of S^T (S V) is below 2^31 in magnitude for |V| <= vlimit.
//   S coefficients are Q12 (integers exact); products round to nearest; the step constants
//   (beta, eta * 2/m, eta * 2/n_in, eta * 2/n) are Q30 and at most 1.
#pragma once
#include <stdint.h>

#include "minn/attributes.hpp"
#include "minn/dense.hpp"
#include "minn/dense_q_arm.hpp"
#include "minn/sparse.hpp"

namespace minn {
namespace fx {

inline int32_t clamp32(int64_t v, int32_t lo, int32_t hi) {
  return v < lo ? lo : (v > hi ? hi : static_cast<int32_t>(v));
}

// round(v / 2^shift) to nearest, ties towards +inf (add half, then an arithmetic shift: GCC defines
// >> of a negative value as arithmetic on every target here). shift in 1..62.
inline int64_t round_shift(int64_t v, int shift) {
  return (v + (static_cast<int64_t>(1) << (shift - 1))) >> shift;
}

// The network's input straight from the raw readings (finite, checked by check_inputs first):
// q_i = sat(round-half-away((raw_i - min_i) * k_i)), k_i = Amax / (range_i * bound) per input,
// saturated to [0, Amax] for a model trained with clipped inputs (clip_unit's [0, 1]), else to
// [-Amax, Amax]. One subtraction and one multiply per input: no float division (soft-float cores).
template <typename A>
inline void quantize_inputs(const float* raw, int n, const float* min, const float* k, bool clip,
                            int32_t amax, A* q) {
  const float hi = static_cast<float>(amax);
  const float lo = clip ? 0.0f : -hi;
  for (int i = 0; i < n; ++i) {
    const float f = (raw[i] - min[i]) * k[i];
    const float r = f >= 0.0f ? f + 0.5f : f - 0.5f;
    const float c = r > hi ? hi : (r < lo ? lo : r);
    q[i] = static_cast<A>(static_cast<int32_t>(c));
  }
  if (n % 2 != 0) q[n] = 0;  // the even-length pad (dense_q reads pairs)
}

// Per-row requantisation of a dense layer's accumulators.
struct Requant {
  const int32_t* mult;
  const int8_t* shift;
  const int32_t* bias;
  int32_t amax;
};

template <typename A>
inline A requantize(int32_t acc, const Requant& rq, int r, Act act) {
  const int64_t scaled = round_shift(static_cast<int64_t>(acc) * rq.mult[r], rq.shift[r]) + rq.bias[r];
  const int32_t lo = act == Act::Relu ? 0 : -rq.amax;
  return static_cast<A>(clamp32(scaled, lo, rq.amax));
}

// Weight layout (the streaming order of the SMLAD kernels, dense_q_arm.hpp): panels of 4 rows,
// inputs in pairs, one 8-element block per panel and pair, block = p * pairs + j / 2 (p = r / 4,
// pairs = (in + 1) / 2); zero weights pad the last panel and an odd last pair. Inside a block:
//   int16 (q15): row-major pairs, w[r][j] at r % 4 * 2 + j % 2 (one word = one row's pair);
//   int8 (q7): rows interleaved by two, w[r][j] at (r % 4 / 2) * 4 + j % 2 * 2 + r % 2 (one word =
//   two rows' pairs: SXTB16 and SXTB16 ROR #8 split it into the pair of each row).
// The activation vectors are stored with an even length (a zero after an odd last element).
inline constexpr int kPanel = 4;

template <typename W>
constexpr int weight_index(int r, int j, int pairs) {
  const int block = (r / kPanel * pairs + j / 2) * 2 * kPanel;
  return sizeof(W) == 2 ? block + r % kPanel * 2 + j % 2 : block + (r % kPanel / 2) * 4 + j % 2 * 2 + r % 2;
}

// Plain C (Cortex-M0/M3, and the host): the weights streamed in order, four accumulators in
// registers. The odd last pair reads the activation's pad element against a zero weight.
template <typename W, typename A>
inline void dense_q_portable(const W* w, const Requant& rq, int in, int out, Act act, const A* x,
                             A* y) {
  const int pairs = (in + 1) / 2;
  // Offsets inside a block of rows 0..3 for the pair's first and second input.
  constexpr int o0[kPanel] = {weight_index<W>(0, 0, 1), weight_index<W>(1, 0, 1), weight_index<W>(2, 0, 1),
                              weight_index<W>(3, 0, 1)};
  constexpr int o1[kPanel] = {weight_index<W>(0, 1, 1), weight_index<W>(1, 1, 1), weight_index<W>(2, 1, 1),
                              weight_index<W>(3, 1, 1)};
  for (int r0 = 0; r0 < out; r0 += kPanel) {
    int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
    const W* wp = w + r0 * pairs * 2;
    const A* xp = x;
    for (int jp = 0; jp < pairs; ++jp, wp += 2 * kPanel, xp += 2) {
      const int32_t x0 = xp[0], x1 = xp[1];
      a0 += wp[o0[0]] * x0;  // one multiply-add per product (MLA on M3)
      a0 += wp[o1[0]] * x1;
      a1 += wp[o0[1]] * x0;
      a1 += wp[o1[1]] * x1;
      a2 += wp[o0[2]] * x0;
      a2 += wp[o1[2]] * x1;
      a3 += wp[o0[3]] * x0;
      a3 += wp[o1[3]] * x1;
    }
    const int32_t acc[kPanel] = {a0, a1, a2, a3};
    const int rows = out - r0 < kPanel ? out - r0 : kPanel;
    for (int r = 0; r < rows; ++r) y[r0 + r] = requantize<A>(acc[r], rq, r0 + r, act);
  }
  if (out % 2 != 0) y[out] = 0;  // the even-length pad
}

template <typename W, typename A>
inline void dense_q(const W* w, const Requant& rq, int in, int out, Act act, const A* x, A* y) {
#if defined(MINN_DENSE_Q_SMLAD)
  const int pairs = (in + 1) / 2;
  if constexpr (sizeof(W) == 2 && sizeof(A) == 2) {
    for (int r0 = 0; r0 < out; r0 += kPanel) {
      int32_t acc[kPanel];
      arm::panel4_q15(reinterpret_cast<const int16_t*>(w) + r0 * pairs * 2, pairs,
                      reinterpret_cast<const int16_t*>(x), acc);
      const int rows = out - r0 < kPanel ? out - r0 : kPanel;
      for (int r = 0; r < rows; ++r) y[r0 + r] = requantize<A>(acc[r], rq, r0 + r, act);
    }
    if (out % 2 != 0) y[out] = 0;
    return;
  } else if constexpr (sizeof(W) == 1 && sizeof(A) == 1) {
    for (int r0 = 0; r0 < out; r0 += kPanel) {
      int32_t acc[kPanel];
      arm::panel4_q7(reinterpret_cast<const int8_t*>(w) + r0 * pairs * 2, pairs,
                     reinterpret_cast<const int8_t*>(x), acc);
      const int rows = out - r0 < kPanel ? out - r0 : kPanel;
      for (int r = 0; r < rows; ++r) y[r0 + r] = requantize<A>(acc[r], rq, r0 + r, act);
    }
    if (out % 2 != 0) y[out] = 0;
    return;
  }
#endif
  dense_q_portable(w, rq, in, out, act, x, y);
}

// Refinement state and constants (all integers; see the scaling analysis above).
struct FixedRefineParams {
  int steps;
  int32_t beta;      // Q30
  int32_t k_u;       // eta * 2/m, Q30
  int32_t k_pin;     // eta * 2/n_in, Q30
  int32_t k_neg;     // eta * 2/n, Q30
  int32_t vlimit;    // |V|, |d| <= vlimit (units 2^-F)
};

// S (or S^T) with Q12 coefficients.
template <typename Ptr, typename Idx>
struct FixedCsr {
  int rows;
  int cols;
  const Ptr* row_ptr;
  const Idx* col;
  const int32_t* coef;  // Q12
};

// coef * x in the units of x: an integer coefficient multiplies exactly (the bound keeps the
// product in int32); others round to nearest through 64 bits. Which branch a nonzero takes
// depends only on the table, so the instruction count does not depend on the inputs.
inline int32_t coef_times(int32_t coef, int32_t x) {
  if ((coef & 0xfff) == 0) return (coef >> 12) * x;
  return static_cast<int32_t>(round_shift(static_cast<int64_t>(coef) * x, 12));
}

template <typename Ptr, typename Idx>
inline void fixed_spmv(const FixedCsr<Ptr, Idx>& s, const int32_t* x, int32_t* y) {
  for (int r = 0; r < s.rows; ++r) {
    int32_t acc = 0;
    const int end = static_cast<int>(s.row_ptr[r + 1]);
    for (int e = static_cast<int>(s.row_ptr[r]); e < end; ++e) acc += coef_times(s.coef[e], x[s.col[e]]);
    y[r] = acc;
  }
}

inline int32_t relu32(int32_t v) { return v > 0 ? v : 0; }


// One reaction's step, the float algorithm of refine.hpp with the step folded into the constants:
//   d = beta d - eta (2/m) u - eta (2/n_in) pin + eta (2/n) relu(-V);  V = V + d  (both saturated)
// The four Q30 products are summed in 64 bits and rounded once: each is below 2^61 (constants
// <= 2^30, the generator checks), so the sum cannot overflow.
inline void fixed_heavy_ball_update(const FixedRefineParams& p, int32_t u, int32_t pin_term,
                                    int32_t& v, int32_t& d) {
  const int64_t sum = static_cast<int64_t>(p.beta) * d - static_cast<int64_t>(p.k_u) * u -
                      static_cast<int64_t>(p.k_pin) * pin_term +
                      static_cast<int64_t>(p.k_neg) * relu32(-v);
  d = clamp32(round_shift(sum, 30), -p.vlimit, p.vlimit);
  v = clamp32(static_cast<int64_t>(v) + d, -p.vlimit, p.vlimit);
}

// S V and S^T (S V) over CSR tables (the host reference, `--kernels portable`). Generated code
// passes its own Products with the rows written out: integer sums are exact, so any order gives
// the same bits. The per-reaction update stays one loop here (one copy of its 64-bit arithmetic:
// Cortex-M0 flash).
template <typename Ptr, typename Idx>
struct FixedCsrProducts {
  FixedCsr<Ptr, Idx> s;
  FixedCsr<Ptr, Idx> st;
  void s_times(const int32_t* v, int32_t* sv) const { fixed_spmv(s, v, sv); }
  void st_times(const int32_t* sv, int32_t* u) const { fixed_spmv(st, sv, u); }
};

// u: n more int32 of scratch (S^T S V).
template <typename Products, typename PinIdx>
inline void fixed_refine_with(const Products& s, int n, const PinIdx* pin, const int32_t* vin,
                              int n_pin, const FixedRefineParams& p, int32_t* v, int32_t* d,
                              int32_t* sv, int32_t* pin_term, int32_t* u) {
  for (int c = 0; c < n; ++c) d[c] = 0;
  for (int step = 0; step < p.steps; ++step) {
    s.s_times(v, sv);
    for (int c = 0; c < n; ++c) pin_term[c] = 0;
    for (int k = 0; k < n_pin; ++k) {
      const int c = static_cast<int>(pin[k]);
      pin_term[c] += relu32(v[c] - vin[k]);
    }
    s.st_times(sv, u);
    for (int c = 0; c < n; ++c) fixed_heavy_ball_update(p, u[c], pin_term[c], v[c], d[c]);
  }
}

template <typename Ptr, typename Idx, typename PinIdx>
inline void fixed_refine(const FixedCsr<Ptr, Idx>& s, const FixedCsr<Ptr, Idx>& st,
                         const PinIdx* pin, const int32_t* vin, int n_pin,
                         const FixedRefineParams& p, int32_t* v, int32_t* d, int32_t* sv,
                         int32_t* pin_term, int32_t* u) {
  fixed_refine_with(FixedCsrProducts<Ptr, Idx>{s, st}, s.cols, pin, vin, n_pin, p, v, d, sv, pin_term, u);
}

// V0 = sat(round(y_q * k * max(u, 0))), k = s_y * 2^F, u the raw scaling input (or 1 for a model
// without uptake normalisation). One float product per inference, rounded to Q16 in 64 bits and
// capped at 2^47 (k u >= 2^31 gives |V0| >= vlimit for any y_q != 0 anyway), then integers.
template <typename A>
inline void start_fluxes(const A* y, int n, float k, float u, int32_t vlimit, int32_t* v) {
  const float s = u > 0.0f ? u : 0.0f;
  const float ks = k * s * 65536.0f;
  const float cap = 140737488355328.0f;  // 2^47
  const int64_t kq = static_cast<int64_t>(ks > cap ? cap : ks + 0.5f);
  for (int i = 0; i < n; ++i) {
    v[i] = clamp32(round_shift(static_cast<int64_t>(y[i]) * kq, 16), -vlimit, vlimit);
  }
}

// out = V / 2^F: an exact power-of-two scale after the int -> float conversion.
inline void to_float(const int32_t* v, int n, float inv_scale, float* out) {
  for (int i = 0; i < n; ++i) out[i] = static_cast<float>(v[i]) * inv_scale;
}

}  // namespace fx
}  // namespace minn
