#include "eval/nested_cv.hpp"

#include <atomic>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>

#include "common/error.hpp"
#include "eval/checkpoint.hpp"
#include "eval/cv_shards.hpp"
#include "eval/folds.hpp"
#include "eval/tpe_sampler.hpp"
#include "eval/work_queue.hpp"
#include "train/metrics.hpp"
#include "train/rng.hpp"

namespace minn::eval {
namespace {

// Path tags of the per-outer-split streams (distinct from the {trial, fold} paths of trainings).
constexpr std::uint64_t kFoldsStream = 1000001, kPointsStream = 1000002, kFinalStream = 1000003;

struct OuterState {
  int experiment = -1;
  std::vector<int> rows;  // training rows of the outer split
  std::vector<HyperPoint> points;  // one per trial; TPE writes each before pushing its folds
  std::vector<Fold> folds;
  std::vector<double> ne;  // [trial * folds + fold]
  std::optional<TpeSampler> tpe;
  std::mutex mutex;                // guards the counters below (folds finish on any thread)
  std::vector<int> folds_left;     // per trial
  std::size_t proposed = 0;        // trials whose fold trainings were pushed
  std::size_t finished = 0;        // trials whose every fold is done
  OuterResult result;
  bool done = false;
};

// The search objective of trial t: the mean over the folds of the mean validation NE.
double trial_value(const OuterState& st, std::size_t t) {
  const std::size_t F = st.folds.size();
  double sum = 0;
  for (std::size_t f = 0; f < F; ++f) sum += st.ne[t * F + f];
  return sum / static_cast<double>(F);
}

Eigen::MatrixXd rows_of(const Eigen::MatrixXd& m, const std::vector<int>& rows) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), m.cols());
  for (std::size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Eigen::Index>(i)) = m.row(rows[i]);
  return out;
}

}  // namespace

Sampler parse_sampler(const std::string& name) {
  if (name == "random") return Sampler::Random;
  if (name == "tpe") return Sampler::Tpe;
  throw Error("--sampler '" + name + "': expected random or tpe");
}

std::string sampler_name(Sampler s) { return s == Sampler::Tpe ? "tpe" : "random"; }

std::uint64_t derive_seed(std::uint64_t seed, std::initializer_list<std::uint64_t> path) {
  train::Rng rng(seed);
  for (std::uint64_t step : path) rng = train::Rng(rng.next() ^ (step * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull));
  return rng.next();
}

std::vector<Fold> inner_folds(const std::vector<int>& rows, int folds, std::uint64_t seed, int experiment) {
  return kfold(rows, folds, derive_seed(seed, {static_cast<std::uint64_t>(experiment), kFoldsStream}));
}

double mean_validation_ne(const Eigen::MatrixXd& targets, const Eigen::MatrixXd& predicted_targets,
                          const std::vector<int>& metric_rows) {
  const Eigen::MatrixXd t = rows_of(targets, metric_rows), p = rows_of(predicted_targets, metric_rows);
  double sum = 0;
  for (Eigen::Index j = 0; j < t.cols(); ++j) sum += train::experiment_metrics(t.col(j), p.col(j)).ne;
  return sum / static_cast<double>(t.cols());
}

