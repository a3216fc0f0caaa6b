// The training losses of the paper's MINN variants, per sample and summed over a batch:
//   c-balanced / unbalanced: c * NE(t, Pref V) + L_mech(V)   (unbalanced: c = 1)
//   mse:                     c * ||t - Pref V||^2 / n_ref + L_mech(V)
//   divided:                 NE(t, Pref V) only (the mechanistic terms act through the refinement)
// NE(t, p) = ||t - p||_2 / ||t||_2, and 0 when ||t|| = 0 (as torch.nan_to_num in the paper's code).
#pragma once
#include <Eigen/Core>
#include <string>

#include "train/mechanics.hpp"

namespace minn::train {

enum class Variant { CBalanced, Unbalanced, Mse, Divided };

Variant parse_variant(const std::string& name);  // throws minn::Error naming the accepted values
std::string variant_name(Variant v);
double default_c(Variant v);                     // 20 for c-balanced, 1 otherwise
bool variant_uses_c(Variant v);                  // c-balanced and mse accept a user c

struct BatchLoss {
  double total = 0;  // what is minimised (summed over the batch)
  double data = 0;   // sum over the batch of the data term (NE, or the MSE term for mse), unweighted
  double mech = 0;   // sum over the batch of L_mech
  double ne = 0;     // sum over the batch of NE (for reporting, every variant)
};

// Loss of the refined fluxes V (n x B) against targets (n_ref x B); when grad is non-null it
// receives dLoss/dV (n x B). SV is scratch. The float overload computes in float (float32
// training) and returns the sums widened to double.
BatchLoss batch_loss(const Mechanics& mech, Variant variant, double c, const Eigen::MatrixXd& V,
                     const Eigen::MatrixXd& targets, const Eigen::MatrixXd& Vin, Eigen::MatrixXd* grad,
                     Eigen::MatrixXd& SV);
BatchLoss batch_loss(const Mechanics& mech, Variant variant, double c, const Eigen::MatrixXf& V,
                     const Eigen::MatrixXf& targets, const Eigen::MatrixXf& Vin, Eigen::MatrixXf* grad,
                     Eigen::MatrixXf& SV);

}  // namespace minn::train
