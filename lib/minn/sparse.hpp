// Compressed-sparse-row products with S (metabolites x reactions), fixed summation order:
//   spmv:   y[r] = sum over the entries of row r, in stored order, starting from 0
//   spmv_t: y = 0, then rows r = 0..rows-1 in order scatter val * w[r] into y[col]
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

template <typename Ptr, typename Idx>
inline void spmv_t(const CsrView<Ptr, Idx>& s, const float* w, float* y) {
  for (int c = 0; c < s.cols; ++c) y[c] = 0.0f;
  for (int r = 0; r < s.rows; ++r) {
    const float wr = w[r];
    const int end = static_cast<int>(s.row_ptr[r + 1]);
    for (int e = static_cast<int>(s.row_ptr[r]); e < end; ++e) {
      y[s.col[e]] = y[s.col[e]] + s.val[e] * wr;
    }
  }
}

}  // namespace minn
