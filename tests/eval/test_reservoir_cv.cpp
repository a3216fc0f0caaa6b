// `minnc cv --variant reservoir` and `--score-on fit` through the library job on e_coli_core with
// tiny budgets. Every expected number is recomputed here from the written files and the dataset's
// CSVs, not taken from the run's own scores.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "common/error.hpp"
#include "eval/cv_job.hpp"
#include "eval/cv_outputs.hpp"

namespace minn::eval {
namespace {

const std::string kData = std::string(MINN_MODELS_DIR) + "/ishii";

using Table = std::map<std::string, std::map<std::string, double>>;  // experiment -> id -> value

Table read_table(const std::string& path, std::vector<std::string>* header = nullptr) {
  std::ifstream in(path);
  std::string line;
  std::getline(in, line);
  std::vector<std::string> ids;
  std::stringstream h(line);
  for (std::string cell; std::getline(h, cell, ',');) ids.push_back(cell);
  if (header) *header = std::vector<std::string>(ids.begin() + 1, ids.end());
  Table t;
  while (std::getline(in, line)) {
    std::stringstream row(line);
    std::string cell, experiment;
    std::getline(row, experiment, ',');
    for (std::size_t k = 1; std::getline(row, cell, ','); ++k) t[experiment][ids[k]] = std::stod(cell);
  }
  return t;
}

// The paper's NE over `ids`, predictions clipped at 0.
double ne(const std::map<std::string, double>& truth, const std::map<std::string, double>& predicted,
          const std::vector<std::string>& ids) {
  double e = 0, n = 0;
  for (const std::string& id : ids) {
    const double d = truth.at(id) - std::max(predicted.at(id), 0.0);
    e += d * d;
    n += truth.at(id) * truth.at(id);
  }
  return std::sqrt(e / n);
}

// e_coli_core ids of the 47 measured fluxes, from the published split file.
std::vector<std::string> measured_ids() {
  std::vector<std::string> ids;
  read_table(kData + "/fluxomics_iAF1260_reduced_split.csv", &ids);
  for (std::string& id : ids) {
    if (id == "R_GLCptspp") id = "R_GLCpts";
    if (id == "R_BIOMASS_Ec_iAF1260_core_59p81M") id = "R_BIOMASS_Ecoli_core_w_GAM";
  }
  return ids;
}

Table renamed(Table t) {
  for (auto& [experiment, row] : t) {
    row["R_GLCpts"] = row.at("R_GLCptspp");
    row["R_BIOMASS_Ecoli_core_w_GAM"] = row.at("R_BIOMASS_Ec_iAF1260_core_59p81M");
  }
  return t;
}

std::string out_dir(const std::string& name) {
  const std::string dir = (std::filesystem::temp_directory_path() / name).string();
  std::filesystem::remove_all(dir);
  return dir;
}

CvJob tiny_reservoir() {
  CvJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = kData;
  job.variant = "reservoir";
  job.trials = 2;
  job.folds = 2;
  job.epochs = 8;
  job.threads = 1;
  job.surrogate_samples = 60;
  job.surrogate_epochs = 5;
  job.holdout = {"REF", "pgi"};
  return job;
}

TEST(ReservoirCv, TinyRunWritesBothRowsAndScoresNoInput) {
  const CvJob job = tiny_reservoir();
  const CvJobResult r = run_cv_job(job);
  ASSERT_TRUE(r.cv.complete);
  ASSERT_EQ(r.companions.size(), 2u);
  const CvJobResult& p = r.companions[0];
  EXPECT_EQ(r.variant, "reservoir");
  EXPECT_EQ(p.variant, "reservoir-pfba");
  const CvJobResult& b = r.companions[1];
  EXPECT_EQ(b.variant, "reservoir-pfba-bounds");
  const std::string dir = out_dir("minn_reservoir_cv_test");
  const std::vector<std::string> files = write_cv_outputs(r, job, dir);
  const std::vector<std::string> pfba_files = write_cv_outputs(p, job, dir);
  const std::vector<std::string> bounds_files = write_cv_outputs(b, job, dir);
  EXPECT_NE(bounds_files[0].find("e_coli_core-reservoir-pfba-bounds-seed0.predictions.csv"), std::string::npos);
  ASSERT_EQ(files.size(), 3u);
  EXPECT_NE(files[0].find("e_coli_core-reservoir-seed0.predictions.csv"), std::string::npos);
  EXPECT_NE(pfba_files[0].find("e_coli_core-reservoir-pfba-seed0.predictions.csv"), std::string::npos);
  for (const std::string& f : files) EXPECT_TRUE(std::filesystem::exists(f)) << f;
  for (const std::string& f : pfba_files) EXPECT_TRUE(std::filesystem::exists(f)) << f;

  // The scored fluxes: the 47 measured minus the two uptakes the reservoir reads.
  std::vector<std::string> scored;
  for (const std::string& id : measured_ids())
    if (id != "R_EX_glc__D_e_rev" && id != "R_EX_o2_e_rev") scored.push_back(id);
  ASSERT_EQ(scored.size(), 45u);
  std::vector<std::string> pfba_header;
  const Table pfba = read_table(pfba_files[0], &pfba_header);
  EXPECT_EQ(pfba_header.size(), 45u);
  for (const char* input : {"R_EX_glc__D_e_rev", "R_EX_o2_e_rev"})
    EXPECT_EQ(std::count(pfba_header.begin(), pfba_header.end(), input), 0) << input << " is an input";
  EXPECT_EQ(std::count(pfba_header.begin(), pfba_header.end(), "R_EX_co2_e_fwd"), 1);  // predicted, so scored

  const Table truth = renamed(read_table(kData + "/fluxomics_iAF1260_reduced_split.csv"));
  const Table reservoir = read_table(files[0]);
  const Table bounded = read_table(bounds_files[0]);
  ASSERT_EQ(reservoir.size(), 2u);
  for (std::size_t j = 0; j < r.experiments.size(); ++j) {
    const std::string& e = r.experiments[j];
    EXPECT_NEAR(r.scores.flux.per_experiment[j].ne, ne(truth.at(e), reservoir.at(e), scored), 1e-12) << e;
    EXPECT_NEAR(p.scores.flux.per_experiment[j].ne, ne(truth.at(e), pfba.at(e), scored), 1e-12) << e;
    // pFBA fixed the reservoir's exchanges (unless the GEM could not carry them, which is noted).
    bool moved = false;
    for (const std::string& note : p.notes) moved |= note.rfind(e + ":", 0) == 0;
    if (!moved) {
      for (const char* id : {"R_EX_co2_e_fwd", "R_EX_etoh_e", "R_EX_ac_e"})
        EXPECT_NEAR(pfba.at(e).at(id), std::max(reservoir.at(e).at(id), 0.0), 1e-6) << e << " " << id;
    }
    // The published coupling: ethanol and acetate secretion at most the reservoir's predictions,
    // CO2 free (unless the bounds admit no steady state, which is noted).
    EXPECT_NEAR(b.scores.flux.per_experiment[j].ne, ne(truth.at(e), bounded.at(e), scored), 1e-12) << e;
    bool unbounded = false;
    for (const std::string& note : b.notes) unbounded |= note.rfind(e + ":", 0) == 0;
    if (!unbounded) {
      for (const char* id : {"R_EX_etoh_e", "R_EX_ac_e"})
        EXPECT_LE(bounded.at(e).at(id), std::max(reservoir.at(e).at(id), 0.0) + 1e-6) << e << " " << id;
    }
  }
  EXPECT_NE(r.command.find("--surrogate-samples 60 --surrogate-epochs 5"), std::string::npos) << r.command;
  std::filesystem::remove_all(dir);
}

TEST(ReservoirCv, RejectsOptionsItDoesNotSupport) {
  CvJob job = tiny_reservoir();
  job.precision = "f32";
  EXPECT_THROW(run_cv_job(job), Error);
}

// --score-on fit: the FBA-fit fluxes are the data. The uptake-scaled profile then uses the fitted
// glucose uptake and yields, and is scored against the fitted fluxes; recomputed here from the CSV.
// On iAF1260 (the fit file's ids; a few seconds without a reduction).
TEST(ScoreOnFit, TheFittedFluxesAreTheDataForTrainingInputsAndScoring) {
  CvJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/iAF1260.xml.gz";
  job.data_dir = kData;
  job.variant = "scaled-profile";
  job.score_on = "fit";
  job.holdout = {"REF", "zwf"};
  const CvJobResult r = run_cv_job(job);
  const std::string dir = out_dir("minn_score_on_fit_test");
  const std::vector<std::string> files = write_cv_outputs(r, job, dir);
  EXPECT_NE(files[0].find("iAF1260-scaled-profile-on-fit-seed0"), std::string::npos) << files[0];
  const Table predicted = read_table(files[0]);
  std::vector<std::string> ids, scored;
  const Table fit = read_table(kData + "/fluxomics_iAF1260_reduced_split_fit.csv", &ids);
  for (const std::string& id : ids)
    if (id != "R_EX_glc__D_e_rev" && id != "R_EX_o2_e_rev") scored.push_back(id);
  ASSERT_EQ(scored.size(), 45u);
  for (std::size_t j = 0; j < r.experiments.size(); ++j) {
    const std::string& held_out = r.experiments[j];
    for (const std::string& id : {std::string("R_PGI_fwd"), std::string("R_EX_co2_e_fwd"), std::string("R_CS")}) {
      double yield = 0;
      int rows = 0;
      for (const auto& [e, row] : fit) {
        if (e == held_out) continue;
        yield += row.at(id) / row.at("R_EX_glc__D_e_rev");
        ++rows;
      }
      const double expected = yield / rows * fit.at(held_out).at("R_EX_glc__D_e_rev");
      EXPECT_NEAR(predicted.at(held_out).at(id), expected, 1e-9 * std::max(1.0, expected)) << held_out << " " << id;
    }
    EXPECT_NEAR(r.scores.flux.per_experiment[j].ne, ne(fit.at(held_out), predicted.at(held_out), scored), 1e-12);
  }
  EXPECT_NE(r.command.find("--score-on fit"), std::string::npos) << r.command;
  job.score_on = "fitted";
  EXPECT_THROW(run_cv_job(job), Error);
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace minn::eval
