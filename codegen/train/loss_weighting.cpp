#include "train/loss_weighting.hpp"

#include <algorithm>
#include <cmath>
#include <memory>

namespace minn::train {

LossWeightingFactory bound_weighting(double c, double threshold, double penalty) {
  return [=] {
    return LossWeighting([=](int, double, double mech) { return LossWeights{c, mech > threshold ? penalty : 1.0}; });
  };
}

LossWeightingFactory balancing_weighting(double decay) {
  return [=] {
    // Fresh state per training; shared_ptr keeps the std::function copyable.
    auto ema = std::make_shared<std::pair<double, double>>(-1.0, -1.0);
    return LossWeighting([=](int, double data, double mech) {
      if (ema->first < 0) {
        *ema = {data, mech};
      } else {
        ema->first = decay * ema->first + (1 - decay) * data;
        ema->second = decay * ema->second + (1 - decay) * mech;
      }
      // A term that is exactly 0 so far has nothing to balance; 1e-12 keeps the weight finite.
      return LossWeights{1.0 / std::max(ema->first, 1e-12), 1.0 / std::max(ema->second, 1e-12)};
    });
  };
}

std::pair<int, int> scheduler_phases(int epochs) {
  const int mechanistic = static_cast<int>(std::lround(epochs * 30.0 / 150.0));
  const int transition = static_cast<int>(std::lround(epochs * 40.0 / 150.0));
  return {mechanistic, transition};
}

LossWeightingFactory scheduler_weighting(int epochs, double final_data_weight, double bound_threshold,
                                         double penalty) {
  // Plain copies: C++17 lambdas cannot capture structured bindings (clang rejects it).
  const auto phases = scheduler_phases(epochs);
  const int mechanistic = phases.first, transition = phases.second;
  return [=] {
    return LossWeighting([=](int epoch, double, double mech) {
      double data_weight = final_data_weight;
      if (epoch <= mechanistic) {
        data_weight = 0.1;
      } else if (epoch <= mechanistic + transition) {
        const double s = static_cast<double>(epoch - mechanistic) / transition;
        data_weight = 0.1 + s * (final_data_weight - 0.1);
      }
      double mech_weight = 1.0 - data_weight;
      if (bound_threshold > 0 && mech > bound_threshold) mech_weight *= penalty;
      return LossWeights{data_weight, mech_weight};
    });
  };
}

namespace {

template <class T>
using MatrixT = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic>;

template <class T>
BatchLoss weighted_batch_loss_impl(const Mechanics& mech, const LossWeighting& weighting, int epoch,
                                   const MatrixT<T>& V, const MatrixT<T>& targets, const MatrixT<T>& Vin,
                                   MatrixT<T>& grad, MatrixT<T>& grad_mech, MatrixT<T>& SV) {
  // `divided` is exactly the NE data term and its gradient, without mechanistic terms.
  BatchLoss loss = batch_loss(mech, Variant::Divided, 1.0, V, targets, Vin, &grad, SV);
  mech.gradient(V, Vin, SV, grad_mech);
  const double count = static_cast<double>(V.cols());
  const LossWeights w = weighting(epoch, loss.data / count, loss.mech / count);
  grad = static_cast<T>(w.data) * grad + static_cast<T>(w.mech) * grad_mech;
  loss.total = w.data * loss.data + w.mech * loss.mech;
  return loss;
}

}  // namespace

BatchLoss weighted_batch_loss(const Mechanics& mech, const LossWeighting& weighting, int epoch,
                              const Eigen::MatrixXd& V, const Eigen::MatrixXd& targets, const Eigen::MatrixXd& Vin,
                              Eigen::MatrixXd& grad, Eigen::MatrixXd& grad_mech, Eigen::MatrixXd& SV) {
  return weighted_batch_loss_impl(mech, weighting, epoch, V, targets, Vin, grad, grad_mech, SV);
}

BatchLoss weighted_batch_loss(const Mechanics& mech, const LossWeighting& weighting, int epoch,
                              const Eigen::MatrixXf& V, const Eigen::MatrixXf& targets, const Eigen::MatrixXf& Vin,
                              Eigen::MatrixXf& grad, Eigen::MatrixXf& grad_mech, Eigen::MatrixXf& SV) {
  return weighted_batch_loss_impl(mech, weighting, epoch, V, targets, Vin, grad, grad_mech, SV);
}

}  // namespace minn::train
