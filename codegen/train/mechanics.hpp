// The mechanistic part of a MINN on a split GEM: S (metabolites x reactions), the Pin rows
// (medium/bound constraints) and the Pref rows (measured fluxes). Batched: V is n x B, one
// column per sample. These are the terms of the paper's loss and of its refinement gradient:
//   L_mech(V) = ||S V||^2/m + ||relu(Pin V - Vin)||^2/n_in + ||relu(-V)||^2/n
//   g(V)      = dL_mech/dV = (2/m) S^T S V + (2/n_in) Pin^T relu(Pin V - Vin) - (2/n) relu(-V)
// The batched products exist in double and in float (the trainer's two precisions); the float
// ones use S rounded to float (stoichiometric coefficients are small integers or short decimals).
#pragma once
#include <Eigen/Core>
#include <Eigen/SparseCore>
#include <string>
#include <vector>

#include "gem/gem.hpp"

namespace minn::train {

using SparseRowMatrix = Eigen::SparseMatrix<double, Eigen::RowMajor, int>;
using SparseRowMatrixF = Eigen::SparseMatrix<float, Eigen::RowMajor, int>;

class Mechanics {
  template <class T>
  using MatrixT = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

 public:
  // Pin and Pref rows each select one reaction (a 0/1 row), given as reaction indices.
  // Throws minn::Error on out-of-range indices or a malformed CSR matrix.
  Mechanics(const CsrMatrix& S, std::vector<int> pin_reactions, std::vector<int> pref_reactions);
  // From a split GEM and reaction ids; an id absent from the GEM is a minn::Error naming it.
  static Mechanics from_gem(const Gem& split_gem, const std::vector<std::string>& pin_ids,
                            const std::vector<std::string>& pref_ids);

  int m() const { return static_cast<int>(S_.rows()); }
  int n() const { return static_cast<int>(S_.cols()); }
  int n_in() const { return static_cast<int>(pin_.size()); }
  int n_ref() const { return static_cast<int>(pref_.size()); }
  const SparseRowMatrix& S() const { return S_; }
  const std::vector<int>& pin() const { return pin_; }
  const std::vector<int>& pref() const { return pref_; }
  // ||Pin||_2^2 = the largest number of Pin rows selecting the same reaction.
  double pin_norm_squared() const;

  // G = g(V) for every column. SV (and SX below) are not written: S V stays in a per-thread
  // interleaved scratch (the parameter remains for existing callers).
  void gradient(const Eigen::MatrixXd& V, const Eigen::MatrixXd& Vin, Eigen::MatrixXd& SV,
                Eigen::MatrixXd& G) const;
  void gradient(const Eigen::MatrixXf& V, const Eigen::MatrixXf& Vin, Eigen::MatrixXf& SV, Eigen::MatrixXf& G) const;
  // out = H(V) X, the (generalised) Hessian of L_mech at V applied to X; symmetric.
  void hessian_times(const Eigen::MatrixXd& V, const Eigen::MatrixXd& Vin, const Eigen::MatrixXd& X,
                     Eigen::MatrixXd& SX, Eigen::MatrixXd& out) const;
  void hessian_times(const Eigen::MatrixXf& V, const Eigen::MatrixXf& Vin, const Eigen::MatrixXf& X,
                     Eigen::MatrixXf& SX, Eigen::MatrixXf& out) const;
  // Per sample: rows = {||SV||^2/m, ||relu(Pin V - Vin)||^2/n_in, ||relu(-V)||^2/n} (float
  // inputs: computed in float, returned widened).
  Eigen::Matrix<double, 3, Eigen::Dynamic> losses(const Eigen::MatrixXd& V, const Eigen::MatrixXd& Vin) const;
  Eigen::Matrix<double, 3, Eigen::Dynamic> losses(const Eigen::MatrixXf& V, const Eigen::MatrixXf& Vin) const;

  // Pref V (n_ref x B).
  Eigen::MatrixXd measured(const Eigen::MatrixXd& V) const;

 private:
  SparseRowMatrix S_;
  SparseRowMatrix St_;  // S^T, kept row-major as well so both products stream rows
  SparseRowMatrixF Sf_, Stf_;  // the same in float

  template <class T>
  const Eigen::SparseMatrix<T, Eigen::RowMajor, int>& S_as() const;
  template <class T>
  const Eigen::SparseMatrix<T, Eigen::RowMajor, int>& St_as() const;
  template <class T>
  void gradient_impl(const MatrixT<T>& V, const MatrixT<T>& Vin, MatrixT<T>& SV, MatrixT<T>& G) const;
  template <class T>
  void hessian_times_impl(const MatrixT<T>& V, const MatrixT<T>& Vin, const MatrixT<T>& X, MatrixT<T>& SX,
                          MatrixT<T>& out) const;
  template <class T>
  Eigen::Matrix<double, 3, Eigen::Dynamic> losses_impl(const MatrixT<T>& V, const MatrixT<T>& Vin) const;
  std::vector<int> pin_;
  std::vector<int> pref_;
};

}  // namespace minn::train
