// `minnc train` through the real binary, and the shipped models/e_coli_core.minn reproduced
// byte for byte by its recorded command (about 1 s: 100 epochs on e_coli_core).
#include <gtest/gtest.h>
#include "reference_toolchain.hpp"

#include <cmath>
#include <cstdio>
#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sys/wait.h>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>

#include "model/model_equal.hpp"
#include "model/model_file.hpp"
#include "train/train_job.hpp"

namespace minn::train {
namespace {

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs a shell command, returns its exit status; stdout/stderr go to files.
int run(const std::string& args, const std::string& out, const std::string& err) {
  const std::string command = std::string(MINNC_PATH) + " " + args + " >" + out + " 2>" + err;
  const int status = std::system(command.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

TEST(MinncTrain, WritesALoadableModelAndStaysQuietWhenStdoutIsNotATerminal) {
  const std::string dir = ::testing::TempDir();
  const std::string model = dir + "cmd_train.minn", out = dir + "cmd_train.out", err = dir + "cmd_train.err";
  const std::string models = MINN_MODELS_DIR;
  ASSERT_EQ(run("train --gem " + models + "/gems/e_coli_core.xml.gz --data " + models +
                    "/ishii --epochs 2 --hidden 16 --seed 3 -o " + model,
                out, err),
            0)
      << read_all(err);
  const std::string stdout_text = read_all(out);
  EXPECT_EQ(stdout_text.find("epoch "), std::string::npos) << "progress line written to a pipe";
  EXPECT_EQ(stdout_text.find('\r'), std::string::npos);
  EXPECT_NE(stdout_text.find("training set (45 fluxes)"), std::string::npos) << stdout_text;
  const MinnModel m = load_model(model);
  EXPECT_EQ(m.layers[0].out, 16);
  EXPECT_EQ(m.provenance.seed, 3u);
  std::remove(model.c_str());
}

// --clip-inputs is stored in the model and in its recorded command; the training rows are inside
// their own range, so the weights and everything else are the same as without it. Only the
// training metrics move in their last digits: they score the stored model, whose float-rounded
// scaler maps a row at the training maximum to 1 + a few ulp, which the clip brings back to 1.
TEST(MinncTrain, ClipInputsIsStoredAndChangesNothingElse) {
  const std::string dir = ::testing::TempDir(), models = MINN_MODELS_DIR;
  const std::string args = "train --gem " + models + "/gems/e_coli_core.xml.gz --data " + models +
                           "/ishii --epochs 2 --hidden 16 --seed 5 -o ";
  ASSERT_EQ(run(args + dir + "plain.minn", dir + "plain.out", dir + "plain.err"), 0) << read_all(dir + "plain.err");
  ASSERT_EQ(run(args + dir + "clip.minn --clip-inputs", dir + "clip.out", dir + "clip.err"), 0)
      << read_all(dir + "clip.err");
  const MinnModel plain = load_model(dir + "plain.minn");
  MinnModel clipped = load_model(dir + "clip.minn");
  EXPECT_FALSE(plain.clip_inputs);
  EXPECT_TRUE(clipped.clip_inputs);
  EXPECT_EQ(plain.provenance.command.find("--clip-inputs"), std::string::npos) << plain.provenance.command;
  const std::string tail = " --refine-step auto --clip-inputs -o clip.minn";
  ASSERT_GE(clipped.provenance.command.size(), tail.size());
  EXPECT_EQ(clipped.provenance.command.substr(clipped.provenance.command.size() - tail.size()), tail)
      << clipped.provenance.command;
  ASSERT_EQ(clipped.provenance.training_metrics.size(), plain.provenance.training_metrics.size());
  for (std::size_t i = 0; i < plain.provenance.training_metrics.size(); ++i) {
    const auto& [name, value] = plain.provenance.training_metrics[i];
    EXPECT_EQ(clipped.provenance.training_metrics[i].first, name);
    EXPECT_NEAR(clipped.provenance.training_metrics[i].second, value, 1e-6 * (1 + std::abs(value))) << name;
  }
  clipped.clip_inputs = false;
  clipped.provenance.command = plain.provenance.command;
  clipped.provenance.training_metrics = plain.provenance.training_metrics;
  std::string difference;
  EXPECT_TRUE(models_equal(plain, clipped, &difference)) << "first difference: " << difference;
}

TEST(MinncTrain, DrawsTheProgressLineOnATerminal) {
  if (std::system("command -v script >/dev/null 2>&1") != 0) GTEST_SKIP() << "script(1) not installed";
  const std::string dir = ::testing::TempDir(), models = MINN_MODELS_DIR;
  // script(1) gives minnc a pseudo-terminal as stdout.
  const std::string command = "script -q -c '" + std::string(MINNC_PATH) + " train --gem " + models +
                              "/gems/e_coli_core.xml.gz --data " + models + "/ishii --epochs 3 --hidden 8 -o " + dir +
                              "tty.minn' /dev/null >" + dir + "tty.out 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0) << read_all(dir + "tty.out");
  const std::string text = read_all(dir + "tty.out");
  for (const char* part : {"\repoch 1/3  data ", "\repoch 3/3  data ", "  mech ", " s left"})
    EXPECT_NE(text.find(part), std::string::npos) << part << " missing in: " << text;
}

TEST(MinncTrain, BadArgumentsAreClearErrors) {
  const std::string dir = ::testing::TempDir(), out = dir + "bad.out", err = dir + "bad.err";
  const std::string base = "train --gem " + std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz --data " +
                           std::string(MINN_MODELS_DIR) + "/ishii -o " + dir + "never.minn ";
  EXPECT_EQ(run(base + "--variant nope", out, err), 1);
  EXPECT_NE(read_all(err).find("unknown variant 'nope'"), std::string::npos) << read_all(err);
  EXPECT_EQ(run(base + "--refine-step fast", out, err), 1);
  EXPECT_NE(read_all(err).find("--refine-step 'fast'"), std::string::npos) << read_all(err);
  EXPECT_EQ(run(base + "--variant divided --c 5", out, err), 1);
  EXPECT_NE(read_all(err).find("--c does not apply"), std::string::npos) << read_all(err);
  EXPECT_EQ(run(base + "--dropout 1.5", out, err), 1);
  EXPECT_NE(read_all(err).find("--dropout"), std::string::npos) << read_all(err);
  EXPECT_EQ(run(base + "--precision fp16", out, err), 1);
  EXPECT_NE(read_all(err).find("unknown precision 'fp16' (expected f32 or f64)"), std::string::npos) << read_all(err);
}

// The dense kernels and Adam run AVX-512/AVX2/SSE2 clones chosen at run time; a CPU without AVX
// (QEMU's qemu64 model, SSE2 only) must produce the same bytes as this machine (a few seconds).
// Both precisions (float32 has its own clones: 16-lane dot products, 8-lane CSR products).
class MinncTrainOnQemu64 : public ::testing::TestWithParam<std::string> {};

TEST_P(MinncTrainOnQemu64, SameBytesOnACpuWithoutAvx) {
  MINN_SKIP_UNLESS_REFERENCE_TOOLCHAIN();
  if (std::system("command -v qemu-x86_64 >/dev/null 2>&1") != 0) GTEST_SKIP() << "qemu-x86_64 not installed";
  const std::string dir = ::testing::TempDir() + GetParam() + "/", models = MINN_MODELS_DIR;
  const std::string args = "train --gem " + models + "/gems/e_coli_core.xml.gz --data " + models +
                           "/ishii --epochs 3 --seed 9 --precision " + GetParam() + " -o ";
  // Same file name in two directories: the recorded command holds only the name.
  std::filesystem::create_directories(dir + "native");
  std::filesystem::create_directories(dir + "qemu64");
  ASSERT_EQ(run(args + dir + "native/m.minn", dir + "n.out", dir + "n.err"), 0) << read_all(dir + "n.err");
  const std::string command = "qemu-x86_64 -cpu qemu64 " + std::string(MINNC_PATH) + " " + args + dir +
                              "qemu64/m.minn >" + dir + "q.out 2>" + dir + "q.err";
  ASSERT_EQ(std::system(command.c_str()), 0) << read_all(dir + "q.err");
  const std::string native = read_all(dir + "native/m.minn"), emulated = read_all(dir + "qemu64/m.minn");
  ASSERT_FALSE(native.empty());
  EXPECT_TRUE(native == emulated) << "model bytes depend on the CPU's vector extensions";
}

INSTANTIATE_TEST_SUITE_P(Precision, MinncTrainOnQemu64, ::testing::Values("f64", "f32"));

TEST(ShippedModel, IsReproducedByteForByteByItsRecordedCommand) {
  MINN_SKIP_UNLESS_REFERENCE_TOOLCHAIN();
  const std::string shipped = std::string(MINN_MODELS_DIR) + "/e_coli_core.minn";
  const MinnModel m = load_model(shipped);
  // The recorded command is the canonical form of the job below.
  TrainJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  job.output_path = "e_coli_core.minn";
  job.options.seed = m.provenance.seed;
  job.options.clip_inputs = true;  // README: --clip-inputs
  job.options.normalise = FluxNormalisation::UptakeResidual;  // README: --normalise glucose-residual
  EXPECT_TRUE(m.clip_inputs);
  EXPECT_EQ(m.input_names.at(static_cast<std::size_t>(m.flux_scale_input)), "R_EX_glc__D_e_rev");
  EXPECT_EQ(m.yield_offset.size(), m.reaction_ids.size());
  ASSERT_EQ(canonical_command(job), m.provenance.command);
  const std::vector<std::uint8_t> bytes = serialize_model(run_train_job(job).model);
  const std::string file = read_all(shipped);
  ASSERT_EQ(bytes.size(), file.size());
  EXPECT_TRUE(std::equal(bytes.begin(), bytes.end(), reinterpret_cast<const std::uint8_t*>(file.data())));
  // A sensible model: training-set NE well below 1 (recorded by the trainer, checked here).
  bool found = false;
  for (const auto& [name, value] : m.provenance.training_metrics) {
    if (name != "ne_mean") continue;
    found = true;
    EXPECT_LT(value, 0.3);
  }
  EXPECT_TRUE(found);
}

// The shipped online soft sensor (README): reads only what a bioreactor measures online and the
// strain's genotype, and is reproduced by its recorded command.
TEST(ShippedOnlineModel, IsReproducedByteForByteAndReadsNoOmics) {
  MINN_SKIP_UNLESS_REFERENCE_TOOLCHAIN();
  const std::string shipped = std::string(MINN_MODELS_DIR) + "/e_coli_core_online.minn";
  const MinnModel m = load_model(shipped);
  TrainJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  job.output_path = "e_coli_core_online.minn";
  job.options.seed = m.provenance.seed;
  job.options.clip_inputs = true;
  job.options.normalise = FluxNormalisation::RidgeResidual;
  job.inputs = InputSet::Online;
  job.genotype_input = m.provenance.command.find("--genotype-input") != std::string::npos;
  ASSERT_EQ(canonical_command(job), m.provenance.command);
  const std::vector<std::uint8_t> bytes = serialize_model(run_train_job(job).model);
  const std::string file = read_all(shipped);
  ASSERT_EQ(bytes.size(), file.size());
  EXPECT_TRUE(std::equal(bytes.begin(), bytes.end(), reinterpret_cast<const std::uint8_t*>(file.data())));
  // Inputs: the four online rates, then one 0/1 input per knockout the GEM can express.
  const std::vector<std::string> rates = {"R_EX_glc__D_e_rev", "R_EX_o2_e_rev", "R_EX_co2_e_fwd",
                                          "R_BIOMASS_Ecoli_core_w_GAM"};
  ASSERT_GE(m.input_names.size(), rates.size());
  EXPECT_TRUE(std::equal(rates.begin(), rates.end(), m.input_names.begin()));
  for (std::size_t i = rates.size(); i < m.input_names.size(); ++i) {
    EXPECT_EQ(m.input_names[i].rfind("ko_R_", 0), 0u) << m.input_names[i];
    EXPECT_EQ(m.input_units[i], "0/1");
  }
  EXPECT_EQ(m.genotype_inputs.size(), m.input_names.size() - rates.size());
  // pgi's knockout closes both halves of R_PGI.
  int pgi_rows = 0;
  for (std::size_t k = 0; k < m.pin_switch_input.size(); ++k) {
    const int input = m.pin_switch_input[k];
    if (input >= 0 && m.input_names[static_cast<std::size_t>(input)] == "ko_R_PGI") {
      const std::string& id = m.reaction_ids[static_cast<std::size_t>(m.pin_reactions[k])];
      EXPECT_TRUE(id == "R_PGI_fwd" || id == "R_PGI_rev") << id;
      ++pgi_rows;
    }
  }
  EXPECT_EQ(pgi_rows, 2);
}

}  // namespace
}  // namespace minn::train
