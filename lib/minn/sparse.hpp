// Compressed-sparse-row products with a fixed summation order (the bit-exactness contract):
//   y[r] = p0 + p1 + ... + pk, left to right, p_i = val[e_i] * x[col[e_i]] the row's entries in
//   stored order; the first product starts the sum (no 0 + p0); an empty row gives +0.
// One chain, so that generated code can write each row out as one expression over constant
// indices (emit/stoichiometry_source.cpp) with the same bits: a coefficient of +-1 makes an exact
// product (x or -x), and acc - x == acc + (-1 * x). On the host, different rows are independent
// chains that an out-of-order core overlaps.
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
  int e = static_cast<int>(s.row_ptr[r]);
  const int end = static_cast<int>(s.row_ptr[r + 1]);
  if (e == end) return 0.0f;
  float acc = s.val[e] * x[s.col[e]];
  for (++e; e < end; ++e) acc = acc + s.val[e] * x[s.col[e]];
  return acc;
}

template <typename Ptr, typename Idx>
inline void spmv(const CsrView<Ptr, Idx>& s, const float* x, float* y) {
  for (int r = 0; r < s.rows; ++r) y[r] = sparse_row_dot(s, r, x);
}

}  // namespace minn
