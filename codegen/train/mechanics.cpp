#include "train/mechanics.hpp"

#include <algorithm>
#include <cstring>
#include <map>
#include <string>

#include "common/error.hpp"

namespace minn::train {
namespace {

SparseRowMatrix to_eigen(const CsrMatrix& csr) {
  if (csr.rows < 0 || csr.cols < 0 || csr.row_ptr.size() != static_cast<std::size_t>(csr.rows) + 1 ||
      csr.row_ptr.front() != 0 || csr.col_index.size() != csr.values.size() ||
      csr.row_ptr.back() != static_cast<int>(csr.values.size()))
    throw Error("stoichiometric matrix: malformed CSR (" + std::to_string(csr.rows) + " x " +
                std::to_string(csr.cols) + ", row_ptr " + std::to_string(csr.row_ptr.size()) +
                " entries, " + std::to_string(csr.values.size()) + " values)");
  std::vector<Eigen::Triplet<double>> triplets;
  triplets.reserve(csr.values.size());
  for (int r = 0; r < csr.rows; ++r) {
    if (csr.row_ptr[r + 1] < csr.row_ptr[r])
      throw Error("stoichiometric matrix: row_ptr decreases at row " + std::to_string(r));
    for (int k = csr.row_ptr[r]; k < csr.row_ptr[r + 1]; ++k) {
      const int c = csr.col_index[k];
      if (c < 0 || c >= csr.cols)
        throw Error("stoichiometric matrix: column index " + std::to_string(c) + " out of range at row " +
                    std::to_string(r) + " (expected 0.." + std::to_string(csr.cols - 1) + ")");
      triplets.emplace_back(r, c, csr.values[k]);
    }
  }
  SparseRowMatrix S(csr.rows, csr.cols);
  S.setFromTriplets(triplets.begin(), triplets.end());
  S.makeCompressed();
  return S;
}

void check_rows(const std::vector<int>& rows, int n, const char* what) {
  for (std::size_t i = 0; i < rows.size(); ++i)
    if (rows[i] < 0 || rows[i] >= n)
      throw Error(std::string(what) + " row " + std::to_string(i) + ": reaction index " +
                  std::to_string(rows[i]) + " out of range (expected 0.." + std::to_string(n - 1) + ")");
}

}  // namespace

Mechanics::Mechanics(const CsrMatrix& S, std::vector<int> pin_reactions, std::vector<int> pref_reactions)
    : S_(to_eigen(S)), pin_(std::move(pin_reactions)), pref_(std::move(pref_reactions)) {
  if (S_.rows() == 0 || S_.cols() == 0) throw Error("stoichiometric matrix is empty");
  St_ = S_.transpose();
  St_.makeCompressed();
  Sf_ = S_.cast<float>();
  Sf_.makeCompressed();
  Stf_ = St_.cast<float>();
  Stf_.makeCompressed();
  check_rows(pin_, n(), "Pin");
  check_rows(pref_, n(), "Pref");
}

Mechanics Mechanics::from_gem(const Gem& split_gem, const std::vector<std::string>& pin_ids,
                              const std::vector<std::string>& pref_ids) {
  auto indices = [&](const std::vector<std::string>& ids, const char* what) {
    std::vector<int> out;
    for (const auto& id : ids) {
      const int index = split_gem.reaction_index(id);
      if (index < 0)
        throw Error(std::string(what) + " reaction '" + id + "' is not in GEM '" + split_gem.id +
                    "' (expected an id of the split GEM, e.g. R_EX_co2_e_fwd)");
      out.push_back(index);
    }
    return out;
  };
  return Mechanics(split_gem.stoichiometry(), indices(pin_ids, "Pin"), indices(pref_ids, "Pref"));
}

double Mechanics::pin_norm_squared() const {
  std::map<int, int> count;
  int most = 0;
  for (int r : pin_) most = std::max(most, ++count[r]);
  return most;
}

namespace {

// out = S^T (S X) for a column-major X with a few columns (the batch), S in CSR form next to its
// transpose. Plain loops: with ~5 columns and ~4 entries per row, Eigen's generic sparse x dense
// product spent most of its time in per-row overhead and zero-filling. The batch is processed in
// chunks of 8 samples, copied once into an interleaved layout (8 values per row of X,
// zero-padded), so each nonzero costs one contiguous 8-wide load and one vector multiply-add
// instead of 5..8 scattered scalar ones; S X stays interleaved for the product with S^T. Each
// output entry is still 0 + a_1 x_1 + a_2 x_2 + ... in the order of the matrix row, so the bits
// do not depend on the chunking or the vector width.
//
// 8 values of T as one GCC vector (element-wise IEEE operations, whatever registers the clone
// uses): the compiler's own vectorisation of this loop shuffled scalar products into vectors.
template <class T>
struct Lanes8;
template <>
struct Lanes8<double> {
  typedef double type __attribute__((vector_size(64)));
};
template <>
struct Lanes8<float> {
  typedef float type __attribute__((vector_size(32)));
};
constexpr int kLanes = 8;

// lanes[8 i + b] = x[b n + i] for b < count, 0 for count <= b < 8.
template <class T>
__attribute__((always_inline)) inline void interleave(const T* x, Eigen::Index n, int count, T* lanes) {
  for (Eigen::Index i = 0; i < n; ++i) {
    T* li = lanes + i * kLanes;
    for (int b = 0; b < kLanes; ++b) li[b] = b < count ? x[b * n + i] : T(0);
  }
}

// Rows of A times the interleaved input. kInterleavedOut: out[8 r + b] (all 8 lanes); otherwise
// column-major out[b * rows + r] for b < count.
template <bool kInterleavedOut, class T>
__attribute__((always_inline)) inline void csr_rows(const Eigen::SparseMatrix<T, Eigen::RowMajor, int>& A,
                                                    const T* lanes, int count, T* out) {
  using V = typename Lanes8<T>::type;
  const Eigen::Index rows = A.rows();
  const int* ptr = A.outerIndexPtr();
  const int* idx = A.innerIndexPtr();
  const T* val = A.valuePtr();
  auto add_term = [&](V& acc, int k) {  // by reference: a vector return would change the ABI per clone
    V xk;
    std::memcpy(&xk, lanes + static_cast<Eigen::Index>(idx[k]) * kLanes, sizeof xk);
    acc += val[k] * xk;
  };
  auto store = [&](Eigen::Index r, const V& acc) {
    if constexpr (kInterleavedOut) {
      std::memcpy(out + r * kLanes, &acc, sizeof acc);
    } else {
      T sums[kLanes];
      std::memcpy(sums, &acc, sizeof sums);
      for (int b = 0; b < count; ++b) out[b * rows + r] = sums[b];
    }
  };
  // Two rows at a time: their sums are independent chains the CPU can overlap (one row alone is
  // bound by the addition latency). Each row still adds its terms in its own order.
  Eigen::Index r = 0;
  for (; r + 1 < rows; r += 2) {
    V acc0 = {}, acc1 = {};
    const int begin0 = ptr[r], begin1 = ptr[r + 1], len0 = ptr[r + 1] - begin0, len1 = ptr[r + 2] - begin1;
    const int common = std::min(len0, len1);
    for (int k = 0; k < common; ++k) {
      add_term(acc0, begin0 + k);
      add_term(acc1, begin1 + k);
    }
    for (int k = common; k < len0; ++k) add_term(acc0, begin0 + k);
    for (int k = common; k < len1; ++k) add_term(acc1, begin1 + k);
    store(r, acc0);
    store(r + 1, acc1);
  }
  for (; r < rows; ++r) {
    V acc = {};
    for (int k = ptr[r]; k < ptr[r + 1]; ++k) add_term(acc, k);
    store(r, acc);
  }
}

template <class T>
__attribute__((always_inline)) inline void sts_times_body(const Eigen::SparseMatrix<T, Eigen::RowMajor, int>& S,
                                                          const Eigen::SparseMatrix<T, Eigen::RowMajor, int>& St,
                                                          const Eigen::Matrix<T, -1, -1>& X,
                                                          Eigen::Matrix<T, -1, -1>& out, T* lanes_x, T* lanes_sx) {
  const Eigen::Index n = X.rows();
  out.resize(n, X.cols());
  for (Eigen::Index b = 0; b < X.cols(); b += kLanes) {
    const int count = static_cast<int>(std::min<Eigen::Index>(kLanes, X.cols() - b));
    interleave(X.data() + b * n, n, count, lanes_x);
    csr_rows<true>(S, lanes_x, count, lanes_sx);
    csr_rows<false>(St, lanes_sx, count, out.data() + b * n);
  }
}

// target_clones does not apply to templates: one plain function per scalar type.
__attribute__((target_clones("avx512f", "avx2", "default")))
void sts_times_clone(const SparseRowMatrix& S, const SparseRowMatrix& St, const Eigen::MatrixXd& X,
                     Eigen::MatrixXd& out, double* lanes_x, double* lanes_sx) {
  sts_times_body(S, St, X, out, lanes_x, lanes_sx);
}
__attribute__((target_clones("avx512f", "avx2", "default")))
void sts_times_clone(const SparseRowMatrixF& S, const SparseRowMatrixF& St, const Eigen::MatrixXf& X,
                     Eigen::MatrixXf& out, float* lanes_x, float* lanes_sx) {
  sts_times_body(S, St, X, out, lanes_x, lanes_sx);
}

// The interleaving scratch is per thread: Mechanics is shared read-only by parallel trainings.
template <class T>
void sts_times(const Eigen::SparseMatrix<T, Eigen::RowMajor, int>& S,
               const Eigen::SparseMatrix<T, Eigen::RowMajor, int>& St, const Eigen::Matrix<T, -1, -1>& X,
               Eigen::Matrix<T, -1, -1>& out) {
  thread_local std::vector<T> lanes_x, lanes_sx;
  const std::size_t need_x = static_cast<std::size_t>(X.rows()) * kLanes;
  const std::size_t need_sx = static_cast<std::size_t>(S.rows()) * kLanes;
  if (lanes_x.size() < need_x) lanes_x.resize(need_x);
  if (lanes_sx.size() < need_sx) lanes_sx.resize(need_sx);
  sts_times_clone(S, St, X, out, lanes_x.data(), lanes_sx.data());
}

// The element-wise parts of g(V) and H(V) X, as cloned vector loops (a branch per element on the
// sign of V mispredicted often and kept them scalar). Same operations as written, element by element.
template <class T>
__attribute__((always_inline)) inline void gradient_elementwise_body(T* __restrict g, const T* __restrict v,
                                                                     Eigen::Index size, T steady, T neg) {
  for (Eigen::Index i = 0; i < size; ++i) g[i] = steady * g[i] - neg * std::max(-v[i], T(0));
}
template <class T>
__attribute__((always_inline)) inline void hessian_elementwise_body(T* __restrict o, const T* __restrict v,
                                                                    const T* __restrict x, Eigen::Index size,
                                                                    T steady, T neg) {
  for (Eigen::Index i = 0; i < size; ++i) {
    const T negative_part = v[i] < T(0) ? neg * x[i] : T(0);
    o[i] = steady * o[i] + negative_part;
  }
}
#define MINN_MECH_CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
MINN_MECH_CLONES void gradient_elementwise(double* g, const double* v, Eigen::Index size, double steady, double neg) {
  gradient_elementwise_body(g, v, size, steady, neg);
}
MINN_MECH_CLONES void gradient_elementwise(float* g, const float* v, Eigen::Index size, float steady, float neg) {
  gradient_elementwise_body(g, v, size, steady, neg);
}
MINN_MECH_CLONES void hessian_elementwise(double* o, const double* v, const double* x, Eigen::Index size,
                                          double steady, double neg) {
  hessian_elementwise_body(o, v, x, size, steady, neg);
}
MINN_MECH_CLONES void hessian_elementwise(float* o, const float* v, const float* x, Eigen::Index size, float steady,
                                          float neg) {
  hessian_elementwise_body(o, v, x, size, steady, neg);
}

}  // namespace

template <>
const SparseRowMatrix& Mechanics::S_as<double>() const { return S_; }
template <>
const SparseRowMatrixF& Mechanics::S_as<float>() const { return Sf_; }
template <>
const SparseRowMatrix& Mechanics::St_as<double>() const { return St_; }
template <>
const SparseRowMatrixF& Mechanics::St_as<float>() const { return Stf_; }

template <class T>
void Mechanics::gradient_impl(const MatrixT<T>& V, const MatrixT<T>& Vin, MatrixT<T>& SV, MatrixT<T>& G) const {
  static_cast<void>(SV);  // S V stays in sts_times' interleaved scratch
  sts_times(S_as<T>(), St_as<T>(), V, G);
  const T steady = static_cast<T>(2.0 / m()), neg = static_cast<T>(2.0 / n());
  gradient_elementwise(G.data(), V.data(), G.size(), steady, neg);
  if (!pin_.empty()) {
    const T in = static_cast<T>(2.0 / n_in());
    for (Eigen::Index b = 0; b < V.cols(); ++b)
      for (int i = 0; i < n_in(); ++i) {
        const T excess = V(pin_[i], b) - Vin(i, b);
        if (excess > 0) G(pin_[i], b) += in * excess;
      }
  }
}

template <class T>
void Mechanics::hessian_times_impl(const MatrixT<T>& V, const MatrixT<T>& Vin, const MatrixT<T>& X, MatrixT<T>& SX,
                                   MatrixT<T>& out) const {
  static_cast<void>(SX);
  sts_times(S_as<T>(), St_as<T>(), X, out);
  const T steady = static_cast<T>(2.0 / m()), neg = static_cast<T>(2.0 / n());
  hessian_elementwise(out.data(), V.data(), X.data(), out.size(), steady, neg);
  if (!pin_.empty()) {
    const T in = static_cast<T>(2.0 / n_in());
    for (Eigen::Index b = 0; b < V.cols(); ++b)
      for (int i = 0; i < n_in(); ++i)
        if (V(pin_[i], b) - Vin(i, b) > 0) out(pin_[i], b) += in * X(pin_[i], b);
  }
}

template <class T>
Eigen::Matrix<double, 3, Eigen::Dynamic> Mechanics::losses_impl(const MatrixT<T>& V, const MatrixT<T>& Vin) const {
  Eigen::Matrix<T, 3, Eigen::Dynamic> out(3, V.cols());
  const MatrixT<T> SV = S_as<T>() * V;
  out.row(0) = SV.colwise().squaredNorm() / static_cast<T>(m());
  out.row(2) = (-V.array()).max(T(0)).matrix().colwise().squaredNorm() / static_cast<T>(n());
  for (Eigen::Index b = 0; b < V.cols(); ++b) {
    T sum = 0;
    for (int i = 0; i < n_in(); ++i) {
      const T excess = std::max(V(pin_[i], b) - Vin(i, b), T(0));
      sum += excess * excess;
    }
    out(1, b) = pin_.empty() ? T(0) : sum / static_cast<T>(n_in());
  }
  return out.template cast<double>();
}

void Mechanics::gradient(const Eigen::MatrixXd& V, const Eigen::MatrixXd& Vin, Eigen::MatrixXd& SV,
                         Eigen::MatrixXd& G) const {
  gradient_impl(V, Vin, SV, G);
}
void Mechanics::gradient(const Eigen::MatrixXf& V, const Eigen::MatrixXf& Vin, Eigen::MatrixXf& SV,
                         Eigen::MatrixXf& G) const {
  gradient_impl(V, Vin, SV, G);
}
void Mechanics::hessian_times(const Eigen::MatrixXd& V, const Eigen::MatrixXd& Vin, const Eigen::MatrixXd& X,
                              Eigen::MatrixXd& SX, Eigen::MatrixXd& out) const {
  hessian_times_impl(V, Vin, X, SX, out);
}
void Mechanics::hessian_times(const Eigen::MatrixXf& V, const Eigen::MatrixXf& Vin, const Eigen::MatrixXf& X,
                              Eigen::MatrixXf& SX, Eigen::MatrixXf& out) const {
  hessian_times_impl(V, Vin, X, SX, out);
}
Eigen::Matrix<double, 3, Eigen::Dynamic> Mechanics::losses(const Eigen::MatrixXd& V, const Eigen::MatrixXd& Vin) const {
  return losses_impl(V, Vin);
}
Eigen::Matrix<double, 3, Eigen::Dynamic> Mechanics::losses(const Eigen::MatrixXf& V, const Eigen::MatrixXf& Vin) const {
  return losses_impl(V, Vin);
}

Eigen::MatrixXd Mechanics::measured(const Eigen::MatrixXd& V) const {
  Eigen::MatrixXd out(n_ref(), V.cols());
  for (int i = 0; i < n_ref(); ++i) out.row(i) = V.row(pref_[i]);
  return out;
}

}  // namespace minn::train
