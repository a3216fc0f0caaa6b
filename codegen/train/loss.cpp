#include "train/loss.hpp"

#include <cmath>

#include "common/error.hpp"

namespace minn::train {

Variant parse_variant(const std::string& name) {
  if (name == "c-balanced") return Variant::CBalanced;
  if (name == "unbalanced") return Variant::Unbalanced;
  if (name == "mse") return Variant::Mse;
  if (name == "divided") return Variant::Divided;
  throw Error("unknown variant '" + name + "' (expected c-balanced, unbalanced, mse or divided)");
}

std::string variant_name(Variant v) {
  switch (v) {
    case Variant::CBalanced: return "c-balanced";
    case Variant::Unbalanced: return "unbalanced";
    case Variant::Mse: return "mse";
    case Variant::Divided: return "divided";
  }
  return "?";
}

double default_c(Variant v) { return v == Variant::CBalanced ? 20.0 : 1.0; }
bool variant_uses_c(Variant v) { return v == Variant::CBalanced || v == Variant::Mse; }

namespace {

template <class T>
using MatrixT = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

template <class T>
BatchLoss batch_loss_impl(const Mechanics& mech, Variant variant, double c, const MatrixT<T>& V,
                          const MatrixT<T>& targets, const MatrixT<T>& Vin, MatrixT<T>* grad, MatrixT<T>& SV) {
  BatchLoss out;
  const bool with_mech = variant != Variant::Divided;
  const T weight = static_cast<T>(variant == Variant::Divided ? 1.0 : (variant == Variant::Unbalanced ? 1.0 : c));
  const auto mech_terms = mech.losses(V, Vin);
  out.mech = mech_terms.sum();
  if (grad) {
    if (with_mech) {
      mech.gradient(V, Vin, SV, *grad);  // dL_mech/dV is exactly the refinement gradient g(V)
    } else {
      grad->setZero(V.rows(), V.cols());
    }
  }
  const auto& pref = mech.pref();
  const int n_ref = mech.n_ref();
  Eigen::Matrix<T, Eigen::Dynamic, 1> e(n_ref);
  for (Eigen::Index b = 0; b < V.cols(); ++b) {
    for (int i = 0; i < n_ref; ++i) e(i) = targets(i, b) - V(pref[static_cast<std::size_t>(i)], b);
    const T t_norm = targets.col(b).norm();
    const T e_norm = e.norm();
    const T ne = t_norm > 0 ? e_norm / t_norm : T(0);
    out.ne += ne;
    if (variant == Variant::Mse) {
      const T mse = e.squaredNorm() / static_cast<T>(n_ref);
      out.data += mse;
      if (grad)
        for (int i = 0; i < n_ref; ++i)
          (*grad)(pref[static_cast<std::size_t>(i)], b) -= weight * T(2) * e(i) / static_cast<T>(n_ref);
    } else {
      out.data += ne;
      if (grad && t_norm > 0 && e_norm > 0) {
        const T scale = weight / (e_norm * t_norm);
        for (int i = 0; i < n_ref; ++i) (*grad)(pref[static_cast<std::size_t>(i)], b) -= scale * e(i);
      }
    }
  }
  out.total = static_cast<double>(weight) * out.data + (with_mech ? out.mech : 0.0);
  return out;
}

}  // namespace

BatchLoss batch_loss(const Mechanics& mech, Variant variant, double c, const Eigen::MatrixXd& V,
                     const Eigen::MatrixXd& targets, const Eigen::MatrixXd& Vin, Eigen::MatrixXd* grad,
                     Eigen::MatrixXd& SV) {
  return batch_loss_impl(mech, variant, c, V, targets, Vin, grad, SV);
}

BatchLoss batch_loss(const Mechanics& mech, Variant variant, double c, const Eigen::MatrixXf& V,
                     const Eigen::MatrixXf& targets, const Eigen::MatrixXf& Vin, Eigen::MatrixXf* grad,
                     Eigen::MatrixXf& SV) {
  return batch_loss_impl(mech, variant, c, V, targets, Vin, grad, SV);
}

}  // namespace minn::train
