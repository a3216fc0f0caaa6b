// A small surrogate on e_coli_core, end to end: the .minn file it writes, run by the host reference
// predictor (what `minnc predict` and the generated code run), must beat the trivial predictor (the
// training samples' mean) on the held-out samples by a clear margin. Both NEs are computed here,
// from the samples, not taken from the job's own scores.
#include <gtest/gtest.h>

#include <cmath>
#include <set>

#include "emit/reference_predictor.hpp"
#include "model/model_file.hpp"
#include "surrogate/surrogate_job.hpp"

namespace minn::surrogate {
namespace {

SurrogateJob small_job(const std::string& rates) {
  SurrogateJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  job.reduction.method = "none";
  job.rates = rates;
  job.sampling.samples = 300;
  job.seed = 5;
  job.options.epochs = 60;
  job.output_path = ::testing::TempDir() + "surrogate_job.minn";
  return job;
}

// NE = ||t - max(p, 0)|| / ||t|| over the reactions that are not inputs.
double ne(const Eigen::VectorXd& truth, const Eigen::VectorXd& predicted, const std::set<int>& inputs) {
  double error = 0, norm = 0;
  for (Eigen::Index k = 0; k < truth.size(); ++k) {
    if (inputs.count(static_cast<int>(k))) continue;
    const double d = truth(k) - std::max(predicted(k), 0.0);
    error += d * d;
    norm += truth(k) * truth(k);
  }
  return std::sqrt(error / norm);
}

TEST(SurrogateJob, StoredModelBeatsTheTrainingMeanOnHeldOutSamples) {
  for (const char* rates : {"paper", "online"}) {
    const SurrogateJob job = small_job(rates);
    const SurrogateResult r = run_surrogate_job(job);
    ASSERT_EQ(r.test_samples.size(), 60u) << rates;
    ASSERT_EQ(r.train_samples.size(), 240u) << rates;
    std::set<int> all(r.test_samples.begin(), r.test_samples.end());
    all.insert(r.train_samples.begin(), r.train_samples.end());
    EXPECT_EQ(all.size(), 300u) << "train and test overlap";

    save_model(r.model, job.output_path);
    const MinnModel model = load_model(job.output_path);
    ASSERT_EQ(model.num_inputs(), static_cast<int>(r.samples.rates.size()));
    std::set<int> input_rows;
    for (int i = 0; i < model.num_inputs(); ++i) {
      EXPECT_EQ(model.input_names[static_cast<std::size_t>(i)], r.samples.rates[static_cast<std::size_t>(i)].id);
      for (std::size_t k = 0; k < model.reaction_ids.size(); ++k)
        if (model.reaction_ids[k] == model.input_names[static_cast<std::size_t>(i)]) input_rows.insert(static_cast<int>(k));
    }
    ASSERT_EQ(input_rows.size(), r.samples.rates.size());
    EXPECT_EQ(model.pref_reactions, model.reaction_ids) << "targets are every reaction";
    EXPECT_EQ(model.layers[0].out, 500);

    Eigen::VectorXd mean = Eigen::VectorXd::Zero(r.samples.fluxes.rows());
    for (int j : r.train_samples) mean += r.samples.fluxes.col(j);
    mean /= static_cast<double>(r.train_samples.size());

    emit::ReferencePredictor predictor(model, emit::Precision::F32);
    std::vector<float> in(static_cast<std::size_t>(model.num_inputs())), out(model.reaction_ids.size());
    double surrogate_ne = 0, mean_ne = 0;
    for (int j : r.test_samples) {
      for (int i = 0; i < model.num_inputs(); ++i) in[static_cast<std::size_t>(i)] = static_cast<float>(r.samples.inputs(i, j));
      ASSERT_GE(predictor.infer(in.data(), out.data()), 0);
      const Eigen::VectorXd predicted = Eigen::Map<Eigen::VectorXf>(out.data(), static_cast<Eigen::Index>(out.size())).cast<double>();
      surrogate_ne += ne(r.samples.fluxes.col(j), predicted, input_rows) / 60.0;
      mean_ne += ne(r.samples.fluxes.col(j), mean, input_rows) / 60.0;
    }
    EXPECT_LT(surrogate_ne, 0.5 * mean_ne) << rates << ": surrogate NE " << surrogate_ne << ", training mean NE " << mean_ne;
    // The job's own score is of the same model on the same samples (double vs float arithmetic).
    EXPECT_NEAR(r.holdout.flux.mean.ne, surrogate_ne, 1e-3) << rates;
  }
}

TEST(SurrogateJob, HoldoutZeroTrainsOnEverySample) {
  SurrogateJob job = small_job("paper");
  job.sampling.samples = 40;
  job.options.epochs = 2;
  job.holdout = 0;
  const SurrogateResult r = run_surrogate_job(job);
  EXPECT_TRUE(r.test_samples.empty());
  EXPECT_EQ(r.train_samples.size(), 40u);
  EXPECT_NE(r.report_json.find("\"surrogate_holdout\": null"), std::string::npos) << r.report_json;
}

TEST(SurrogateJob, ReportPathSitsNextToTheModel) {
  EXPECT_EQ(report_path_for("out/s.minn"), "out/s_report.json");
  EXPECT_EQ(report_path_for("s"), "s_report.json");
}

}  // namespace
}  // namespace minn::surrogate
