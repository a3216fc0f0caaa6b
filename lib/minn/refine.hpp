// K heavy-ball steps on L(V) = ||S V||^2/m + ||relu(Pin V - Vin)||^2/n_in + ||relu(-V)||^2/n:
//   g = (2/m) S^T S V + (2/n_in) Pin^T relu(Pin V - Vin) - (2/n) relu(-V);  d = beta d - eta g;  V += d
// with d = 0 before the first step. Evaluation order per step (the bit-exactness contract):
//   sv = S V (sparse.hpp: each row's products in stored order);
//   p = 0; for Pin rows k in order: p[pin[k]] = p[pin[k]] + two_over_nin * relu(V[pin[k]] - vin[k]);
//   for c in order: u = (S^T sv)[c] (row c of S^T, metabolites in increasing order, sparse.hpp);
//     heavy_ball_update(u, p[c], V[c], d[c]) (below).
// (V[c] changes only after all of step's reads of V: S V and the Pin terms come first.)
// The constants 2/m, 2/n, 2/n_in are rounded to float once by the generator and stored.
//
// The two products come from a `Products` object: CsrProducts runs them over CSR tables (the host
// reference, and `--kernels portable`); generated code passes its own with every row written out
// over constant indices (emit/stoichiometry_source.cpp): the same sums in the same order.
#pragma once
#include "minn/attributes.hpp"
#include "minn/dense.hpp"
#include "minn/mul_add.hpp"
#include "minn/sparse.hpp"

namespace minn {

struct RefineParams {
  int steps;          // K
  float step_size;    // eta
  float momentum;     // beta
  float two_over_m;   // 2 / metabolites
  float two_over_n;   // 2 / reactions
  float two_over_nin; // 2 / Pin rows (0 when there are none)
};

// One reaction's step: gc = (two_over_m * u + pin_term) - two_over_n * relu(-v);
// d = beta * d - eta * gc; v = v + d. Every product is rounded before it is added (mul_add.hpp).
inline void heavy_ball_update(const RefineParams& p, float u, float pin_term, float& v, float& d) {
  float gc = mul_add(pin_term, p.two_over_m, u);
  gc = mul_sub(gc, p.two_over_n, relu(-v));
  d = mul_sub(p.momentum * d, p.step_size, gc);
  v = v + d;
}

// A copy of p whose step constants the compiler must hold in registers: generated code calls it
// once per update pass, because GCC otherwise reloads them from the literal pool at every reaction
// of the written-out update (measured: +1.2 instructions per S nonzero per step on the M4F). An
// empty asm makes the values opaque; their bits are unchanged.
inline RefineParams keep_in_registers(RefineParams p) {
#if defined(__arm__) && defined(__ARM_FP) && (__ARM_FP & 4)
  __asm__("" : "+t"(p.two_over_m), "+t"(p.two_over_n), "+t"(p.momentum), "+t"(p.step_size));
#endif
  return p;
}

// S V and the per-reaction updates over CSR tables of S and S^T.
template <typename Ptr, typename Idx>
struct CsrProducts {
  CsrView<Ptr, Idx> s;
  CsrView<Ptr, Idx> st;
  void s_times(const float* v, float* sv) const { spmv(s, v, sv); }
  void update(const float* sv, const float* pin_term, const RefineParams& p, float* v,
              float* d) const {
    for (int c = 0; c < st.rows; ++c) heavy_ball_update(p, sparse_row_dot(st, c, sv), pin_term[c], v[c], d[c]);
  }
};

template <typename Products, typename PinIdx>
inline void refine_with(const Products& s, int n, const PinIdx* pin, const float* vin, int n_pin,
                        const RefineParams& p, float* v, float* d, float* sv, float* pin_term) {
  for (int c = 0; c < n; ++c) d[c] = 0.0f;
  for (int step = 0; step < p.steps; ++step) {
    s.s_times(v, sv);
    for (int c = 0; c < n; ++c) pin_term[c] = 0.0f;
    for (int k = 0; k < n_pin; ++k) {
      const int c = static_cast<int>(pin[k]);
      pin_term[c] = pin_term[c] + p.two_over_nin * relu(v[c] - vin[k]);
    }
    s.update(sv, pin_term, p, v, d);
  }
}

template <typename Ptr, typename Idx, typename PinIdx>
inline void refine(const CsrView<Ptr, Idx>& s, const CsrView<Ptr, Idx>& st, const PinIdx* pin,
                   const float* vin, int n_pin, const RefineParams& p, float* v, float* d,
                   float* sv, float* pin_term) {
  refine_with(CsrProducts<Ptr, Idx>{s, st}, s.cols, pin, vin, n_pin, p, v, d, sv, pin_term);
}

}  // namespace minn
