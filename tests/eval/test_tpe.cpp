// The TPE sampler (eval/tpe_sampler.hpp): Optuna's rules checked against hand computations,
// determinism, the random startup trials, and search quality against random search on a
// synthetic objective over the paper's real grid.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>

#include "common/error.hpp"
#include "eval/eval_variant.hpp"
#include "eval/tpe_sampler.hpp"

namespace minn::eval {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

template <class T>
int index_of(const std::vector<T>& v, T x) {
  return static_cast<int>(std::find(v.begin(), v.end(), x) - v.begin());
}

// A sum of per-parameter penalties whose unique minimum 0 is at hidden 300, dropout 0.1,
// lr 7e-4, weight decay 0, c 20; each step away on a parameter's list costs that parameter's
// weight (unequal weights, so the parameters are not interchangeable).
double synthetic(const HyperSpace& s, const HyperPoint& p) {
  return 1.0 * std::abs(index_of(s.hidden, p.hidden) - 2) + 2.0 * std::abs(index_of(s.dropout, p.dropout) - 0) +
         1.5 * std::abs(index_of(s.lr, p.lr) - 2) + 0.5 * std::abs(index_of(s.weight_decay, p.weight_decay) - 0) +
         0.7 * std::abs(index_of(s.c, p.c) - 1);
}

// Runs TPE sequentially, as nested_cv does for one outer split.
std::vector<HyperPoint> run_tpe(const HyperSpace& space, std::uint64_t seed, int trials,
                                std::vector<double>* values_out = nullptr) {
  const TpeSampler tpe(space, seed);
  std::vector<HyperPoint> points;
  std::vector<double> values;
  for (int t = 0; t < trials; ++t) {
    points.push_back(tpe.propose(points, values));
    values.push_back(synthetic(space, points.back()));
  }
  if (values_out) *values_out = values;
  return points;
}

TEST(Tpe, GammaAndWeightsAreOptunasDefaults) {
  // default_gamma(n) = min(ceil(0.1 n), 25).
  EXPECT_EQ(tpe_gamma(10), 1);
  EXPECT_EQ(tpe_gamma(11), 2);
  EXPECT_EQ(tpe_gamma(24), 3);
  EXPECT_EQ(tpe_gamma(1000), 25);
  // default_weights: ones below 25; beyond, linspace(1/n, 1, n - 25) then 25 ones.
  EXPECT_EQ(tpe_weights(24), std::vector<double>(24, 1.0));
  const std::vector<double> w27 = tpe_weights(27);
  ASSERT_EQ(w27.size(), 27u);
  EXPECT_DOUBLE_EQ(w27[0], 1.0 / 27);
  EXPECT_DOUBLE_EQ(w27[1], 1.0);
  const std::vector<double> w26 = tpe_weights(26);
  EXPECT_DOUBLE_EQ(w26[0], 1.0 / 26);
}

TEST(Tpe, CategoricalProbabilitiesMatchAHandComputation) {
  // Observed choices {0, 0, 2} of 3, prior weight 1: n + 1 = 4 kernels, each filled with 1/4 on
  // every choice; an observation's kernel adds 1 on its choice (row sum 1.75), the prior's is
  // uniform; mixture weights 1/4 each.
  // p(0) = (2 * 1.25/1.75 + 0.25/1.75 + 1/3) / 4 = 10/21, p(1) = (3 * 0.25/1.75 + 1/3) / 4 = 4/21,
  // p(2) = (2 * 0.25/1.75 + 1.25/1.75 + 1/3) / 4 = 7/21. (python3-optuna 3.1.0's _ParzenEstimator
  // gives 0.47619048, 0.19047619, 0.33333333 for the same input.)
  const std::vector<double> p = categorical_parzen({0, 0, 2}, 3, 1.0);
  ASSERT_EQ(p.size(), 3u);
  EXPECT_NEAR(p[0], 10.0 / 21, 1e-15);
  EXPECT_NEAR(p[1], 4.0 / 21, 1e-15);
  EXPECT_NEAR(p[2], 7.0 / 21, 1e-15);
  // No observation: the prior alone, uniform.
  const std::vector<double> u = categorical_parzen({}, 4, 1.0);
  for (double v : u) EXPECT_DOUBLE_EQ(v, 0.25);
  EXPECT_THROW(categorical_parzen({3}, 3, 1.0), Error);
}

TEST(Tpe, DivergedTrialsRankLast) {
  // 10 trials: gamma = 1, so "below" is the single best finite trial.
  std::vector<double> values = {kInf, 5, 4, std::nan(""), 3, 9, 8, 7, 6, 2.5};
  std::vector<int> below, above;
  tpe_split(values, below, above);
  EXPECT_EQ(below, std::vector<int>{9});
  EXPECT_EQ(above, (std::vector<int>{0, 1, 2, 3, 4, 5, 6, 7, 8}));  // trial order
  // 11 trials (gamma 2) where only one is finite: the finite one, then the earliest diverged one.
  values.assign(11, kInf);
  values[7] = 1;
  tpe_split(values, below, above);
  EXPECT_EQ(below, (std::vector<int>{0, 7}));
}

TEST(Tpe, ProposesTheChoiceWithTheLargestBelowAboveRatio) {
  // 10 finished trials: trial 3 is the best (gamma(10) = 1) with hidden 300, dropout 0.5, lr 7e-4,
  // weight decay 1e-3, c 50; the 9 others use the first choice of every list.
  // For hidden, l = (1/2)[0.5, 0.5, 1.5]/2.5 + (1/2)(1/3) per choice = [0.267, 0.267, 0.467], and g puts
  // (9 (0.1 + 1)/1.3 + 1/3)/10 = 0.795 on 200 and (9 (0.1/1.3) + 1/3)/10 = 0.103 on the others, so
  // l/g is largest (4.5) on 300; each parameter likewise favours the best trial's choice.
  const HyperSpace space = search_space(variant_setup("c-balanced"));
  std::vector<HyperPoint> points(10);
  for (HyperPoint& p : points) {
    p.hidden = 200;
    p.dropout = 0.1;
    p.lr = 2e-4;
    p.weight_decay = 0;
    p.c = 10;
  }
  points[3] = HyperPoint{300, 0.5, 7e-4, 1e-3, 50, 1};
  std::vector<double> values = {5, 6, 7, 1, 8, 9, 10, 11, 12, 13};
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const HyperPoint p = TpeSampler(space, seed).propose(points, values);
    EXPECT_TRUE(p == points[3]) << "seed " << seed << ": " << describe(p);
  }
}

