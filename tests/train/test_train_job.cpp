// `minnc train` as a library call on e_coli_core and the Ishii data in models/: the model is
// filled completely, the same job gives a byte-identical file, and train -> save -> load
// round-trips exactly.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "common/error.hpp"
#include "common/sha256.hpp"
#include "model/model_equal.hpp"
#include "model/model_file.hpp"
#include "train/train_job.hpp"

namespace minn::train {
namespace {

TrainJob short_job(int epochs, std::uint64_t seed) {
  TrainJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  job.output_path = "/somewhere/else/core.minn";
  job.options.epochs = epochs;
  job.options.seed = seed;
  return job;
}

TEST(TrainJob, FillsTheModelCompletely) {
  const TrainJobResult r = run_train_job(short_job(2, 1));
  const MinnModel& m = r.model;
  EXPECT_EQ(m.num_inputs(), 79 + 60 + 2);
  EXPECT_EQ(m.input_names.back(), "R_EX_o2_e_rev");
  EXPECT_EQ(m.input_units.size(), m.input_names.size());
  ASSERT_EQ(m.layers.size(), 2u);
  EXPECT_EQ(m.layers[0].name, "hidden");
  EXPECT_EQ(m.layers[0].out, 250);
  EXPECT_EQ(m.layers[0].activation, Activation::Relu);
  EXPECT_EQ(m.layers[1].name, "output");
  EXPECT_EQ(m.layers[1].out, 142);
  EXPECT_EQ(m.num_outputs(), 142);
  EXPECT_EQ(m.metabolite_ids.size(), 72u);
  EXPECT_EQ(m.S.rows, 72);
  EXPECT_EQ(m.pref_reactions.size(), 47u);
  ASSERT_EQ(m.pin_reactions.size(), 1u);
  EXPECT_EQ(m.reaction_ids[static_cast<std::size_t>(m.pin_reactions[0])], "R_EX_co2_e_fwd");
  EXPECT_TRUE(std::isinf(m.default_vin[0]) && m.default_vin[0] > 0);
  EXPECT_EQ(m.refinement.step_rule, "auto");
  EXPECT_EQ(m.refinement.steps, 8);
  EXPECT_NEAR(m.refinement.lambda_max, 510.855487291, 1e-3);  // numpy reference (test_gem_refinement)
  EXPECT_LT(static_cast<double>(m.refinement.step_size) * m.refinement.lambda_max, 2 * (1 + 0.9));
  EXPECT_EQ(m.gem_sha256, sha256_file_hex(short_job(1, 1).gem_path));
  EXPECT_EQ(m.provenance.dataset_sha256.size(), 64u);
  EXPECT_EQ(m.provenance.variant, "c-balanced");
  EXPECT_EQ(m.provenance.seed, 1u);
  EXPECT_FALSE(m.clip_inputs);
  EXPECT_EQ(m.provenance.command,
            "minnc train --gem e_coli_core.xml.gz --data ishii --variant c-balanced --hidden 250 --dropout 0.25 "
            "--lr 0.0005 --weight-decay 0.0001 --c 20 --epochs 2 --batch 5 --seed 1 --steps 8 --momentum 0.9 "
            "--refine-step auto -o core.minn");
  bool has_ne = false;
  for (const auto& [name, value] : m.provenance.training_metrics) has_ne = has_ne || (name == "ne_mean" && value > 0);
  EXPECT_TRUE(has_ne);
  EXPECT_EQ(r.metrics.flux.per_experiment.size(), 29u);
  // The envelope holds every training row.
  for (std::size_t i = 0; i < m.input_names.size(); ++i) EXPECT_LE(m.envelope_min[i], m.envelope_max[i]);
}

TEST(TrainJob, ClipInputsReachesTheModelAndTheCanonicalCommand) {
  TrainJob job = short_job(1, 1);
  job.options.clip_inputs = true;
  EXPECT_EQ(canonical_command(job),
            "minnc train --gem e_coli_core.xml.gz --data ishii --variant c-balanced --hidden 250 --dropout 0.25 "
            "--lr 0.0005 --weight-decay 0.0001 --c 20 --epochs 1 --batch 5 --seed 1 --steps 8 --momentum 0.9 "
            "--refine-step auto --clip-inputs -o core.minn");
  job.options.precision = Precision::F32;  // both non-default options: precision first
  EXPECT_NE(canonical_command(job).find(" --precision f32 --clip-inputs -o core.minn"), std::string::npos);
  job.options.precision = Precision::F64;
  const TrainJobResult r = run_train_job(job);
  EXPECT_TRUE(r.model.clip_inputs);
  EXPECT_EQ(r.model.provenance.command, canonical_command(job));
}

TEST(TrainJob, OnlineInputsReadTheFourRatesAndBoundTheKnockouts) {
  TrainJob job = short_job(1, 1);
  job.inputs = InputSet::Online;
  EXPECT_NE(canonical_command(job).find(" --refine-step auto --inputs online -o core.minn"), std::string::npos);
  const TrainJobResult r = run_train_job(job);
  const MinnModel& m = r.model;
  // The four rates the network reads, then the genotype inputs that only switch the knockout rows.
  EXPECT_EQ(m.input_names, (std::vector<std::string>{"R_EX_glc__D_e_rev", "R_EX_o2_e_rev", "R_EX_co2_e_fwd",
                                                     "R_BIOMASS_Ecoli_core_w_GAM", "ko_R_PGL", "ko_R_PPS",
                                                     "ko_R_GND", "ko_R_PGI", "ko_R_G6PDH2r"}));
  EXPECT_EQ(m.layers[0].in, 4);
  ASSERT_EQ(m.genotype_inputs.size(), 5u);
  EXPECT_EQ(m.genotype_inputs[3].input, 7);
  EXPECT_EQ(m.genotype_inputs[3].genes, (std::vector<std::string>{"pgi", "G_b4025"}));
  // Pin: the CO2 row, then the seven reactions e_coli_core's GPRs disable in the Ishii knockouts
  // (PGI and G6PDH2r both halves, PGL, GND, PPS); no bound by default (the wild type).
  ASSERT_EQ(m.pin_reactions.size(), 8u);
  EXPECT_EQ(m.reaction_ids[static_cast<std::size_t>(m.pin_reactions[0])], "R_EX_co2_e_fwd");
  std::vector<std::string> ko;
  for (std::size_t k = 1; k < m.pin_reactions.size(); ++k) ko.push_back(m.reaction_ids[static_cast<std::size_t>(m.pin_reactions[k])]);
  std::sort(ko.begin(), ko.end());
  EXPECT_EQ(ko, (std::vector<std::string>{"R_G6PDH2r_fwd", "R_G6PDH2r_rev", "R_GND", "R_PGI_fwd", "R_PGI_rev",
                                          "R_PGL", "R_PPS"}));
  for (float v : m.default_vin) EXPECT_TRUE(std::isinf(v) && v > 0);
  // Each knockout row is closed by its genotype input; the CO2 row by none.
  ASSERT_EQ(m.pin_switch_input.size(), m.pin_reactions.size());
  EXPECT_EQ(m.pin_switch_input[0], -1);
  for (std::size_t k = 1; k < m.pin_reactions.size(); ++k) {
    const std::string& id = m.reaction_ids[static_cast<std::size_t>(m.pin_reactions[k])];
    const std::string stem = id.size() > 4 && (id.substr(id.size() - 4) == "_fwd" || id.substr(id.size() - 4) == "_rev")
                                 ? id.substr(0, id.size() - 4)
                                 : id;
    EXPECT_EQ(m.input_names[static_cast<std::size_t>(m.pin_switch_input[k])], "ko_" + stem) << id;
  }
  // No input is scored: 47 measured minus the four rates.
  EXPECT_EQ(r.scored_fluxes, 43u);
  ASSERT_EQ(r.warnings.size(), 1u);
  EXPECT_EQ(r.warnings[0].rfind("knockouts without a bound, treated as the wild type: galM, glk, pgm", 0), 0u)
      << r.warnings[0];
  EXPECT_EQ(run_train_job(short_job(1, 1)).scored_fluxes, 45u);
}

TEST(TrainJob, SameJobGivesAByteIdenticalFileAndTheFileRoundTrips) {
  const TrainJobResult a = run_train_job(short_job(3, 5));
  const TrainJobResult b = run_train_job(short_job(3, 5));
  EXPECT_EQ(serialize_model(a.model), serialize_model(b.model));
  const TrainJobResult c = run_train_job(short_job(3, 6));
  EXPECT_NE(serialize_model(a.model), serialize_model(c.model));

  const std::string path = ::testing::TempDir() + "train_job_roundtrip.minn";
  save_model(a.model, path);
  const MinnModel loaded = load_model(path);
  std::string difference;
  EXPECT_TRUE(models_equal(a.model, loaded, &difference)) << difference;
  EXPECT_EQ(loaded.layers[1].weights, a.model.layers[1].weights);
  std::remove(path.c_str());
}

TEST(TrainJob, ThePapersStepWarnsOnECCore) {
  TrainJob job = short_job(1, 1);
  job.options.fixed_step = 0.01;
  try {
    const TrainJobResult r = run_train_job(job);
    ASSERT_FALSE(r.warnings.empty());
    EXPECT_NE(r.warnings.back().find("diverges"), std::string::npos) << r.warnings.back();
    EXPECT_EQ(r.model.refinement.step_rule, "fixed");
  } catch (const Error& e) {
    // Diverging far enough to overflow is also acceptable, as long as it is a clear error.
    EXPECT_NE(std::string(e.what()).find("diverged"), std::string::npos) << e.what();
  }
}

TEST(TrainJob, MissingDatasetIsAClearError) {
  TrainJob job = short_job(1, 1);
  job.data_dir = ::testing::TempDir() + "no_such_dataset_dir";
  EXPECT_THROW(run_train_job(job), Error);
}

TEST(ShortestDouble, ReadsBackExactly) {
  EXPECT_EQ(shortest_double(0.0005), "0.0005");
  EXPECT_EQ(shortest_double(20), "20");
  EXPECT_EQ(shortest_double(0.1 + 0.2), "0.30000000000000004");
}

}  // namespace
}  // namespace minn::train
