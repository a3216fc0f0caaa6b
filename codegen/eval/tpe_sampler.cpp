#include "eval/tpe_sampler.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "common/error.hpp"

namespace minn::eval {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kLogSqrt2Pi = 0.91893853320467274178;  // log(sqrt(2 pi))

// Phi(z) through erfc, which keeps relative precision in the lower tail.
double normal_cdf(double z) { return 0.5 * std::erfc(-z / std::sqrt(2.0)); }

// z in [a, b] with Phi(z) = p, by bisection: a fixed number of halvings, no platform-specific
// inverse, and exact to the last bits of the bracket.
double normal_quantile_in(double p, double a, double b) {
  for (int i = 0; i < 200 && a < b; ++i) {
    const double mid = 0.5 * (a + b);
    if (mid <= a || mid >= b) break;
    if (normal_cdf(mid) < p)
      a = mid;
    else
      b = mid;
  }
  return 0.5 * (a + b);
}

double log_sum_exp(const std::vector<double>& terms) {
  double top = -kInf;
  for (double t : terms) top = std::max(top, t);
  if (!std::isfinite(top)) return top;
  double sum = 0;
  for (double t : terms) sum += std::exp(t - top);
  return top + std::log(sum);
}

// Mixture weights: default_weights of the observations plus the prior, normalised.
std::vector<double> mixture_weights(std::size_t observations, double prior_weight) {
  std::vector<double> w = tpe_weights(static_cast<int>(observations));
  w.push_back(observations == 0 ? 1.0 : prior_weight);
  const double sum = std::accumulate(w.begin(), w.end(), 0.0);
  for (double& v : w) v /= sum;
  return w;
}

// Index of the first maximum of log l - log g over the candidates.
template <class Candidate, class LogL, class LogG>
Candidate best_candidate(const std::vector<Candidate>& candidates, LogL log_l, LogG log_g) {
  std::size_t best = 0;
  double best_score = -kInf;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const double score = log_l(candidates[i]) - log_g(candidates[i]);
    if (i == 0 || score > best_score) {
      best_score = score;
      best = i;
    }
  }
  return candidates[best];
}

template <class T>
int choice_index(const std::vector<T>& choices, T value) {
  for (std::size_t i = 0; i < choices.size(); ++i)
    if (choices[i] == value) return static_cast<int>(i);
  throw Error("tpe: an earlier trial's value lies outside the search grid");
}

}  // namespace

int tpe_gamma(int n) { return std::min(static_cast<int>(std::ceil(0.1 * n)), 25); }

std::vector<double> tpe_weights(int n) {
  if (n <= 0) return {};
  if (n < 25) return std::vector<double>(static_cast<std::size_t>(n), 1.0);
  // Older observations fade linearly from 1/n; the latest 25 weigh 1.
  const int ramp = n - 25;
  std::vector<double> w;
  for (int i = 0; i < ramp; ++i)
    w.push_back(ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1));
  w.insert(w.end(), 25, 1.0);
  return w;
}

void tpe_split(const std::vector<double>& values, std::vector<int>& below, std::vector<int>& above) {
  std::vector<int> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  auto key = [&](int i) { return std::isfinite(values[i]) ? values[i] : kInf; };  // NaN ranks with +inf
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return key(a) < key(b); });
  const std::size_t n_below = std::min(values.size(), static_cast<std::size_t>(tpe_gamma(static_cast<int>(values.size()))));
  below.assign(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(n_below));
  above.assign(order.begin() + static_cast<std::ptrdiff_t>(n_below), order.end());
  std::sort(below.begin(), below.end());  // trial order, which the weights refer to
  std::sort(above.begin(), above.end());
}