CvResult run_nested_cv(const CvProblem& problem, const CvSettings& s, const CvProgress& progress) {
  if (!problem.mech) throw Error("cv: no mechanistic model");
  const train::Mechanics& mech = *problem.mech;
  const int N = problem.data.samples();
  if (N < 3) throw Error("cv: needs at least 3 experiments, got " + std::to_string(N));
  if (problem.metric_rows.empty()) throw Error("cv: no scored target rows");
  if (s.threads < 1) throw Error("--threads must be >= 1, got " + std::to_string(s.threads));
  if (s.folds < 2 || s.folds > N - 1)
    throw Error("--folds must be in [2, " + std::to_string(N - 1) + "], got " + std::to_string(s.folds));
  std::vector<int> outer = s.outer;
  if (outer.empty())
    for (int e = 0; e < N; ++e) outer.push_back(e);
  for (int e : outer)
    if (e < 0 || e >= N) throw Error("cv: held-out experiment " + std::to_string(e) + " out of range");
  train::validate(s.base);

  std::map<int, OuterResult> done;
  std::optional<CheckpointWriter> writer;
  if (!s.merge_checkpoints.empty()) {
    done = merge_shard_checkpoints(s.merge_checkpoints, s.signature, mech.n(), outer, problem.experiments);
  } else if (!s.checkpoint_path.empty()) {
    done = read_checkpoint(s.checkpoint_path, s.signature, mech.n());
    writer.emplace(s.checkpoint_path, s.signature);
  }

  const HyperSpace space = search_space(s.variant);
  const std::vector<int>& search_rows = problem.search_rows.empty() ? problem.metric_rows : problem.search_rows;
  const FitPredict fit_predict = s.fit_predict ? s.fit_predict
                                               : FitPredict([&](const train::TrainingSet& train,
                                                                const train::TrainOptions& o,
                                                                const train::TrainingSet& predict) {
                                                   const train::TrainedMinn model = train::train_minn(mech, train, o, s.step);
                                                   return train::predict_fluxes(mech, model, predict.inputs, predict.vin);
                                                 });
  std::vector<std::unique_ptr<OuterState>> states;
  for (int e : outer) {
    if (done.count(e)) continue;
    auto st = std::make_unique<OuterState>();
    st->experiment = e;
    for (int r = 0; r < N; ++r)
      if (r != e) st->rows.push_back(r);
    const std::uint64_t points_seed = derive_seed(s.seed, {static_cast<std::uint64_t>(e), kPointsStream});
    if (s.sampler == Sampler::Tpe) {
      // Same stream as the random search, so TPE's startup trials are its first points.
      // Like Optuna, TPE may propose a point again (with another training seed), so its budget
      // is not capped at the grid size.
      if (s.trials <= 0) throw Error("--trials must be positive, got " + std::to_string(s.trials));
      st->tpe.emplace(space, points_seed);
      st->points = st->tpe->startup_points(s.trials);
      st->proposed = st->points.size();
      st->points.resize(static_cast<std::size_t>(s.trials));
    } else {
      st->points = sample_points(space, s.trials, points_seed);
      st->proposed = st->points.size();
    }
    st->folds = inner_folds(st->rows, s.folds, s.seed, e);
    st->ne.assign(st->points.size() * st->folds.size(), 0.0);
    st->folds_left.assign(st->points.size(), static_cast<int>(st->folds.size()));
    states.push_back(std::move(st));
  }

  long total = 0;
  for (const auto& st : states) total += static_cast<long>(st->ne.size()) + 1;
  std::atomic<long> trained{0};
  std::atomic<bool> stop{false};
  std::mutex record_mutex;
  int completed_this_run = 0;
  auto tick = [&] {
    const long d = ++trained;
    if (progress) {
      std::lock_guard<std::mutex> lock(record_mutex);
      progress(d, total);
    }
  };
  if (progress) progress(0, total);

  WorkQueue queue;
  std::function<void(OuterState*, std::size_t, bool)> push_trial;  // pushes the fold trainings of a trial
  auto final_task = [&](OuterState* st) {
    if (stop) return;
    const std::size_t T = st->points.size();
    std::size_t best = T;
    double best_ne = std::numeric_limits<double>::infinity();
    st->result.trial_ne.assign(T, 0.0);
    for (std::size_t t = 0; t < T; ++t) {
      st->result.trial_ne[t] = trial_value(*st, t);
      if (st->result.trial_ne[t] < best_ne) {  // strict: ties go to the earlier trial
        best_ne = st->result.trial_ne[t];
        best = t;
      }
    }
    if (best == T)
      throw Error("cv: every trial diverged for held-out experiment '" + problem.experiments[st->experiment] + "'");
    train::TrainOptions o = training_options(s.variant, st->points[best], s.base);
    o.seed = derive_seed(s.seed, {static_cast<std::uint64_t>(st->experiment), kFinalStream});
    const train::TrainingSet held_out = problem.data.subset({st->experiment});
    st->result.experiment = st->experiment;
    st->result.best = st->points[best];
    st->result.validation_ne = best_ne;
    st->result.fluxes = fit_predict(problem.data.subset(st->rows), o, held_out).col(0);
    st->result.measured = mech.measured(st->result.fluxes);
    {
      std::lock_guard<std::mutex> lock(record_mutex);
      if (writer) writer->append(st->result);
      st->done = true;
      ++completed_this_run;
      if (s.stop_after > 0 && completed_this_run >= s.stop_after) stop = true;
    }
    tick();
  };
  auto search_task = [&](OuterState* st, std::size_t t, std::size_t f) {
    if (stop) return;
    const Fold& fold = st->folds[f];
    train::TrainOptions o = training_options(s.variant, st->points[t], s.base);
    o.seed = derive_seed(s.seed, {static_cast<std::uint64_t>(st->experiment), t, f});
    double ne = std::numeric_limits<double>::infinity();  // a diverging trial loses the search
    try {
      const train::TrainingSet val = problem.data.subset(fold.validation);
      const Eigen::MatrixXd V = fit_predict(problem.data.subset(fold.train), o, val);
      ne = mean_validation_ne(val.targets, mech.measured(V), search_rows);
      if (!std::isfinite(ne)) ne = std::numeric_limits<double>::infinity();
    } catch (const Error&) {
    }
    st->ne[t * st->folds.size() + f] = ne;
    tick();
    std::lock_guard<std::mutex> lock(st->mutex);
    if (--st->folds_left[t] > 0) return;
    ++st->finished;
    if (st->finished == st->points.size()) {
      queue.push([&final_task, st] { final_task(st); }, true);
    } else if (st->tpe && st->finished == st->proposed && st->proposed < st->points.size() && !stop) {
      // Sequential like Optuna's study.optimize: trial n sees exactly trials 0..n-1, whatever
      // the thread count or the order in which their folds finished.
      const std::size_t n = st->proposed;
      std::vector<HyperPoint> history(st->points.begin(), st->points.begin() + static_cast<std::ptrdiff_t>(n));
      std::vector<double> values;
      for (std::size_t k = 0; k < n; ++k) values.push_back(trial_value(*st, k));
      st->points[n] = st->tpe->propose(history, values);
      st->proposed = n + 1;
      push_trial(st, n, true);
    }
  };
  push_trial = [&](OuterState* st, std::size_t t, bool urgent) {
    for (std::size_t f = 0; f < st->folds.size(); ++f)
      queue.push([&search_task, st, t, f] { search_task(st, t, f); }, urgent);
  };
  for (const auto& st : states)
    for (std::size_t t = 0; t < st->proposed; ++t) push_trial(st.get(), t, false);
  queue.run(s.threads);

  CvResult result;
  result.resumed = 0;
  std::map<int, const OuterResult*> fresh;
  for (const auto& st : states)
    if (st->done) fresh[st->experiment] = &st->result;
  for (int e : outer) {
    if (done.count(e)) {
      result.outer.push_back(done[e]);
      ++result.resumed;
    } else if (fresh.count(e)) {
      result.outer.push_back(*fresh[e]);
    }
  }
  result.complete = result.outer.size() == outer.size();
  return result;
}

}  // namespace minn::eval
