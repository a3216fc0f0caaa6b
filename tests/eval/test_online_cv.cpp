// `minnc cv` with --inputs online and the intracellular scores, through its library job on
// e_coli_core with tiny budgets: omics runs reproduce, byte for byte, the predictions files recorded
// with the binary before online inputs existed; online runs never score an input; every run reports
// the 37 intracellular fluxes, where the simple baselines give the independently measured NE.
#include <gtest/gtest.h>
#include "reference_toolchain.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "common/error.hpp"
#include "common/sha256.hpp"
#include "eval/cv_job.hpp"
#include "eval/cv_outputs.hpp"

namespace minn::eval {
namespace {

CvJob tiny_job(const std::string& variant) {
  CvJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  job.variant = variant;
  job.trials = 3;
  job.folds = 2;
  job.epochs = 20;
  job.threads = 1;
  return job;
}

std::string read(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The three result files of a run; returns {predictions, metrics, md} contents.
std::vector<std::string> outputs(const CvJobResult& r, const CvJob& job) {
  const std::string dir = (std::filesystem::temp_directory_path() / "minn_online_cv_test").string();
  std::filesystem::remove_all(dir);
  std::vector<std::string> texts;
  for (const std::string& path : write_cv_outputs(r, job, dir)) texts.push_back(read(path));
  std::filesystem::remove_all(dir);
  return texts;
}

std::string sha(const std::string& text) { return sha256_hex(text.data(), text.size()); }

// SHA-256 of the predictions CSVs written by `minnc cv` at commit cc422a4 (before --inputs), with
// the same options (--trials 3 --folds 2 --epochs 20 --threads 1 --seed 0; baselines with the defaults).
TEST(OnlineCv, OmicsRunsReproduceThePredictionsRecordedBeforeOnlineInputs) {
  MINN_SKIP_UNLESS_REFERENCE_TOOLCHAIN();
  CvJob plain = tiny_job("c-balanced");
  plain.holdout = {"pgi", "WT_0.1h-1"};
  EXPECT_EQ(sha(outputs(run_cv_job(plain), plain)[0]),
            "d103d2cf096aed6e913d6e3406b9f94b51e503de0137d4f3ea68ff984a2b05e4");
  CvJob residual = tiny_job("c-balanced");
  residual.holdout = {"REF", "pgi", "WT_0.1h-1"};
  residual.normalise = "glucose-residual";
  residual.clip_inputs = true;
  EXPECT_EQ(sha(outputs(run_cv_job(residual), residual)[0]),
            "56fd09cf6a985831c685d1f3e5d3e2d2d47680a9e8b426612e311dd32686a9ae");
  CvJob ridge = tiny_job("ridge");
  ridge.folds = 5;  // recorded with the default folds (ridge's inner search)
  EXPECT_EQ(sha(outputs(run_cv_job(ridge), ridge)[0]),
            "7eb1d25f491e26ab83bd445853a53087b5074709f0b68ec4855b91cb0bb40bdb");
  const CvJob pfba = tiny_job("pfba");
  EXPECT_EQ(sha(outputs(run_cv_job(pfba), pfba)[0]),
            "79eb1ab597472f690353ad86d3bd45631fbbd8a3d4dd19acfb6baa68a23a5dff");
}

// The ridge-residual MINN starts from the ridge-loo baseline: untrained (--epochs 0) and without
// refinement (--steps 0) its predictions are the baseline's, up to the float32 rounding of the
// stored base (two separate code paths: eval/baselines.cpp and the MINN's training and prediction),
// except that the MINN closes the reactions a knockout disables (exact zeros; the ridge knows no GPR).
// The ridge-loo baseline and the untrained ridge-residual MINN without refinement, on the same
// online inputs and held-out experiments: {ridge, minn}.
std::pair<CvJobResult, CvJobResult> ridge_and_untrained_minn(bool genotype_input, const std::vector<std::string>& holdout) {
  CvJob ridge = tiny_job("ridge-loo");
  ridge.inputs = "online";
  ridge.genotype_input = genotype_input;
  ridge.clip_inputs = true;
  ridge.holdout = holdout;
  CvJob minn = ridge;
  minn.variant = "c-balanced";
  minn.normalise = "ridge-residual";
  minn.epochs = 0;
  minn.steps = 0;
  return {run_cv_job(ridge), run_cv_job(minn)};
}

TEST(RidgeResidual, UntrainedWithoutRefinementIsTheRidgeBaseline) {
  // Without the genotype as input (with it, the base adds knockout responses: next test).
  const auto [a, b] = ridge_and_untrained_minn(false, {"REF", "pgi", "WT_0.7h-1"});
  ASSERT_EQ(a.cv.outer.size(), 3u);
  ASSERT_EQ(b.cv.outer.size(), 3u);
  int closed = 0;
  for (std::size_t k = 0; k < 3; ++k) {
    const Eigen::VectorXd& p = a.cv.outer[k].measured;
    const Eigen::VectorXd& q = b.cv.outer[k].measured;
    ASSERT_EQ(p.size(), q.size());
    const bool knockout = a.experiments[k] == "pgi";
    for (Eigen::Index i = 0; i < p.size(); ++i) {
      if (knockout && q(i) == 0 && p(i) != 0) {
        ++closed;
        continue;
      }
      EXPECT_NEAR(q(i), p(i), 1e-5 * (1 + std::abs(p(i)))) << "split " << k << " row " << i;
    }
  }
  EXPECT_EQ(closed, 1) << "pgi closes R_PGI, the one measured reaction its gene disables";
}

// With the genotype as input, a held-out knockout the training rows never showed (pgi) still
// reroutes: glucose 6-phosphate, which phosphoglucose isomerase can no longer take, goes to
// G6P dehydrogenase (measured: 2.675 mmol/gDW/h). The ridge alone keeps the wild type's split.
TEST(RidgeResidual, AHeldOutKnockoutReroutesItsFlux) {
  const auto [a, b] = ridge_and_untrained_minn(true, {"pgi"});
  int row = -1;
  for (std::size_t i = 0; i < b.target_ids.size(); ++i)
    if (b.target_ids[i] == "R_G6PDH2r_fwd") row = static_cast<int>(i);
  ASSERT_GE(row, 0);
  const double by_ridge = a.cv.outer[0].measured(row), by_minn = b.cv.outer[0].measured(row);
  EXPECT_LT(by_ridge, 1.0);
  EXPECT_GT(by_minn, 2.0);
  EXPECT_LT(b.scores.intracellular.mean.ne, a.scores.intracellular.mean.ne - 0.1);
}

TEST(OnlineCv, BaselinesOnTheIntracellularFluxesGiveTheIndependentlyMeasuredNe) {
  for (const std::string inputs : {"omics", "online"}) {
    CvJob job = tiny_job("scaled-profile");
    job.inputs = inputs;
    const CvJobResult scaled = run_cv_job(job);
    EXPECT_EQ(scaled.intracellular_rows.size(), 37u);
    // README, online inputs: the simple baselines' NE on the 37 intracellular fluxes.
    EXPECT_NEAR(scaled.scores.intracellular.mean.ne, 0.137, 0.0005) << inputs;
    job.variant = "mean-profile";
    EXPECT_NEAR(run_cv_job(job).scores.intracellular.mean.ne, 0.356, 0.0005) << inputs;
  }
}

TEST(OnlineCv, OnlineInputsAreNeverScoredAndTheFilesSayWhatWasRead) {
  CvJob job = tiny_job("ridge");
  job.inputs = "online";
  const CvJobResult r = run_cv_job(job);
  EXPECT_EQ(r.input_names, (std::vector<std::string>{"R_EX_glc__D_e_rev", "R_EX_o2_e_rev", "R_EX_co2_e_fwd",
                                                     "R_BIOMASS_Ecoli_core_w_GAM"}));
  EXPECT_EQ(r.metric_rows.size(), 43u);
  for (int row : r.metric_rows)
    for (const std::string& input : r.input_names) EXPECT_NE(r.target_ids[static_cast<std::size_t>(row)], input);
  EXPECT_NE(r.command.find(" --inputs online"), std::string::npos);
  const std::vector<std::string> files = outputs(r, job);
  EXPECT_EQ(files[0].substr(0, files[0].find('\n')).find("R_EX_co2_e_fwd"), std::string::npos);  // not predicted
  EXPECT_NE(files[1].find("\"scored_fluxes\": 43"), std::string::npos);
  EXPECT_NE(files[1].find("\"inputs\": \"online\""), std::string::npos);
  EXPECT_NE(files[1].find("\"intracellular\": {"), std::string::npos);
  EXPECT_NE(files[2].find("| ridge (online inputs) |"), std::string::npos);
  EXPECT_NE(files[2].find("NE (37 intracellular)"), std::string::npos);
  EXPECT_EQ(cv_output_stem(r, job), "e_coli_core-ridge-online-seed0");
}

TEST(OnlineCv, PfbaWithOnlineInputsFixesTheFourRatesAndScoresTheRest) {
  CvJob job = tiny_job("pfba");
  job.inputs = "online";
  const CvJobResult r = run_cv_job(job);  // infeasible measured rates are moved, not fatal
  ASSERT_TRUE(r.cv.complete);
  ASSERT_EQ(r.cv.outer.size(), 29u);
  for (const OuterResult& o : r.cv.outer)
    for (int row : r.metric_rows) EXPECT_TRUE(std::isfinite(o.measured(row))) << r.target_ids[static_cast<std::size_t>(row)];
  EXPECT_TRUE(std::isfinite(r.scores.intracellular.mean.ne));
}

TEST(OnlineCv, AnOnlineMinnTrainsWithTheKnockoutAsPinRows) {
  CvJob job = tiny_job("c-balanced");
  job.inputs = "online";
  job.genotype_input = true;
  job.normalise = "glucose-residual";
  job.holdout = {"pgi"};
  const CvJobResult r = run_cv_job(job);
  ASSERT_TRUE(r.cv.complete);
  EXPECT_EQ(r.input_names.size(), 9u);  // four rates, five knockout indicators
  EXPECT_EQ(r.metric_rows.size(), 43u);
  EXPECT_TRUE(std::isfinite(r.scores.flux.mean.ne));
  EXPECT_NE(r.command.find(" --inputs online --genotype-input"), std::string::npos);
  job.inputs = "omics";
  EXPECT_THROW(run_cv_job(job), Error);  // --genotype-input needs online inputs
}

TEST(OnlineCv, TheAuxiliaryOmicsHeadIsAnOptionOfMinnsOnly) {
  CvJob job = tiny_job("c-balanced");
  job.inputs = "online";
  job.aux_omics_weight = 0.5;
  job.holdout = {"pgi"};
  const CvJobResult r = run_cv_job(job);
  ASSERT_TRUE(r.cv.complete);
  EXPECT_EQ(r.input_names.size(), 4u);  // the omics are targets of the head, not inputs
  EXPECT_NE(r.command.find(" --inputs online --aux-omics-weight 0.5"), std::string::npos);
  EXPECT_EQ(cv_output_stem(r, job), "e_coli_core-c-balanced-online-aux0.5-seed0");
  job.variant = "ridge";
  EXPECT_THROW(run_cv_job(job), Error);
}

}  // namespace
}  // namespace minn::eval
