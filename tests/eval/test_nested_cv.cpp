// The nested cross-validation on the real split e_coli_core and Ishii data, with tiny budgets
// (2 held-out experiments, 2 trials, 2 folds, 2 epochs): thread-count independence, checkpoint
// resume, and every variant running end to end.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "common/error.hpp"
#include "eval/cv_job.hpp"

namespace minn::eval {
namespace {

CvJob tiny_job() {
  CvJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  job.variant = "c-balanced";
  job.trials = 2;
  job.folds = 2;
  job.epochs = 2;
  job.seed = 3;
  job.threads = 1;
  job.holdout = {"REF", "pgi"};
  return job;
}

std::string temp_path(const std::string& name) {
  return (std::filesystem::temp_directory_path() / ("minn_cv_test_" + name)).string();
}

void expect_same(const CvResult& a, const CvResult& b) {
  ASSERT_EQ(a.outer.size(), b.outer.size());
  for (std::size_t i = 0; i < a.outer.size(); ++i) {
    EXPECT_EQ(a.outer[i].experiment, b.outer[i].experiment);
    EXPECT_TRUE(a.outer[i].best == b.outer[i].best);
    EXPECT_EQ(a.outer[i].trial_ne, b.outer[i].trial_ne);
    ASSERT_EQ(a.outer[i].fluxes.size(), b.outer[i].fluxes.size());
    EXPECT_TRUE((a.outer[i].fluxes.array() == b.outer[i].fluxes.array()).all()) << "outer split " << i;
  }
}

TEST(NestedCv, OneAndTwoThreadsGiveIdenticalPredictions) {
  CvJob job = tiny_job();
  const CvJobResult one = run_cv_job(job);
  job.threads = 2;
  const CvJobResult two = run_cv_job(job);
  ASSERT_TRUE(one.cv.complete);
  EXPECT_EQ(one.experiments, (std::vector<std::string>{"REF", "pgi"}));
  EXPECT_EQ(one.cv.outer[0].fluxes.size(), one.reactions);
  EXPECT_EQ(one.cv.outer[0].trial_ne.size(), 2u);
  EXPECT_TRUE(std::isfinite(one.scores.flux.mean.ne));
  expect_same(one.cv, two.cv);
  // Another seed is another run.
  job.seed = 4;
  const CvJobResult other = run_cv_job(job);
  EXPECT_FALSE((other.cv.outer[0].fluxes.array() == one.cv.outer[0].fluxes.array()).all());
}

TEST(NestedCv, InterruptedRunResumesToTheSameResult) {
  const std::string checkpoint = temp_path("resume.ckpt");
  std::filesystem::remove(checkpoint);
  CvJob job = tiny_job();
  const CvJobResult uninterrupted = run_cv_job(job);

  job.checkpoint_path = checkpoint;
  job.stop_after = 1;
  // One thread for the interrupted run: with two, the other outer split may finish its final
  // training while the first one is being recorded, so "stop after 1" could record both.
  job.threads = 1;
  const CvJobResult first = run_cv_job(job);
  EXPECT_FALSE(first.cv.complete);
  EXPECT_EQ(first.cv.outer.size(), 1u);

  job.stop_after = 0;
  job.threads = 2;  // resuming with another thread count gives the same result
  const CvJobResult resumed = run_cv_job(job);
  EXPECT_TRUE(resumed.cv.complete);
  EXPECT_EQ(resumed.cv.resumed, 1);
  expect_same(uninterrupted.cv, resumed.cv);
  EXPECT_EQ(resumed.scores.flux.mean.ne, uninterrupted.scores.flux.mean.ne);

  // A record cut short by a kill is ignored (that outer split is simply redone) ...
  { std::ofstream(checkpoint, std::ios::app) << "outer 0 250 0x1p-2"; }
  const CvJobResult after_cut = run_cv_job(job);
  EXPECT_EQ(after_cut.cv.resumed, 2);
  expect_same(uninterrupted.cv, after_cut.cv);
  // ... but a checkpoint of another run is refused, naming the file and line.
  job.seed = 99;
  try {
    run_cv_job(job);
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(checkpoint + ":2: the checkpoint was written by another cv run"),
              std::string::npos)
        << e.what();
  }
  std::filesystem::remove(checkpoint);
}

// TPE past its 10 random startup trials: 12 trials, so trials 10 and 11 are proposed from the
// earlier ones, sequentially, while folds and outer splits run in parallel.
CvJob tiny_tpe_job() {
  CvJob job = tiny_job();
  job.sampler = "tpe";
  job.trials = 12;
  return job;
}

TEST(NestedCv, TpeIsIndependentOfThreadsAndStartsWithTheRandomTrials) {
  CvJob job = tiny_tpe_job();
  const CvJobResult one = run_cv_job(job);
  job.threads = 2;
  const CvJobResult two = run_cv_job(job);
  ASSERT_TRUE(one.cv.complete);
  ASSERT_EQ(one.cv.outer[0].trial_ne.size(), 12u);
  expect_same(one.cv, two.cv);
  EXPECT_NE(one.command.find("--sampler tpe"), std::string::npos) << one.command;
  // The startup trials are the random search's first 10 points with the same training seeds,
  // so their validation NEs are the random search's, bit for bit.
  job.sampler = "random";
  const CvJobResult random = run_cv_job(job);
  EXPECT_NE(random.command.find("--sampler random"), std::string::npos) << random.command;
  for (std::size_t i = 0; i < one.cv.outer.size(); ++i)
    for (std::size_t t = 0; t < 10; ++t) EXPECT_EQ(one.cv.outer[i].trial_ne[t], random.cv.outer[i].trial_ne[t]) << t;
  // ... and the model-guided trials 10 and 11 are not (another point, or the run would be random search).
  bool guided_differs = false;
  for (std::size_t i = 0; i < one.cv.outer.size(); ++i)
    for (std::size_t t = 10; t < 12; ++t) guided_differs |= one.cv.outer[i].trial_ne[t] != random.cv.outer[i].trial_ne[t];
  EXPECT_TRUE(guided_differs);
  job.sampler = "bayes";
  try {
    run_cv_job(job);
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("--sampler 'bayes': expected random or tpe"), std::string::npos) << e.what();
  }
}

