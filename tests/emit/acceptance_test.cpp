// Acceptance of `minnc compile` for one .minn model (MINN_ACC_MODEL): the sources generated at
// build time by the real `minnc compile` (f32: MINN_ACC_NAME, int8w: MINN_ACC_NAME8) are compiled
// into this test with the host compiler and compared with the host reference -- in process
// (ReferencePredictor) and through `minnc predict` -- on the Ishii rows (when MINN_ACC_ISHII is
// defined) and 1000 random rows inside the training envelope. f32 must be bit-identical.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <unistd.h>
#include <vector>

#include MINN_ACC_HEADER
#include MINN_ACC_HEADER8
#include "emit/batch_predict.hpp"
#include "emit/reference_predictor.hpp"
#include "int8_error_bound.hpp"
#include "model/model_file.hpp"

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define F32(suffix) CAT(MINN_ACC_NAME, suffix)
#define I8(suffix) CAT(MINN_ACC_NAME8, suffix)
#define STR2(x) #x
#define STR(x) STR2(x)
// One test suite name per model, so CTest names stay unique across the acceptance executables.
#define ACCEPTANCE CAT(Acceptance_, MINN_ACC_NAME)

namespace {

namespace fs = std::filesystem;
using minn::emit::Precision;
using minn::emit::ReferencePredictor;

const minn::MinnModel& model() {
  static const minn::MinnModel m = minn::load_model(MINN_ACC_MODEL);
  return m;
}

std::vector<std::vector<float>> random_rows(int count) {
  std::mt19937 engine(2024);
  std::vector<std::vector<float>> rows;
  const minn::MinnModel& m = model();
  for (int r = 0; r < count; ++r) {
    std::vector<float> row;
    for (int i = 0; i < m.num_inputs(); ++i) {
      const double u = static_cast<double>(engine()) / 4294967296.0;
      row.push_back(static_cast<float>(m.envelope_min[i] + u * (m.envelope_max[i] - m.envelope_min[i])));
    }
    rows.push_back(row);
  }
  return rows;
}

bool same_bits(const float* a, const float* b, int n) { return std::memcmp(a, b, sizeof(float) * n) == 0; }

fs::path scratch(const std::string& what) {
  const fs::path dir = fs::temp_directory_path() /
                       ("minn_acc_" + std::string(STR(MINN_ACC_NAME)) + "_" + what + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

int run(const std::string& command) { return std::system((command + " >/dev/null 2>&1").c_str()); }

std::string read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every row through the generated f32 code and the reference; returns the generated outputs.
std::vector<std::vector<float>> compare_f32(const std::vector<std::vector<float>>& rows, int expect_status) {
  ReferencePredictor reference(model(), Precision::F32);
  F32(_workspace) ws;
  std::vector<std::vector<float>> outputs;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    std::vector<float> got(F32(_NUM_OUTPUTS)), want(F32(_NUM_OUTPUTS));
    const int status = F32(_infer)(rows[r].data(), got.data(), &ws);
    EXPECT_EQ(status, reference.infer(rows[r].data(), want.data())) << "row " << r;
    if (expect_status >= 0) {
      EXPECT_EQ(status, expect_status) << "row " << r;
    }
    EXPECT_TRUE(same_bits(got.data(), want.data(), F32(_NUM_OUTPUTS))) << "row " << r;
    outputs.push_back(got);
  }
  return outputs;
}

TEST(ACCEPTANCE, ApiMatchesTheModel) {
  EXPECT_EQ(F32(_NUM_INPUTS), model().num_inputs());
  EXPECT_EQ(F32(_NUM_OUTPUTS), model().num_outputs());
  for (int i = 0; i < model().num_inputs(); ++i) EXPECT_EQ(F32(_input_names)[i], model().input_names[i]);
  for (int k = 0; k < model().num_outputs(); ++k) {
    EXPECT_EQ(F32(_reaction_ids)[k], model().reaction_ids[k]);
    EXPECT_EQ(F32(_reaction_index)(model().reaction_ids[k].c_str()), k);
  }
  EXPECT_EQ(F32(_reaction_index)("R_not_a_reaction"), -1);
}

TEST(ACCEPTANCE, RandomRowsInsideTheEnvelopeAreBitIdentical) {
  const auto outputs = compare_f32(random_rows(1000), 0);
  int nonzero = 0;
  for (const auto& o : outputs)
    for (float v : o) nonzero += v != 0.0f;
  EXPECT_GT(nonzero, 1000 * F32(_NUM_OUTPUTS) / 4);
}

#ifdef MINN_ACC_ISHII
TEST(ACCEPTANCE, IshiiRowsAreBitIdenticalToMinncPredict) {
  const minn::emit::InputRows rows = minn::emit::load_input_rows(MINN_ACC_ISHII, model());
  ASSERT_EQ(rows.rows.size(), 29u);
  const auto outputs = compare_f32(rows.rows, -1);
  // The same rows through the `minnc predict` executable; %.9g reads back to the same float.
  const fs::path dir = scratch("predict");
  const fs::path csv = dir / "fluxes.csv";
  ASSERT_EQ(run(std::string(MINNC_PATH) + " predict " + MINN_ACC_MODEL + " --data " + MINN_ACC_ISHII +
                " -o " + csv.string()), 0);
  std::istringstream lines(read(csv));
  std::string line;
  std::getline(lines, line);
  EXPECT_EQ(line.rfind("experiment,status,", 0), 0u);
  F32(_workspace) ws;
  for (std::size_t r = 0; r < rows.rows.size(); ++r) {
    ASSERT_TRUE(std::getline(lines, line));
    std::vector<std::string> cells;
    std::stringstream cs(line);
    for (std::string cell; std::getline(cs, cell, ',');) cells.push_back(cell);
    ASSERT_EQ(cells.size(), static_cast<std::size_t>(2 + F32(_NUM_OUTPUTS)));
    EXPECT_EQ(cells[0], rows.experiments[r]);
    std::vector<float> got(F32(_NUM_OUTPUTS));
    EXPECT_EQ(std::stoi(cells[1]), F32(_infer)(rows.rows[r].data(), got.data(), &ws));
    for (int k = 0; k < F32(_NUM_OUTPUTS); ++k) {
      const float printed = std::strtof(cells[2 + k].c_str(), nullptr);
      ASSERT_TRUE(same_bits(&printed, &outputs[r][k], 1)) << rows.experiments[r] << " " << k;
    }
  }
  fs::remove_all(dir);
}

// The shipped model is trained with --clip-inputs: an input far beyond its training maximum (as
// the rpiA experiment's rpiB transcript is, 38x, when rpiA is held out) is saturated, so 38x and 2x
// the maximum give the same outputs bit for bit, with the envelope warning; the same tables without
// the flag extrapolate. Here the rpiB protein (p_b4090) of the first Ishii row.
TEST(ACCEPTANCE, ClippedModelSaturatesAnInputFarBeyondItsTrainingMaximum) {
  if (!model().clip_inputs) GTEST_SKIP() << MINN_ACC_MODEL << " is not trained with --clip-inputs";
  const minn::emit::InputRows rows = minn::emit::load_input_rows(MINN_ACC_ISHII, model());
  const auto at = std::find(model().input_names.begin(), model().input_names.end(), "p_b4090");  // rpiB
  ASSERT_NE(at, model().input_names.end());
  const int i = static_cast<int>(at - model().input_names.begin());
  ASSERT_GT(model().envelope_max[i], 0.0f);
  std::vector<float> twice = rows.rows[0], far = rows.rows[0];
  twice[i] = 2.0f * model().envelope_max[i];
  far[i] = 38.0f * model().envelope_max[i];
  F32(_workspace) ws;
  std::vector<float> a(F32(_NUM_OUTPUTS)), b(F32(_NUM_OUTPUTS)), want(F32(_NUM_OUTPUTS));
  EXPECT_EQ(F32(_infer)(twice.data(), a.data(), &ws), 1000 + i);
  EXPECT_EQ(F32(_infer)(far.data(), b.data(), &ws), 1000 + i);
  EXPECT_TRUE(same_bits(a.data(), b.data(), F32(_NUM_OUTPUTS)));
  ReferencePredictor reference(model(), Precision::F32);
  EXPECT_EQ(reference.infer(far.data(), want.data()), 1000 + i);
  EXPECT_TRUE(same_bits(b.data(), want.data(), F32(_NUM_OUTPUTS)));
  minn::MinnModel unclipped = model();
  unclipped.clip_inputs = false;
  ReferencePredictor extrapolating(unclipped, Precision::F32);
  EXPECT_EQ(extrapolating.infer(far.data(), want.data()), 1000 + i);
  EXPECT_FALSE(same_bits(b.data(), want.data(), F32(_NUM_OUTPUTS)));
}
#endif

// `minnc predict --data inputs.csv`: columns in another order than the model's, values printed
// with %.9g (exact for floats); the printed fluxes must equal the generated code's bits.
TEST(ACCEPTANCE, InputsCsvThroughMinncPredictIsBitIdentical) {
  const minn::MinnModel& m = model();
  const auto rows = random_rows(20);
  const fs::path dir = scratch("inputs_csv");
  std::string csv = "experiment";
  for (int i = m.num_inputs() - 1; i >= 0; --i) csv += "," + m.input_names[i];
  csv += "\n";
  char number[32];
  for (std::size_t r = 0; r < rows.size(); ++r) {
    csv += "row" + std::to_string(r);
    for (int i = m.num_inputs() - 1; i >= 0; --i) {
      std::snprintf(number, sizeof number, ",%.9g", static_cast<double>(rows[r][i]));
      csv += number;
    }
    csv += "\n";
  }
  std::ofstream(dir / "inputs.csv") << csv;
  ASSERT_EQ(run(std::string(MINNC_PATH) + " predict " + MINN_ACC_MODEL + " --data " + (dir / "inputs.csv").string() +
                " -o " + (dir / "out.csv").string()), 0);
  std::istringstream lines(read(dir / "out.csv"));
  std::string line;
  std::getline(lines, line);
  F32(_workspace) ws;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    ASSERT_TRUE(std::getline(lines, line));
    std::vector<std::string> cells;
    std::stringstream cs(line);
    for (std::string cell; std::getline(cs, cell, ',');) cells.push_back(cell);
    ASSERT_EQ(cells.size(), static_cast<std::size_t>(2 + F32(_NUM_OUTPUTS)));
    EXPECT_EQ(cells[0], "row" + std::to_string(r));
    std::vector<float> got(F32(_NUM_OUTPUTS));
    ASSERT_EQ(F32(_infer)(rows[r].data(), got.data(), &ws), 0);
    EXPECT_EQ(cells[1], "0");
    for (int k = 0; k < F32(_NUM_OUTPUTS); ++k) {
      const float printed = std::strtof(cells[2 + k].c_str(), nullptr);
      ASSERT_TRUE(same_bits(&printed, &got[k], 1)) << r << " " << k;
    }
  }
  fs::remove_all(dir);
}

TEST(ACCEPTANCE, NonFiniteInputsGiveTheErrorAndLeaveOutputsUnchanged) {
  F32(_workspace) ws;
  for (int i : {0, F32(_NUM_INPUTS) / 2, F32(_NUM_INPUTS) - 1}) {
    for (float bad : {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                      -std::numeric_limits<float>::infinity()}) {
      std::vector<float> in = random_rows(1)[0];
      in[i] = bad;
      std::vector<float> out(F32(_NUM_OUTPUTS), -7.25f);
      EXPECT_EQ(F32(_infer)(in.data(), out.data(), &ws), -(1 + i));
      for (float v : out) ASSERT_EQ(v, -7.25f);
    }
  }
}

// int8w tolerance per output: the quantization error bound of int8_error_bound.hpp
// (|w - scale q| <= scale/2 per weight, propagated through the layers and the K refinement
// steps) plus 1e-4 (1 + |v|) for float rounding. int8w must also match its own reference bitwise.
TEST(ACCEPTANCE, Int8wMatchesItsReferenceAndStaysWithinTheQuantizationBound) {
  const minn::MinnModel& m = model();
  ReferencePredictor reference8(m, Precision::Int8W);
  F32(_workspace) ws;
  I8(_workspace) ws8;
  double max_diff = 0.0;
  for (const auto& in : random_rows(300)) {
    std::vector<float> v32(F32(_NUM_OUTPUTS)), v8(F32(_NUM_OUTPUTS)), r8(F32(_NUM_OUTPUTS));
    ASSERT_EQ(F32(_infer)(in.data(), v32.data(), &ws), 0);
    ASSERT_EQ(I8(_infer)(in.data(), v8.data(), &ws8), 0);
    ASSERT_EQ(reference8.infer(in.data(), r8.data()), 0);
    ASSERT_TRUE(same_bits(v8.data(), r8.data(), F32(_NUM_OUTPUTS)));
    std::vector<double> scaled;
    for (int i = 0; i < m.num_inputs(); ++i) scaled.push_back((double(in[i]) - m.scaler_min[i]) / m.scaler_range[i]);
    const std::vector<double> bound = minn::test::int8w_error_bound(m, scaled);
    for (int k = 0; k < F32(_NUM_OUTPUTS); ++k) {
      const double diff = std::fabs(double(v8[k]) - double(v32[k]));
      ASSERT_LE(diff, bound[k] + 1e-4 * (1.0 + std::fabs(double(v32[k])))) << "output " << k;
      max_diff = std::max(max_diff, diff);
    }
  }
  EXPECT_GT(max_diff, 0.0);
}

TEST(ACCEPTANCE, RegeneratingGivesByteIdenticalFiles) {
  const fs::path a = scratch("regen_a"), b = scratch("regen_b");
  const std::string name = STR(MINN_ACC_NAME);
  for (const fs::path& dir : {a, b}) {
    ASSERT_EQ(run(std::string(MINNC_PATH) + " compile " + MINN_ACC_MODEL + " --name " + name + " --out " +
                  dir.string()), 0);
  }
  for (const std::string suffix : {".h", ".hpp", ".cpp", "_report.json", ".md"}) {
    const std::string file = name + suffix;
    const std::string first = read(a / file);
    EXPECT_FALSE(first.empty()) << file;
    EXPECT_TRUE(first == read(b / file)) << file;
    EXPECT_TRUE(first == read(fs::path(MINN_ACC_GEN_DIR) / file)) << file << " differs from the build's";
  }
  fs::remove_all(a);
  fs::remove_all(b);
}

TEST(ACCEPTANCE, CorruptOrIncompatibleModelsWriteNoFiles) {
  const std::string bytes = read(MINN_ACC_MODEL);
  ASSERT_GT(bytes.size(), 64u);
  const fs::path dir = scratch("corrupt");
  struct Case {
    std::string what, content, name;
  };
  std::string flipped = bytes;
  flipped[bytes.size() / 2] = static_cast<char>(flipped[bytes.size() / 2] ^ 0x5a);
  std::string wrong_id = bytes;
  std::memcpy(&wrong_id[4], "NNIM", 4);
  const std::vector<Case> cases = {
      {"truncated", bytes.substr(0, bytes.size() - 1), "m"},
      {"flipped", flipped, "m"},
      {"identifier", wrong_id, "m"},
      {"empty", "", "m"},
      {"bad_name", bytes, "9-lives"},
  };
  for (const Case& c : cases) {
    const fs::path model = dir / (c.what + ".minn");
    std::ofstream(model, std::ios::binary) << c.content;
    const fs::path out = dir / ("out_" + c.what);
    const fs::path log = dir / (c.what + ".log");
    const int status = std::system((std::string(MINNC_PATH) + " compile " + model.string() + " --name '" +
                                    c.name + "' --out " + out.string() + " >" + log.string() + " 2>&1").c_str());
    EXPECT_NE(status, 0) << c.what;
    EXPECT_FALSE(fs::exists(out)) << c.what << ": files were written";
    const std::string message = read(log);
    EXPECT_NE(message.find("error"), std::string::npos) << c.what << ": " << message;
    if (c.what == "bad_name") {
      EXPECT_NE(message.find("expected a C identifier"), std::string::npos) << message;
    } else {
      EXPECT_NE(message.find(model.filename().string()), std::string::npos) << c.what << ": " << message;
    }
  }
  fs::remove_all(dir);
}

}  // namespace
