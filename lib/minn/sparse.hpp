// Compressed-sparse-row products with a fixed summation order, in one of two forms:
//   Chains = 1: y[r] = sum of the entries of row r, in stored order, starting from 0;
//   Chains = 4: the i-th stored entry of row r (i = 0, 1, ...) is added, in order, to accumulator
//               a[i % 4] (all starting at 0), and y[r] = (a[0] + a[1]) + (a[2] + a[3]).
// S V uses 4 chains: hub metabolites (h, h2o, atp, nad...) have rows of 30-70 entries, whose single
// add chain is latency-bound on x86. S^T w uses 1 chain: a reaction has a handful of metabolites,
// and on Cortex-M (no add latency to hide) every extra add and tail test costs instructions.
#pragma once

namespace minn {

template <typename Ptr, typename Idx>
struct CsrView {
  int rows;
  int cols;
  const Ptr* row_ptr;  // rows + 1
  const Idx* col;      // nonzeros
  const float* val;    // nonzeros
};

template <int Chains, typename Ptr, typename Idx>
inline float sparse_row_dot(const CsrView<Ptr, Idx>& s, int r, const float* x) {
  static_assert(Chains == 1 || Chains == 4, "summation orders are defined for 1 or 4 chains");
  if (Chains == 1) {
    float acc = 0.0f;
    const int end = static_cast<int>(s.row_ptr[r + 1]);
    for (int e = static_cast<int>(s.row_ptr[r]); e < end; ++e) acc = acc + s.val[e] * x[s.col[e]];
    return acc;
  }
  float a0 = 0.0f, a1 = 0.0f, a2 = 0.0f, a3 = 0.0f;
  int e = static_cast<int>(s.row_ptr[r]);
  const int end = static_cast<int>(s.row_ptr[r + 1]);
  for (; e + 4 <= end; e += 4) {
    a0 = a0 + s.val[e] * x[s.col[e]];
    a1 = a1 + s.val[e + 1] * x[s.col[e + 1]];
    a2 = a2 + s.val[e + 2] * x[s.col[e + 2]];
    a3 = a3 + s.val[e + 3] * x[s.col[e + 3]];
  }
  if (e < end) a0 = a0 + s.val[e] * x[s.col[e]];
  if (e + 1 < end) a1 = a1 + s.val[e + 1] * x[s.col[e + 1]];
  if (e + 2 < end) a2 = a2 + s.val[e + 2] * x[s.col[e + 2]];
  return (a0 + a1) + (a2 + a3);
}

template <int Chains, typename Ptr, typename Idx>
inline void spmv(const CsrView<Ptr, Idx>& s, const float* x, float* y) {
  for (int r = 0; r < s.rows; ++r) y[r] = sparse_row_dot<Chains>(s, r, x);
}

}  // namespace minn