TEST(NestedCv, TpeSearchesTheSchedulerDataWeight) {
  CvJob job = tiny_tpe_job();
  job.variant = "scheduler";
  job.trials = 11;  // one model-guided trial, over the float data weight too
  job.holdout = {"zwf"};
  job.threads = 2;
  const CvJobResult r = run_cv_job(job);
  ASSERT_TRUE(r.cv.complete);
  EXPECT_EQ(r.cv.outer[0].trial_ne.size(), 11u);
  EXPECT_GE(r.cv.outer[0].best.data_weight, 0.8);
  EXPECT_LE(r.cv.outer[0].best.data_weight, 1.0);
  EXPECT_TRUE(r.cv.outer[0].fluxes.allFinite());
}

TEST(NestedCv, InterruptedTpeRunResumesToTheSameResult) {
  const std::string checkpoint = temp_path("resume_tpe.ckpt");
  std::filesystem::remove(checkpoint);
  CvJob job = tiny_tpe_job();
  job.threads = 2;
  const CvJobResult uninterrupted = run_cv_job(job);
  job.checkpoint_path = checkpoint;
  job.stop_after = 1;
  job.threads = 1;  // see InterruptedRunResumesToTheSameResult
  const CvJobResult first = run_cv_job(job);
  EXPECT_EQ(first.cv.outer.size(), 1u);
  job.stop_after = 0;
  job.threads = 2;
  const CvJobResult resumed = run_cv_job(job);
  EXPECT_TRUE(resumed.cv.complete);
  EXPECT_EQ(resumed.cv.resumed, 1);
  expect_same(uninterrupted.cv, resumed.cv);
  // A random-search checkpoint does not resume a TPE run.
  job.sampler = "random";
  EXPECT_THROW(run_cv_job(job), Error);
  std::filesystem::remove(checkpoint);
}

TEST(NestedCv, EveryVariantRunsEndToEnd) {
  for (const std::string& name : variant_names()) {
    if (name == "fba-fit") continue;  // iAF1260 targets: see FbaFitTargetsNeedTheirGem
    CvJob job = tiny_job();
    job.variant = name;
    job.trials = 1;
    job.holdout = {"zwf"};
    const CvJobResult r = run_cv_job(job);
    ASSERT_TRUE(r.cv.complete) << name;
    EXPECT_TRUE(std::isfinite(r.scores.flux.mean.ne) && r.scores.flux.mean.ne > 0) << name;
    if (r.baseline) {  // eval/baselines.hpp: measured fluxes only, nothing trained
      EXPECT_EQ(r.cv.outer[0].fluxes.size(), 0) << name;
      EXPECT_EQ(r.epochs, 0) << name;
      continue;
    }
    EXPECT_TRUE(r.cv.outer[0].fluxes.allFinite()) << name;
    EXPECT_TRUE(r.cv.outer[0].measured.allFinite()) << name;
    EXPECT_EQ(r.epochs, 2) << name;  // an explicit --epochs overrides the variant default
  }
}

