// `minnc hil` end to end on GENERATED code: the real command (MINNC_PATH) on a synthetic model and,
// once it ships, on models/e_coli_core.minn with the 29 Ishii rows. Requirements checked from the
// per-target JSON reports: every vector bit-identical with the host reference (data rows, 1000
// random rows in the envelope, rows far beyond it with warnings, NaN/+Inf/-Inf rows with error
// statuses), instruction counts equal between runs (and between inputs on FPU cores), no heap,
// flash and RAM inside the part.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "data/ishii_dataset.hpp"
#include "model/model_file.hpp"
#include "normalised_model.hpp"
#include "synthetic_model.hpp"

namespace {

namespace fs = std::filesystem;

struct CommandResult {
  int exit_code = -1;
  std::string output;
};

CommandResult run(const std::string& command) {
  CommandResult r;
  FILE* pipe = popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return r;
  char buf[4096];
  while (std::fgets(buf, sizeof buf, pipe) != nullptr) r.output += buf;
  int status = pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string read_text(const std::string& path) {
  std::ifstream in(path);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// The raw JSON text after `"key": ` (reports are flat enough: keys are unique per file).
std::string field(const std::string& json, const std::string& key) {
  auto at = json.find("\"" + key + "\": ");
  if (at == std::string::npos) return "<missing " + key + ">";
  auto start = at + key.size() + 4;
  auto end = json.find_first_of(",\n}", start);
  return json.substr(start, end - start);
}

long long number(const std::string& json, const std::string& key) {
  return std::atoll(field(json, key).c_str());
}

// A plant-loop report's intracellular NE outside fault windows; NaN (and a failure) when missing.
double outside_faults_ne(const std::string& json) {
  const std::string text = field(json, "outside_faults_mean");
  if (text.rfind("<missing", 0) == 0) {
    ADD_FAILURE() << "no outside_faults_mean in\n" << json.substr(0, 1000);
    return std::nan("");
  }
  return std::strtod(text.c_str(), nullptr);
}

// A test-name suffix from a target name ("cortex-m4" -> "cortex_m4").
std::string test_suffix(std::string name) {
  for (auto& ch : name)
    if (ch == '-') ch = '_';
  return name;
}

void check_report(const std::string& path, long long vectors, bool fpu_constant_counts) {
  SCOPED_TRACE(path);
  ASSERT_TRUE(fs::exists(path));
  const std::string json = read_text(path);
  EXPECT_EQ(number(json, "vectors"), vectors);
  EXPECT_EQ(number(json, "bit_identical"), vectors);
  EXPECT_EQ(number(json, "status_mismatches"), 0);
  EXPECT_EQ(field(json, "error"), "3");  // the NaN, +Inf and -Inf rows
  // The rows far beyond the envelope, and the denormal/+-FLT_MAX/+-1e30 rows that are outside it.
  EXPECT_GE(number(json, "envelope"), 3);
  EXPECT_LE(number(json, "envelope"), 3 + 6);
  EXPECT_EQ(field(json, "heap_free"), "true");
  EXPECT_EQ(field(json, "identical_across_runs"), "true");
  if (fpu_constant_counts) {
    EXPECT_EQ(field(json, "identical_across_inputs"), "true");
  }
  if (field(json, "kind") == "\"baremetal\"") {
    EXPECT_GT(number(json, "flash_bytes"), 0);
    EXPECT_LE(number(json, "flash_bytes"), number(json, "flash_region_bytes"));
    EXPECT_LE(number(json, "ram_bytes"), number(json, "ram_region_bytes"));
    EXPECT_GT(number(json, "stack_measured_bytes"), 0);
    // The generator's static bound (stack_bound.bytes, the report's first "bytes" key) holds.
    EXPECT_GT(number(json, "bytes"), 0);
    EXPECT_LE(number(json, "stack_measured_bytes"), number(json, "bytes"));
  }
}

// `minnc hil` on `m`, saved as MINN_HIL_WORK_DIR/NAME/NAME.minn; reports in NAME/reports.
struct HilRun {
  CommandResult result;
  fs::path work;
  std::string reports;
};

HilRun run_hil(const minn::MinnModel& m, const std::string& name, const std::string& options) {
  HilRun h;
  h.work = fs::path(MINN_HIL_WORK_DIR) / name;
  fs::create_directories(h.work);
  const std::string model = (h.work / (name + ".minn")).string();
  minn::save_model(m, model);
  h.reports = (h.work / "reports").string();
  fs::remove_all(h.reports);
  h.result = run(std::string(MINNC_PATH) + " hil " + model + " " + options + " --work-dir " +
                 (h.work / "build").string() + " --report-dir " + h.reports);
  return h;
}

TEST(GeneratedHil, SyntheticModelOnM4FM3AndLinuxArm) {
  const HilRun h = run_hil(minn::test::make_synthetic_model({}), "synthetic",
                           "--target cortex-m4,cortex-m3,linux-arm");
  const CommandResult& r = h.result;
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("| cortex-m4 | mps2-an386 | 1012 | 1012/1012 |"), std::string::npos) << r.output;
  check_report(h.reports + "/cortex-m4.json", 1012, true);
  check_report(h.reports + "/cortex-m3.json", 1012, false);
  check_report(h.reports + "/linux-arm.json", 1012, true);
}

// Uptake normalisation (residual form) in generated code on the Cortex-M4F: the outputs scaled by
// raw input x9 (envelope [1, 11]), bit-identical with the host reference, including the rows far
// beyond the envelope (x9 far below 0 there too: V0 = 0, then the refinement).
TEST(GeneratedHil, NormalisedSyntheticModelOnM4F) {
  const HilRun h = run_hil(minn::test::uptake_normalised(minn::test::make_synthetic_model({}), 9),
                           "synthetic_normalised", "--no-breakdown --target cortex-m4");
  const CommandResult& r = h.result;
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("| cortex-m4 | mps2-an386 | 1012 | 1012/1012 |"), std::string::npos) << r.output;
  check_report(h.reports + "/cortex-m4.json", 1012, true);
  const std::string source = read_text(
      (h.work / "build" / "synthetic_normalised" / "src" / "synthetic_normalised.cpp").string());
  EXPECT_NE(source.find("minn::scale_by_input(out, 17, in[9]);"), std::string::npos);
}

TEST(GeneratedHil, BadOptionsGiveOneClearError) {
  const fs::path work = fs::path(MINN_HIL_WORK_DIR) / "synthetic";
  fs::create_directories(work);
  const std::string model = (work / "synthetic-bad.minn").string();
  minn::save_model(minn::test::make_synthetic_model({}), model);
  CommandResult r = run(std::string(MINNC_PATH) + " hil " + model + " --target cortex-m99");
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("unknown HIL target 'cortex-m99'"), std::string::npos) << r.output;
  r = run(std::string(MINNC_PATH) + " hil " + model + " --target host --data " + MINN_MODELS_DIR + "/ishii");
  EXPECT_EQ(r.exit_code, 1);  // the synthetic model's inputs x0.. are not Ishii columns
  EXPECT_NE(r.output.find("minnc: error:"), std::string::npos) << r.output;
}

