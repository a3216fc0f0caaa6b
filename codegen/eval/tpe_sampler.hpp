// A Tree-structured Parzen Estimator over the paper's grid, with the semantics of Optuna's default
// TPESampler (univariate, the sampler of the paper's src/utils/hpo.py), written from its
// description:
//  - the first `startup_trials` (10) points are random: here the first points of sample_points(),
//    i.e. distinct grid points (Optuna's RandomSampler may repeat one; distinct points lose nothing);
//  - then, for trial n (n completed trials, in trial order), the trials are ranked by objective
//    (ascending; +inf = diverged ranks last; ties keep the earlier trial first) and split into the
//    gamma(n) = min(ceil(0.1 n), 25) best ("below") and the rest ("above");
//  - each parameter is sampled on its own (univariate): a Parzen estimator l(x) is fitted to the
//    below values and g(x) to the above values, `ei_candidates` (24) candidates are drawn from l,
//    and the candidate maximising log l(x) - log g(x) wins (the first one on a tie);
//  - a categorical estimator mixes one kernel per observation, which puts prior_weight / (n + 1)
//    on every choice plus 1 on the observed one (then normalised), and a uniform prior kernel;
//    the mixture weights are Optuna's default_weights (1 each below 25 observations, older ones
//    ramped down beyond) plus prior_weight, normalised;
//  - the float data weight of the scheduler variants uses truncated-Gaussian kernels on
//    [low, high]: one per observation centred on it, its width the larger gap to its sorted
//    neighbours (the prior's centre and the interval ends included; the outermost kernels take
//    their inner gap), clipped to [(high - low) / min(100, n + 2), high - low], plus a prior
//    kernel N((low + high) / 2, high - low).
// Every random number comes from train::Rng seeded by (seed, trial), so a seed gives the same
// trials on every platform and the proposal of trial n depends only on trials 0..n-1.
#pragma once
#include <cstdint>
#include <vector>

#include "eval/hyper_space.hpp"
#include "train/rng.hpp"

namespace minn::eval {

struct TpeSettings {
  int startup_trials = 10;
  int ei_candidates = 24;
  double prior_weight = 1.0;
};

// Optuna's default_gamma: how many of n ranked trials form the "below" group.
int tpe_gamma(int n);
// Optuna's default_weights: the mixture weight of each of n observations in trial order.
std::vector<double> tpe_weights(int n);
// Indices of the gamma(n) best trials and of the others, each in trial order.
void tpe_split(const std::vector<double>& values, std::vector<int>& below, std::vector<int>& above);

// The categorical Parzen estimator of observed choice indices: the probability of every choice.
std::vector<double> categorical_parzen(const std::vector<int>& observed, int choices, double prior_weight);

// The truncated-Gaussian Parzen estimator of observations in [low, high].
class TruncatedParzen {
 public:
  TruncatedParzen(const std::vector<double>& observed, double low, double high, double prior_weight);
  double sample(train::Rng& rng) const;
  double log_pdf(double x) const;
  const std::vector<double>& mus() const { return mus_; }
  const std::vector<double>& sigmas() const { return sigmas_; }
  const std::vector<double>& weights() const { return weights_; }

 private:
  double low_, high_;
  std::vector<double> mus_, sigmas_, weights_, masses_;  // masses_: Phi(b) - Phi(a) of each kernel
};

class TpeSampler {
 public:
  TpeSampler(HyperSpace space, std::uint64_t seed, TpeSettings settings = {});

  // The point of trial `points.size()`, given every earlier trial's point and objective value
  // (non-finite values count as +inf).
  HyperPoint propose(const std::vector<HyperPoint>& points, const std::vector<double>& values) const;

  // The random startup points (the first min(startup_trials, trials) trials).
  std::vector<HyperPoint> startup_points(int trials) const;

  const TpeSettings& settings() const { return settings_; }

 private:
  HyperSpace space_;
  std::uint64_t seed_;
  TpeSettings settings_;
};

}  // namespace minn::eval