TEST(NestedCv, FbaFitTargetsNeedTheirGem) {
  CvJob job = tiny_job();
  job.variant = "fba-fit";
  try {
    run_cv_job(job);
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    // e_coli_core calls the glucose PTS R_GLCpts; the FBA-fit file is in iAF1260's ids.
    EXPECT_NE(std::string(e.what()).find("fluxomics_iAF1260_reduced_split_fit.csv: line 1: no column 'R_GLCpts'"),
              std::string::npos)
        << e.what();
  }
}

TEST(NestedCv, PinUptakesBoundsByTheMeasuredUptakes) {
  CvJob job = tiny_job();
  job.holdout = {"pgi"};
  job.pin = "uptakes";  // the paper's setup (the default)
  const CvJobResult bounded = run_cv_job(job);
  job.pin = "co2-free";
  const CvJobResult free = run_cv_job(job);
  ASSERT_TRUE(bounded.cv.complete && free.cv.complete);
  EXPECT_NE(bounded.command.find("--pin uptakes"), std::string::npos) << bounded.command;
  EXPECT_NE(free.command.find("--pin co2-free"), std::string::npos) << free.command;
  // Same seeds and network, another loss: the Vin term changes the trained fluxes.
  EXPECT_FALSE((bounded.cv.outer[0].fluxes.array() == free.cv.outer[0].fluxes.array()).all());
  job.pin = "glucose";
  try {
    run_cv_job(job);
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("--pin 'glucose': expected uptakes or co2-free"), std::string::npos)
        << e.what();
  }
}

TEST(NestedCv, PrecisionReachesEveryTrainingAndTheSignature) {
  CvJob job = tiny_job();
  job.holdout = {"pgi"};
  const CvJobResult f64 = run_cv_job(job);  // the default
  ASSERT_TRUE(f64.cv.complete);
  EXPECT_NE(f64.command.find("--precision f64"), std::string::npos) << f64.command;
  job.precision = "f16";
  try {
    run_cv_job(job);
    ADD_FAILURE() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("--precision 'f16': expected f64 or f32"), std::string::npos) << e.what();
  }
  job.precision = "f32";
  const CvJobResult f32 = run_cv_job(job);
  ASSERT_TRUE(f32.cv.complete);
  EXPECT_NE(f32.command.find("--precision f32"), std::string::npos) << f32.command;
  // Same seeds and points, float arithmetic: not bit-identical fluxes.
  EXPECT_FALSE((f64.cv.outer[0].fluxes.array() == f32.cv.outer[0].fluxes.array()).all());
}

TEST(NestedCv, ClipInputsSaturatesAHeldOutSensorFarBeyondTheTrainingRange) {
  // rpiA's rpiB transcript is 38x the maximum of the other 28 experiments.
  CvJob job = tiny_job();
  job.holdout = {"rpiA"};
  job.trials = 1;
  job.epochs = 20;
  const CvJobResult free = run_cv_job(job);
  job.clip_inputs = true;
  const CvJobResult clipped = run_cv_job(job);
  ASSERT_TRUE(free.cv.complete && clipped.cv.complete);
  EXPECT_EQ(free.command.find("--clip-inputs"), std::string::npos) << free.command;
  EXPECT_NE(clipped.command.find("--precision f64 --clip-inputs"), std::string::npos) << clipped.command;
  EXPECT_FALSE((free.cv.outer[0].fluxes.array() == clipped.cv.outer[0].fluxes.array()).all());
  EXPECT_LT(clipped.scores.flux.mean.ne, 0.5 * free.scores.flux.mean.ne)
      << "clipped NE " << clipped.scores.flux.mean.ne << ", extrapolated NE " << free.scores.flux.mean.ne;
}

TEST(NestedCv, BadSettingsAreClearErrors) {
  CvJob job = tiny_job();
  job.holdout = {"nope"};
  EXPECT_THROW(run_cv_job(job), Error);
  job = tiny_job();
  job.folds = 1;
  EXPECT_THROW(run_cv_job(job), Error);
  job = tiny_job();
  job.variant = "random-forest";
  EXPECT_THROW(run_cv_job(job), Error);
}

}  // namespace
}  // namespace minn::eval