std::vector<double> categorical_parzen(const std::vector<int>& observed, int choices, double prior_weight) {
  if (choices <= 0) throw Error("tpe: a categorical parameter needs at least one choice");
  const std::vector<double> w = mixture_weights(observed.size(), prior_weight);
  std::vector<double> p(static_cast<std::size_t>(choices), 0.0);
  // The prior kernel (last) is uniform whatever its fill.
  for (double& v : p) v = w.back() / choices;
  const double fill = prior_weight / static_cast<double>(observed.size() + 1);
  const double row_sum = fill * choices + 1.0;
  for (std::size_t i = 0; i < observed.size(); ++i) {
    if (observed[i] < 0 || observed[i] >= choices) throw Error("tpe: observed choice out of range");
    for (int k = 0; k < choices; ++k) p[static_cast<std::size_t>(k)] += w[i] * (fill + (k == observed[i] ? 1.0 : 0.0)) / row_sum;
  }
  return p;
}

TruncatedParzen::TruncatedParzen(const std::vector<double>& observed, double low, double high, double prior_weight)
    : low_(low), high_(high) {
  if (!(low < high)) throw Error("tpe: a float parameter needs low < high");
  const double prior_mu = 0.5 * (low + high), range = high - low;
  const std::size_t n = observed.size();
  // Sort the observations together with the prior's centre; the prior goes after equal observations.
  std::vector<double> with_prior(observed);
  with_prior.push_back(prior_mu);
  std::vector<std::size_t> order(n + 1);
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return with_prior[a] < with_prior[b]; });
  std::vector<double> e;  // low, sorted centres, high
  e.push_back(low);
  for (std::size_t i : order) e.push_back(with_prior[i]);
  e.push_back(high);
  std::vector<double> sorted_sigma(n + 1);
  for (std::size_t k = 0; k <= n; ++k) sorted_sigma[k] = std::max(e[k + 1] - e[k], e[k + 2] - e[k + 1]);
  if (e.size() >= 4) {  // the ends of the interval are not neighbours of the outermost kernels
    sorted_sigma[0] = e[2] - e[1];
    sorted_sigma[n] = e[n + 1] - e[n];
  }
  const double min_sigma = range / std::min(100.0, 1.0 + static_cast<double>(n + 1));
  sigmas_.assign(n, 0.0);
  for (std::size_t k = 0; k <= n; ++k)
    if (order[k] < n) sigmas_[order[k]] = std::clamp(sorted_sigma[k], min_sigma, range);
  mus_ = observed;
  mus_.push_back(prior_mu);
  sigmas_.push_back(range);
  weights_ = mixture_weights(n, prior_weight);
  for (std::size_t k = 0; k < mus_.size(); ++k) {
    const double a = (low_ - mus_[k]) / sigmas_[k], b = (high_ - mus_[k]) / sigmas_[k];
    // Mirror into the lower tail when the interval lies right of the centre.
    masses_.push_back(a > 0 ? normal_cdf(-a) - normal_cdf(-b) : normal_cdf(b) - normal_cdf(a));
  }
}

double TruncatedParzen::sample(train::Rng& rng) const {
  // Component by its weight, then the truncated Gaussian by inverting its CDF.
  double u = rng.uniform();
  std::size_t k = 0;
  for (; k + 1 < weights_.size() && u >= weights_[k]; ++k) u -= weights_[k];
  const double a = (low_ - mus_[k]) / sigmas_[k], b = (high_ - mus_[k]) / sigmas_[k];
  const double v = rng.uniform();
  double z;
  if (a > 0) {
    const double lo = normal_cdf(-b), hi = normal_cdf(-a);
    z = -normal_quantile_in(lo + v * (hi - lo), -b, -a);
  } else {
    const double lo = normal_cdf(a), hi = normal_cdf(b);
    z = normal_quantile_in(lo + v * (hi - lo), a, b);
  }
  return std::clamp(mus_[k] + sigmas_[k] * z, low_, high_);
}

double TruncatedParzen::log_pdf(double x) const {
  std::vector<double> terms;
  for (std::size_t k = 0; k < mus_.size(); ++k) {
    const double z = (x - mus_[k]) / sigmas_[k];
    terms.push_back(std::log(weights_[k]) - 0.5 * z * z - std::log(sigmas_[k]) - kLogSqrt2Pi -
                    std::log(masses_[k]));
  }
  return log_sum_exp(terms);
}