// A synthetic model with the Ishii inputs (names and envelope from models/ishii) and a few central
// reaction ids: exercises --data DIR, --show and the headline line before the trained model ships.
TEST(GeneratedHil, IshiiRowsAndFluxTableOnSyntheticIshiiShapedModel) {
  const minn::IshiiInputs ishii = minn::load_ishii_inputs(std::string(MINN_MODELS_DIR) + "/ishii");
  minn::test::SyntheticModelSpec spec;
  spec.inputs = static_cast<int>(ishii.input_names.size());
  minn::MinnModel m = minn::test::make_synthetic_model(spec);
  m.input_names = ishii.input_names;
  m.input_units = ishii.input_units;
  for (int i = 0; i < spec.inputs; ++i) {
    const float lo = static_cast<float>(ishii.inputs.col(i).minCoeff());
    const float hi = static_cast<float>(ishii.inputs.col(i).maxCoeff());
    m.envelope_min[static_cast<std::size_t>(i)] = lo;
    m.envelope_max[static_cast<std::size_t>(i)] = hi;
    m.scaler_min[static_cast<std::size_t>(i)] = lo;
    m.scaler_range[static_cast<std::size_t>(i)] = hi > lo ? hi - lo : 1.0f;
  }
  m.reaction_ids[0] = "R_PGI_fwd";
  m.reaction_ids[1] = "R_PFK";
  const fs::path work = fs::path(MINN_HIL_WORK_DIR) / "ishii_shaped";
  fs::create_directories(work);
  const std::string model = (work / "ishii_shaped.minn").string();
  minn::save_model(m, model);
  CommandResult r = run(std::string(MINNC_PATH) + " hil " + model + " --data " + MINN_MODELS_DIR +
                        "/ishii --show REF,pgi --random 10 --target cortex-m4 --work-dir " + (work / "build").string() +
                        " --report-dir " + (work / "reports").string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("| reaction | REF | pgi |"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("| R_PGI_fwd |"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("| R_PFK |"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("29/29 bit-identical\n"), std::string::npos) << r.output;
  check_report((work / "reports" / "cortex-m4.json").string(), 29 + 10 + 3 + 3 + 6, true);
  r = run(std::string(MINNC_PATH) + " hil " + model + " --data " + MINN_MODELS_DIR +
          "/ishii --show nosuch --target cortex-m4 --work-dir " + (work / "build").string());
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.output.find("--show 'nosuch': no such row"), std::string::npos) << r.output;
}

// SLOW (the soft-float M3 case runs about 7e9 guest instructions: ~40 s on 2 cores). One test per
// target so ctest -j runs them side by side; --no-breakdown: the dense-only build is covered by
// the synthetic test.
class EColiCoreHil : public ::testing::TestWithParam<std::string> {};

TEST_P(EColiCoreHil, IshiiRandomAndNonFiniteRowsBitIdentical) {
  const std::string model = std::string(MINN_MODELS_DIR) + "/e_coli_core.minn";
  if (!fs::exists(model)) GTEST_SKIP() << model << " is not trained yet";
  const std::string target = GetParam();
  // One work folder per target: the targets run as parallel CTest processes.
  const fs::path work = fs::path(MINN_HIL_WORK_DIR) / "e_coli_core";
  const std::string reports = (work / ("reports-" + target)).string();
  fs::remove_all(reports);
  CommandResult r = run(std::string(MINNC_PATH) + " hil " + model + " --data " + MINN_MODELS_DIR +
                        "/ishii --no-breakdown --target " + target + " --work-dir " + (work / ("build-" + target)).string() +
                        " --report-dir " + reports);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find(target + " vs host reference on " + MINN_MODELS_DIR + "/ishii: 29/29 bit-identical"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("random rows in the envelope: 1000/1000 bit-identical"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("NaN/+Inf/-Inf rows: 3/3 bit-identical, 3 error statuses"), std::string::npos) << r.output;
  // 37 ranges beyond the envelope: the shipped model clips them (minn::clip_unit) on both sides.
  EXPECT_NE(r.output.find("rows beyond the envelope: 3/3 bit-identical, 3 envelope warnings"), std::string::npos)
      << r.output;
  // The glucose uptake (the flux-scaling input) at +-denormal, +-FLT_MAX, +-1e30: all outside its
  // envelope (status 1139), outputs computed and equal to the host's, which fuzz_infer checks finite.
  EXPECT_NE(r.output.find("denormal/+-FLT_MAX/+-1e30 rows: 6/6 bit-identical, 6 envelope warnings"),
            std::string::npos)
      << r.output;
  // Soft float (M3): counts depend on the data; FPU targets: one count for every input.
  check_report(reports + "/" + target + ".json", 29 + 1000 + 3 + 3 + 6, target != "cortex-m3");
}

// The shipped online soft sensor on Cortex-M4F over the 29 experiments: its inputs (rates and
// genotype) come from the dataset directory; knockout strains switch their bounds on the target.
TEST(EColiCoreOnlineHil, IshiiRowsBitIdenticalOnM4F) {
  const std::string model = std::string(MINN_MODELS_DIR) + "/e_coli_core_online.minn";
  const fs::path work = fs::path(MINN_HIL_WORK_DIR) / "e_coli_core_online";
  const std::string reports = (work / "reports").string();
  fs::remove_all(reports);
  CommandResult r = run(std::string(MINNC_PATH) + " hil " + model + " --data " + MINN_MODELS_DIR +
                        "/ishii --no-breakdown --show REF,pgi --target cortex-m4 --work-dir " + (work / "build").string() +
                        " --report-dir " + reports);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("cortex-m4 vs host reference on " + std::string(MINN_MODELS_DIR) + "/ishii: 29/29 bit-identical"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("random rows in the envelope: 1000/1000 bit-identical"), std::string::npos) << r.output;
  EXPECT_NE(r.output.find("NaN/+Inf/-Inf rows: 3/3 bit-identical, 3 error statuses"), std::string::npos) << r.output;
  // The pgi strain's R_PGI carries no flux on the target (its genotype input closes both halves).
  const std::size_t row = r.output.find("| R_PGI_fwd | ");
  ASSERT_NE(row, std::string::npos) << r.output;
  const std::string line = r.output.substr(row, r.output.find('\n', row) - row);  // | R_PGI_fwd | REF | pgi |
  const std::size_t last = line.rfind(" |", line.size() - 3);
  EXPECT_EQ(line.substr(last), " | 0.0000 |") << line;
  EXPECT_EQ(line.find("| R_PGI_fwd | 0.0000 |"), std::string::npos) << line;  // REF has flux
  // The knockout loop branches on the genotype, so counts may differ between rows.
  check_report(reports + "/cortex-m4.json", 29 + 1000 + 3 + 3 + 6, false);
}

// A model without clipped inputs (the shipped soft-sensor surrogate) at finite extremes: +-denormal,
// +-FLT_MAX and +-1e30 glucose uptake give the envelope status and finite outputs, bit for bit as
// the host, on the FPU and the soft-float core (minn::saturate_scaled keeps the hidden layer finite).
class ExtremeInputsHil : public ::testing::TestWithParam<std::string> {};

TEST_P(ExtremeInputsHil, UnclippedSurrogateGivesStatusAndFiniteOutputs) {
  const std::string target = GetParam();
  const fs::path work = fs::path(MINN_HIL_WORK_DIR) / ("extreme_" + target);
  const std::string reports = (work / "reports").string();
  fs::remove_all(reports);
  CommandResult r = run(std::string(MINNC_PATH) + " hil " + MINN_MODELS_DIR +
                        "/e_coli_core_surrogate_optimal.minn --random 50 --no-breakdown --target " + target +
                        " --work-dir " + (work / "build").string() + " --report-dir " + reports);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("denormal/+-FLT_MAX/+-1e30 rows: 6/6 bit-identical, 6 envelope warnings, 0 without a "
                          "finite result"),
            std::string::npos)
      << r.output;
  const std::string source = read_text((work / "build" / "e_coli_core_surrogate_optimal" / "src" /
                                        "e_coli_core_surrogate_optimal.cpp").string());
  EXPECT_NE(source.find("minn::saturate_scaled("), std::string::npos);
  check_report(reports + "/" + target + ".json", 50 + 3 + 3 + 6, target != "cortex-m3");
}

INSTANTIATE_TEST_SUITE_P(Targets, ExtremeInputsHil, ::testing::Values("cortex-m4", "cortex-m3"),
                         [](const auto& info) { return test_suffix(info.param); });

// The streaming soft sensor against the simulated bioreactor (short scenarios, faults included):
// every sample bit-identical with the host, no NaN output, every fault flagged (exit code 0), the
// report files written, and the accuracy goal: intracellular NE against the plant's truth
// <= 0.10 outside fault windows (the shipped growth-optimal surrogate; measured 0.015 and 0.017).
class PlantLoopHil : public ::testing::TestWithParam<std::string> {};

TEST_P(PlantLoopHil, SurrogateOnM4FBitIdenticalAtEverySample) {
  const std::string scenario = std::string(MINN_MODELS_DIR) + "/scenarios/" + GetParam() + ".txt";
  const fs::path work = fs::path(MINN_HIL_WORK_DIR) / ("plant_" + GetParam());
  const fs::path reports = work / "reports";
  fs::remove_all(reports);
  CommandResult r = run(std::string(MINNC_PATH) + " hil " + MINN_MODELS_DIR + "/e_coli_core_surrogate_optimal.minn --plant " +
                        scenario + " --target cortex-m4 --trace 1 --plot R_CS,R_PGI_fwd --work-dir " + (work / "build").string() +
                        " --report-dir " + reports.string());
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find("bit-identical with the host reference, no NaN output"), std::string::npos) << r.output;
  EXPECT_EQ(r.output.find("NOT FLAGGED"), std::string::npos) << r.output;
  for (const char* fault : {"fault dropout:", "fault spike:", "fault stuck_offgas", "fault pump_stop"})
    EXPECT_NE(r.output.find(fault), std::string::npos) << fault << "\n" << r.output;
  // --trace 1 over 6 h: a header naming the plotted reactions, then rows at 0, 1, ..., 6 h.
  EXPECT_NE(r.output.find("time h | quality                  |     NE | R_CS "), std::string::npos) << r.output;
  for (const char* row : {"\n    0.00 | ", "\n    3.00 | ", "\n    6.00 | "})
    EXPECT_NE(r.output.find(row), std::string::npos) << row << "\n" << r.output;
  EXPECT_EQ(r.output.find("\n    6.05 | "), std::string::npos) << r.output;
  for (const char* ext : {".json", ".csv", ".svg"}) EXPECT_TRUE(fs::exists(reports / (std::string("plant-mps2-an386") + ext))) << ext;
  const double ne = outside_faults_ne(read_text((reports / "plant-mps2-an386.json").string()));
  EXPECT_GT(ne, 0.0);
  EXPECT_LE(ne, 0.10);
}

INSTANTIATE_TEST_SUITE_P(Scenarios, PlantLoopHil, ::testing::Values("chemostat_short", "fed_batch_short"));

// The soft sensor must beat the simple baseline in the loop, not only on paper: least squares from
// the same four rates on the same samples, trained knowing the same growth-rate noise (`minnc
// surrogate --baseline linear`), run through the same generated sensor step against the same plant.
double plant_ne(const std::string& model, const std::string& scenario, const fs::path& work) {
  const fs::path reports = work / "reports";
  fs::remove_all(reports);
  CommandResult r = run(std::string(MINNC_PATH) + " hil " + model + " --plant " + std::string(MINN_MODELS_DIR) +
                        "/scenarios/" + scenario + ".txt --target cortex-m4 --work-dir " + (work / "build").string() +
                        " --report-dir " + reports.string());
  EXPECT_EQ(r.exit_code, 0) << r.output;
  return outside_faults_ne(read_text((reports / "plant-mps2-an386.json").string()));
}

TEST(PlantLoopBaseline, ShippedSurrogateBeatsTheLinearBaselineOnTheFedBatch) {
  const fs::path work = fs::path(MINN_HIL_WORK_DIR) / "plant_baseline";
  fs::create_directories(work);
  const std::string shipped = std::string(MINN_MODELS_DIR) + "/e_coli_core_surrogate_optimal.minn";
  const std::string command = minn::load_model(shipped).provenance.command;
  // The shipped model's own sampling, rates, noise and seed, with --baseline linear.
  const std::string prefix = "minnc surrogate --gem e_coli_core.xml.gz --data ishii ";
  ASSERT_EQ(command.rfind(prefix, 0), 0u) << command;
  const std::string options = command.substr(prefix.size(), command.rfind(" -o ") - prefix.size());
  const std::string baseline = (work / "linear_baseline.minn").string();
  CommandResult r = run(std::string(MINNC_PATH) + " surrogate --gem " + MINN_MODELS_DIR + "/gems/e_coli_core.xml.gz --data " +
                        MINN_MODELS_DIR + "/ishii " + options + " --baseline linear -o " + baseline);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  const double model = plant_ne(shipped, "fed_batch_short", work / "model");
  const double linear = plant_ne(baseline, "fed_batch_short", work / "linear");
  EXPECT_LT(model, 0.75 * linear) << "surrogate " << model << ", linear baseline " << linear;
}

INSTANTIATE_TEST_SUITE_P(Targets, EColiCoreHil, ::testing::Values("cortex-m4", "cortex-m3", "linux-arm"),
                         [](const auto& info) { return test_suffix(info.param); });

}  // namespace

