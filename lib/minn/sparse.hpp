// Compressed-sparse-row product with a fixed summation order: the i-th stored entry of row r
// (i = 0, 1, ...) is added, in order, to accumulator a[i % 4] (all starting at 0), and
//   y[r] = (a[0] + a[1]) + (a[2] + a[3]).
// Four interleaved chains instead of one: hub metabolites (h, h2o, atp, nad...) have rows of
// 30-70 entries, whose single add chain was latency-bound on x86; on Cortex-M it costs three
// adds per row.
// S^T w uses the same kernel over S^T stored as CSR (rows of S^T = columns of S, entries in
// increasing metabolite order): for every reaction c, acc = 0; acc += S[r][c] * w[r] for r
// increasing -- exactly the additions of scattering rows r = 0, 1, ... into y[c], but as a gather
// (no load-modify-store per entry), which is faster on x86 and Cortex-M alike.
// Index types are template parameters so generated tables use the narrowest type that fits;
// the arithmetic is the same for every instantiation.
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

template <typename Ptr, typename Idx>
inline float sparse_row_dot(const CsrView<Ptr, Idx>& s, int r, const float* x) {
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

template <typename Ptr, typename Idx>
inline void spmv(const CsrView<Ptr, Idx>& s, const float* x, float* y) {
  for (int r = 0; r < s.rows; ++r) y[r] = sparse_row_dot(s, r, x);
}

}  // namespace minn