TpeSampler::TpeSampler(HyperSpace space, std::uint64_t seed, TpeSettings settings)
    : space_(std::move(space)), seed_(seed), settings_(settings) {
  if (space_.grid_size() == 0) throw Error("tpe: empty grid");
  if (settings_.startup_trials < 1 || settings_.ei_candidates < 1 || !(settings_.prior_weight > 0))
    throw Error("tpe: startup trials and candidates must be positive, and so must the prior weight");
}

std::vector<HyperPoint> TpeSampler::startup_points(int trials) const {
  // Always drawn for the full startup budget and cut, so a point never depends on `trials`
  // (sample_points draws the data weights after the grid points).
  std::vector<HyperPoint> points = sample_points(space_, settings_.startup_trials, seed_);
  if (trials >= 0 && static_cast<std::size_t>(trials) < points.size()) points.resize(static_cast<std::size_t>(trials));
  return points;
}

HyperPoint TpeSampler::propose(const std::vector<HyperPoint>& points, const std::vector<double>& values) const {
  if (points.size() != values.size()) throw Error("tpe: one objective value per earlier trial expected");
  const int n = static_cast<int>(points.size());
  if (n < settings_.startup_trials) {
    const std::vector<HyperPoint> startup = startup_points(settings_.startup_trials);
    if (static_cast<std::size_t>(n) < startup.size()) return startup[static_cast<std::size_t>(n)];
  }
  std::vector<int> below, above;
  tpe_split(values, below, above);
  // One stream per trial: its proposal depends on nothing but the seed and the history.
  train::Rng rng(seed_ ^ (0xD1B54A32D192ED03ull * (static_cast<std::uint64_t>(n) + 1)));

  auto categorical = [&](const auto& choices, auto get) {
    auto indices = [&](const std::vector<int>& trials) {
      std::vector<int> out;
      for (int t : trials) out.push_back(choice_index(choices, get(points[static_cast<std::size_t>(t)])));
      return out;
    };
    const int m = static_cast<int>(choices.size());
    const std::vector<double> l = categorical_parzen(indices(below), m, settings_.prior_weight);
    const std::vector<double> g = categorical_parzen(indices(above), m, settings_.prior_weight);
    std::vector<int> candidates;
    for (int c = 0; c < settings_.ei_candidates; ++c) {
      double u = rng.uniform();
      int k = 0;
      for (; k + 1 < m && u >= l[static_cast<std::size_t>(k)]; ++k) u -= l[static_cast<std::size_t>(k)];
      candidates.push_back(k);
    }
    const int best = best_candidate(
        candidates, [&](int k) { return std::log(l[static_cast<std::size_t>(k)]); },
        [&](int k) { return std::log(g[static_cast<std::size_t>(k)]); });
    return choices[static_cast<std::size_t>(best)];
  };

  HyperPoint p;
  // The paper's suggestion order: hidden, dropout, lr, weight decay, c (then the data weight).
  p.hidden = categorical(space_.hidden, [](const HyperPoint& q) { return q.hidden; });
  p.dropout = categorical(space_.dropout, [](const HyperPoint& q) { return q.dropout; });
  p.lr = categorical(space_.lr, [](const HyperPoint& q) { return q.lr; });
  p.weight_decay = categorical(space_.weight_decay, [](const HyperPoint& q) { return q.weight_decay; });
  p.c = categorical(space_.c, [](const HyperPoint& q) { return q.c; });
  p.data_weight = 1.0;
  if (space_.search_data_weight) {
    auto observed = [&](const std::vector<int>& trials) {
      std::vector<double> out;
      for (int t : trials) out.push_back(points[static_cast<std::size_t>(t)].data_weight);
      return out;
    };
    const TruncatedParzen l(observed(below), space_.data_weight_min, space_.data_weight_max, settings_.prior_weight);
    const TruncatedParzen g(observed(above), space_.data_weight_min, space_.data_weight_max, settings_.prior_weight);
    std::vector<double> candidates;
    for (int c = 0; c < settings_.ei_candidates; ++c) candidates.push_back(l.sample(rng));
    p.data_weight = best_candidate(
        candidates, [&](double x) { return l.log_pdf(x); }, [&](double x) { return g.log_pdf(x); });
  }
  return p;
}

}  // namespace minn::eval