// Fixed point on the shipped model, next to the portable kernels in the same run (--compare-kernels):
// q7 on the Cortex-M0 (the part class it is for: 256 KB flash, 16 KB RAM), q15 with SMLAD on the
// M4F. Both kernel sets bit-identical with the host reference; the fast ones take fewer instructions.
struct FixedCase {
  std::string target, precision;
};

class EColiCoreFixedHil : public ::testing::TestWithParam<FixedCase> {};

TEST_P(EColiCoreFixedHil, BothKernelSetsBitIdenticalFastOnesCheaper) {
  const std::string model = std::string(MINN_MODELS_DIR) + "/e_coli_core.minn";
  if (!fs::exists(model)) GTEST_SKIP() << model << " is not trained yet";
  const FixedCase c = GetParam();
  const fs::path work = fs::path(MINN_HIL_WORK_DIR) / "e_coli_core";
  const std::string tag = c.target + "-" + c.precision;
  const std::string reports = (work / ("reports-" + tag)).string();
  fs::remove_all(reports);
  CommandResult r = run(std::string(MINNC_PATH) + " hil " + model + " --data " + MINN_MODELS_DIR +
                        "/ishii --random 200 --no-breakdown --compare-kernels --precision " + c.precision + " --target " + c.target +
                        " --work-dir " + (work / ("build-" + tag)).string() + " --report-dir " + reports);
  ASSERT_EQ(r.exit_code, 0) << r.output;
  EXPECT_NE(r.output.find(c.target + " vs host reference on " + MINN_MODELS_DIR + "/ishii: 29/29 bit-identical"),
            std::string::npos)
      << r.output;
  const std::string path = reports + "/" + c.target + ".json";
  check_report(path, 29 + 200 + 3 + 3 + 6, false);
  const std::string json = read_text(path);
  const std::size_t portable = json.find("\"portable_kernels\": {");
  ASSERT_NE(portable, std::string::npos) << json;
  const std::string p = json.substr(portable);
  EXPECT_EQ(number(p, "bit_identical"), 29 + 200 + 3 + 3 + 6);
  const std::size_t fast_max = json.find("\"max\": ");
  const std::size_t portable_max = p.find("\"max\": ");
  ASSERT_NE(fast_max, std::string::npos);
  ASSERT_NE(portable_max, std::string::npos);
  EXPECT_LT(std::atoll(json.c_str() + fast_max + 7), std::atoll(p.c_str() + portable_max + 7));
}

INSTANTIATE_TEST_SUITE_P(Targets, EColiCoreFixedHil,
                         ::testing::Values(FixedCase{"cortex-m0", "q7"}, FixedCase{"cortex-m4", "q15"}),
                         [](const auto& info) { return test_suffix(info.param.target + "_" + info.param.precision); });
