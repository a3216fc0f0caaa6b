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

BatchLoss batch_loss(const Mechanics& mech, Variant variant, double c, const Eigen::MatrixXd& V,
                     const Eigen::MatrixXd& targets, const Eigen::MatrixXd& Vin, Eigen::MatrixXd* grad,
                     Eigen::MatrixXd& SV) {
  BatchLoss out;
  const bool with_mech = variant != Variant::Divided;
  const double weight = variant == Variant::Divided ? 1.0 : (variant == Variant::Unbalanced ? 1.0 : c);
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
  Eigen::VectorXd e(n_ref);
  for (Eigen::Index b = 0; b < V.cols(); ++b) {
    for (int i = 0; i < n_ref; ++i) e(i) = targets(i, b) - V(pref[static_cast<std::size_t>(i)], b);
    const double t_norm = targets.col(b).norm();
    const double e_norm = e.norm();
    const double ne = t_norm > 0 ? e_norm / t_norm : 0.0;
    out.ne += ne;
    if (variant == Variant::Mse) {
      const double mse = e.squaredNorm() / n_ref;
      out.data += mse;
      if (grad)
        for (int i = 0; i < n_ref; ++i) (*grad)(pref[static_cast<std::size_t>(i)], b) -= weight * 2.0 * e(i) / n_ref;
    } else {
      out.data += ne;
      if (grad && t_norm > 0 && e_norm > 0) {
        const double scale = weight / (e_norm * t_norm);
        for (int i = 0; i < n_ref; ++i) (*grad)(pref[static_cast<std::size_t>(i)], b) -= scale * e(i);
      }
    }
  }
  out.total = weight * out.data + (with_mech ? out.mech : 0.0);
  return out;
}

}  // namespace minn::train