TEST(Tpe, TruncatedParzenWidthsAndDensity) {
  // Observations {0.82, 0.99} on [0.8, 1] with the prior centre 0.9: ends + sorted centres
  // 0.8 | 0.82 0.9 0.99 | 1.0. Outermost kernels take their inner gap (0.08 and 0.09), the
  // clip floor is 0.2 / min(100, 2 + 2) = 0.05, the prior kernel is N(0.9, 0.2).
  const TruncatedParzen e({0.82, 0.99}, 0.8, 1.0, 1.0);
  ASSERT_EQ(e.sigmas().size(), 3u);
  EXPECT_NEAR(e.sigmas()[0], 0.08, 1e-15);
  EXPECT_NEAR(e.sigmas()[1], 0.09, 1e-15);
  EXPECT_NEAR(e.sigmas()[2], 0.2, 1e-15);
  EXPECT_NEAR(e.mus()[2], 0.9, 1e-15);
  // Close neighbours get the floor: {0.9} alone has gaps 0 to the prior centre.
  const TruncatedParzen tight({0.9}, 0.8, 1.0, 1.0);
  EXPECT_NEAR(tight.sigmas()[0], 0.2 / 3, 1e-15);
  // The truncated density integrates to 1 on [low, high] (Simpson, 2000 intervals).
  const int n = 2000;
  double integral = 0, mean = 0;
  for (int i = 0; i <= n; ++i) {
    const double x = 0.8 + 0.2 * i / n, w = (i == 0 || i == n) ? 1 : (i % 2 ? 4 : 2);
    integral += w * std::exp(e.log_pdf(x));
    mean += w * x * std::exp(e.log_pdf(x));
  }
  integral *= 0.2 / n / 3;
  mean *= 0.2 / n / 3;
  EXPECT_NEAR(integral, 1.0, 1e-9);
  // Samples stay in the interval and their mean matches the density's (20000 draws: the
  // standard error is below 0.0005; a fixed seed, so the check is deterministic).
  train::Rng rng(11);
  double sum = 0;
  for (int i = 0; i < 20000; ++i) {
    const double x = e.sample(rng);
    ASSERT_GE(x, 0.8);
    ASSERT_LE(x, 1.0);
    sum += x;
  }
  EXPECT_NEAR(sum / 20000, mean, 0.002);
}

