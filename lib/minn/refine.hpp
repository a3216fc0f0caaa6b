// K heavy-ball steps on L(V) = ||S V||^2/m + ||relu(Pin V - Vin)||^2/n_in + ||relu(-V)||^2/n:
//   g = (2/m) S^T S V + (2/n_in) Pin^T relu(Pin V - Vin) - (2/n) relu(-V);  d = beta d - eta g;  V += d
// with d = 0 before the first step. Evaluation order per step (the bit-exactness contract):
//   sv = S V (spmv, 4 chains);
//   p = 0; for Pin rows k in order: p[pin[k]] = p[pin[k]] + two_over_nin * relu(V[pin[k]] - vin[k]);
//   for c in order: u = (S^T sv)[c] (row c of S^T in CSR, 1 chain, see sparse.hpp);
//     gc = two_over_m * u + p[c];  gc = gc - two_over_n * relu(-V[c]);
//     d[c] = beta * d[c] - eta * gc;  V[c] = V[c] + d[c].
// (V[c] changes only after all of step's reads of V: S V and the Pin terms come first.)
// The constants 2/m, 2/n, 2/n_in are rounded to float once by the generator and stored.
#pragma once
#include "minn/dense.hpp"
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

template <typename Ptr, typename Idx, typename PinIdx>
inline void refine(const CsrView<Ptr, Idx>& s, const CsrView<Ptr, Idx>& st, const PinIdx* pin,
                   const float* vin, int n_pin, const RefineParams& p, float* v, float* d,
                   float* sv, float* pin_term) {
  const int n = s.cols;
  for (int c = 0; c < n; ++c) d[c] = 0.0f;
  for (int step = 0; step < p.steps; ++step) {
    spmv<4>(s, v, sv);
    for (int c = 0; c < n; ++c) pin_term[c] = 0.0f;
    for (int k = 0; k < n_pin; ++k) {
      const int c = static_cast<int>(pin[k]);
      pin_term[c] = pin_term[c] + p.two_over_nin * relu(v[c] - vin[k]);
    }
    for (int c = 0; c < n; ++c) {
      const float u = sparse_row_dot<1>(st, c, sv);
      float gc = p.two_over_m * u + pin_term[c];
      gc = gc - p.two_over_n * relu(-v[c]);
      d[c] = p.momentum * d[c] - p.step_size * gc;
      v[c] = v[c] + d[c];
    }
  }
}

}  // namespace minn
