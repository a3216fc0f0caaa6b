// Compressed-sparse-row product with a fixed summation order:
//   y[r] = sum over the entries of row r, in stored order, starting from 0.
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
inline void spmv(const CsrView<Ptr, Idx>& s, const float* x, float* y) {
  for (int r = 0; r < s.rows; ++r) {
    float acc = 0.0f;
    const int end = static_cast<int>(s.row_ptr[r + 1]);
    for (int e = static_cast<int>(s.row_ptr[r]); e < end; ++e) acc = acc + s.val[e] * x[s.col[e]];
    y[r] = acc;
  }
}

}  // namespace minn