TEST(Tpe, TruncatedParzenMatchesOptuna) {
  // Reference numbers computed once (not at test time) with Debian's python3-optuna 3.1.0: its
  // _ParzenEstimator(obs, {'x': FloatDistribution(0.8, 1.0)}, prior_weight=1, magic clip, no
  // endpoints, default_weights) gave the kernels (mus, sigmas, weights); the log density of their
  // truncated-normal mixture at x = 0.8, 0.85, 0.9, 0.97, 1.0 was then evaluated with Python's
  // math.erf. (Optuna 3.1.0's own log_pdf omits the -log(sigma) of each kernel, a bug later Optuna
  // fixed; without it the density would not integrate to 1.)
  const std::vector<double> xs = {0.8, 0.85, 0.9, 0.97, 1.0};
  const TruncatedParzen two({0.82, 0.99}, 0.8, 1.0, 1.0);
  const std::vector<double> two_ref = {1.522023661912, 1.641170109521, 1.640254396065, 1.580629856260,
                                       1.514047254930};
  const TruncatedParzen five({0.81, 0.83, 0.95, 0.97, 0.99}, 0.8, 1.0, 1.0);
  const std::vector<double> five_ref = {1.711494437389, 1.338373919190, 1.061390125057, 2.087071320304,
                                        1.918535387694};
  // Optuna's widths there: 0.2/7 (floor), 0.07, 0.05, 0.2/7, 0.2/7, prior 0.2.
  const std::vector<double> five_sigmas = {0.2 / 7, 0.07, 0.05, 0.2 / 7, 0.2 / 7, 0.2};
  for (std::size_t k = 0; k < five_sigmas.size(); ++k) EXPECT_NEAR(five.sigmas()[k], five_sigmas[k], 1e-12) << k;
  for (std::size_t i = 0; i < xs.size(); ++i) {
    EXPECT_NEAR(two.log_pdf(xs[i]), two_ref[i], 1e-10) << xs[i];
    EXPECT_NEAR(five.log_pdf(xs[i]), five_ref[i], 1e-10) << xs[i];
  }
}

TEST(Tpe, SameSeedSameTrialsAndStartupTrialsAreTheRandomOnes) {
  const HyperSpace space = search_space(variant_setup("c-balanced"));
  const std::vector<HyperPoint> a = run_tpe(space, 7, 25), b = run_tpe(space, 7, 25), c = run_tpe(space, 8, 25);
  EXPECT_TRUE(a == b);
  EXPECT_FALSE(a == c);
  // The first 10 trials are the random search's first 10 points for that seed.
  const std::vector<HyperPoint> random = sample_points(space, 10, 7);
  EXPECT_TRUE(std::vector<HyperPoint>(a.begin(), a.begin() + 10) == random);
  EXPECT_TRUE(TpeSampler(space, 7).startup_points(25) == random);
  EXPECT_EQ(TpeSampler(space, 7).startup_points(4).size(), 4u);
  // The scheduler's float data weight: startup draws are uniform in [0.8, 1), later TPE ones in [0.8, 1].
  const HyperSpace sched = search_space(variant_setup("scheduler"));
  const std::vector<HyperPoint> s = run_tpe(sched, 3, 15);
  EXPECT_TRUE(std::vector<HyperPoint>(s.begin(), s.begin() + 10) == sample_points(sched, 10, 3));
  for (const HyperPoint& p : s) {
    EXPECT_GE(p.data_weight, 0.8);
    EXPECT_LE(p.data_weight, 1.0);
  }
  EXPECT_TRUE(run_tpe(sched, 3, 15) == s);
}

TEST(Tpe, BeatsRandomSearchOnASyntheticObjectiveOverThePaperGrid) {
  // Both searches share their first 10 points (TPE's startup trials), so any difference comes
  // from TPE's 15 model-guided trials against 15 more random ones. Everything is seeded, so the
  // outcome for seeds 1..20 is fixed: no flakiness. The claim checked is Optuna's: TPE is at
  // least as good in a clear majority (>= 14 of 20) and better on average.
  const HyperSpace space = search_space(variant_setup("c-balanced"));
  int at_least_as_good = 0;
  double tpe_sum = 0, random_sum = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    std::vector<double> values;
    run_tpe(space, seed, 25, &values);
    const double tpe_best = *std::min_element(values.begin(), values.end());
    double random_best = kInf;
    for (const HyperPoint& p : sample_points(space, 25, seed)) random_best = std::min(random_best, synthetic(space, p));
    at_least_as_good += tpe_best <= random_best;
    tpe_sum += tpe_best;
    random_sum += random_best;
  }
  EXPECT_GE(at_least_as_good, 14);
  EXPECT_LT(tpe_sum / 20, random_sum / 20);
  std::printf("mean best after 25 trials over 20 seeds: TPE %.3f, random %.3f; TPE at least as good in %d/20\n",
              tpe_sum / 20, random_sum / 20, at_least_as_good);
}

}  // namespace
}  // namespace minn::eval
