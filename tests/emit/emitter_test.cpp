// Emitter unit tests: determinism, name validation, rejection of bad models, report numbers
// (expected values computed by hand from the fixture's dimensions).
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <limits>
#include <regex>
#include <string>

#include "common/error.hpp"
#include "emit/c_source.hpp"
#include "emit/emitter.hpp"
#include "emit/reference_predictor.hpp"
#include "random_model.hpp"

namespace {

using minn::emit::EmitOptions;
using minn::emit::generate;
using minn::emit::Precision;

const minn::test::RandomModelSpec kSpec{37, 61, 45, 23, 5, 8, 7};

EmitOptions options(const std::string& name, Precision p = Precision::F32) {
  EmitOptions o;
  o.name = name;
  o.precision = p;
  o.model_sha256 = std::string(64, 'a');
  return o;
}

std::string file(const std::vector<minn::emit::GeneratedFile>& files, const std::string& name) {
  for (const auto& f : files) {
    if (f.filename == name) return f.content;
  }
  ADD_FAILURE() << "no generated file " << name;
  return {};
}

std::string error_of(const minn::MinnModel& m, const std::string& name = "m") {
  try {
    generate(m, options(name));
  } catch (const minn::Error& e) {
    return e.what();
  }
  return "no error";
}

TEST(Emitter, RegeneratingGivesByteIdenticalFiles) {
  for (Precision p : {Precision::F32, Precision::Int8W}) {
    const auto a = generate(minn::test::make_random_model(kSpec), options("m", p));
    const auto b = generate(minn::test::make_random_model(kSpec), options("m", p));
    ASSERT_EQ(a.size(), 5u);
    for (std::size_t i = 0; i < a.size(); ++i) {
      EXPECT_EQ(a[i].filename, b[i].filename);
      EXPECT_TRUE(a[i].content == b[i].content) << a[i].filename;
    }
  }
}

TEST(Emitter, BannerNamesShaAndVersionButNoPathOrTime) {
  const auto files = generate(minn::test::make_random_model(kSpec), options("m"));
  for (const auto& f : files) {
    if (f.filename.find("report") != std::string::npos) continue;
    const std::string head = f.content.substr(0, 400);
    EXPECT_NE(head.find(std::string(64, 'a')), std::string::npos) << f.filename;
    EXPECT_EQ(f.content.find("/work"), std::string::npos) << f.filename;
    EXPECT_EQ(head.find("UTC"), std::string::npos) << f.filename;
    EXPECT_FALSE(std::regex_search(head, std::regex("[0-9]:[0-9][0-9]"))) << f.filename;  // no time
  }
  const std::string cpp = file(files, "m.cpp");
  EXPECT_NE(cpp.find("minnc 0.1.0"), std::string::npos);
  EXPECT_NE(cpp.find("Layer 0 'hidden': 37 -> 61, ReLU"), std::string::npos);
  EXPECT_NE(cpp.find("const uint8_t kSCol["), std::string::npos);  // 45 reactions fit in 8 bits
  EXPECT_EQ(cpp.find("Eigen"), std::string::npos);
}

// The saturation is emitted right after scale_inputs for a model trained with clipped inputs,
// and nowhere for one without (its generated code is unchanged).
TEST(Emitter, EmitsTheInputClipOnlyForModelsWithTheFlag) {
  for (Precision p : {Precision::F32, Precision::Int8W}) {
    minn::MinnModel m = minn::test::make_random_model(kSpec);
    const std::string plain = file(generate(m, options("m", p)), "m.cpp");
    EXPECT_EQ(plain.find("clip_unit"), std::string::npos);
    EXPECT_NE(file(generate(m, options("m", p)), "m_report.json").find("\"clip_inputs\": false"),
              std::string::npos);
    m.clip_inputs = true;
    const auto files = generate(m, options("m", p));
    const std::string clipped = file(files, "m.cpp");
    const std::size_t scale = clipped.find("  minn::scale_inputs(in, 37, kScalerMin, kScalerRange, ws);\n");
    ASSERT_NE(scale, std::string::npos) << clipped;
    const std::string next = clipped.substr(clipped.find('\n', scale) + 1, 160);
    EXPECT_EQ(next.rfind("  // Trained with clipped inputs", 0), 0u) << next;
    EXPECT_NE(next.find("\n  minn::clip_unit(ws, 37);\n"), std::string::npos) << next;
    EXPECT_EQ(clipped.find("clip_unit", clipped.find("clip_unit") + 1), std::string::npos);  // once
    EXPECT_NE(file(files, "m_report.json").find("\"clip_inputs\": true"), std::string::npos);
  }
}

TEST(Emitter, ReportCountsBytesAndMacs) {
  const auto files = generate(minn::test::make_random_model(kSpec), options("m"));
  const std::string json = file(files, "m_report.json");
  // Workspace: max(37 inputs + 61 hidden, 2 * 45 reactions + 23 metabolites) = 113 floats.
  EXPECT_NE(json.find("\"workspace_bytes\": 452"), std::string::npos);
  // Dense MACs 37*61 + 61*45 = 5002.
  EXPECT_NE(json.find("\"dense\": 5002"), std::string::npos);
  // Hidden weights: 64 rows (61 padded to panels of 8) * 37 * 4 bytes = 9472.
  EXPECT_NE(json.find("\"kLayer0Weights\": {\"type\": \"float\", \"count\": 2368, \"bytes\": 9472}"),
            std::string::npos);
  const auto q = generate(minn::test::make_random_model(kSpec), options("m", Precision::Int8W));
  const std::string qjson = file(q, "m_report.json");
  EXPECT_NE(qjson.find("\"kLayer0Weights\": {\"type\": \"int8_t\", \"count\": 2368, \"bytes\": 2368}"),
            std::string::npos);
  EXPECT_NE(file(q, "m.md").find("weights int8w / f32"), std::string::npos);
}

TEST(Emitter, RejectsNamesThatAreNotCIdentifiers) {
  const minn::MinnModel m = minn::test::make_random_model(kSpec);
  for (const char* bad : {"", "9lives", "my-model", "has space", "int", "namespace", "minn", "__x",
                          "_Upper", "a.b"}) {
    std::string message;
    try {
      generate(m, options(bad));
    } catch (const minn::Error& e) {
      message = e.what();
    }
    EXPECT_NE(message.find("--name '" + std::string(bad) + "'"), std::string::npos) << bad;
  }
  EXPECT_NO_THROW(generate(m, options("ecoli_core_v2")));
}

TEST(Emitter, RejectsInconsistentModelsWithClearMessages) {
  const minn::MinnModel good = minn::test::make_random_model(kSpec);
  {
    auto m = good;
    m.layers[0].weights.pop_back();
    EXPECT_EQ(error_of(m), "model: layer 0 'hidden' weights has 2256 values, expected 2257");
  }
  {
    auto m = good;
    m.layers[1].in = 60;
    EXPECT_EQ(error_of(m), "model: layer 1 'output' takes 60 inputs, expected 61 (the previous width)");
  }
  {
    auto m = good;
    m.layers[1].bias[3] = std::numeric_limits<float>::quiet_NaN();
    EXPECT_EQ(error_of(m), "model: layer 1 'output' bias[3] is not finite");
  }
  {
    auto m = good;
    m.reaction_ids.pop_back();
    EXPECT_NE(error_of(m).find("expected 44 (one per reaction id)"), std::string::npos);
  }
  {
    auto m = good;
    m.S.col_index[2] = 45;
    EXPECT_NE(error_of(m).find("column index 45 out of range or not increasing"), std::string::npos);
  }
  {
    auto m = good;
    m.pin_reactions[1] = -1;
    EXPECT_EQ(error_of(m), "model: Pin row 1 selects reaction -1, expected 0..44");
  }
  {
    auto m = good;
    m.scaler_min.pop_back();
    EXPECT_EQ(error_of(m), "model: scaler_min has 36 values, expected 37");
  }
}

TEST(Emitter, WriteFilesNamesAnUnwritableDirectory) {
  const std::string blocker = ::testing::TempDir() + "minn_emit_blocker";
  { std::ofstream(blocker) << "a file, not a directory"; }
  std::string message;
  try {
    minn::emit::write_files(blocker + "/out", {{"x.h", "int x;"}});
  } catch (const minn::Error& e) {
    message = e.what();
  }
  EXPECT_NE(message.find(blocker + "/out: cannot create the output directory"), std::string::npos) << message;
  std::remove(blocker.c_str());
}

TEST(CSource, FloatLiteralsReadBackExactly) {
  for (float v : {0.0f, -0.0f, 1.0f, 0.1f, -3.4028235e38f, 1.17549435e-38f, 1.4e-45f, 123.456f}) {
    const std::string text = minn::emit::float_literal(v);
    ASSERT_EQ(text.back(), 'f');
    const float back = std::strtof(text.substr(0, text.size() - 1).c_str(), nullptr);
    EXPECT_EQ(std::memcmp(&back, &v, sizeof v), 0) << text;
  }
  EXPECT_EQ(minn::emit::float_literal(std::numeric_limits<float>::infinity()),
            "std::numeric_limits<float>::infinity()");
  EXPECT_EQ(minn::emit::c_string_literal("a\"b\\c\n"), "\"a\\\"b\\\\c\\012\"");
}

TEST(ReferencePredictor, MatchesAnIndependentDoublePrecisionForwardPass) {
  const minn::MinnModel m = minn::test::make_random_model(kSpec);
  minn::emit::ReferencePredictor ref(m, Precision::F32);
  std::vector<float> in(37);
  for (int i = 0; i < 37; ++i) in[i] = m.envelope_min[i] + 0.37f * (m.envelope_max[i] - m.envelope_min[i]);
  std::vector<float> out(45);
  ASSERT_EQ(ref.infer(in.data(), out.data()), 0);
  // Double-precision MINN straight from the paper's formulas.
  std::vector<double> a(37);
  for (int i = 0; i < 37; ++i) a[i] = (double(in[i]) - m.scaler_min[i]) / m.scaler_range[i];
  for (const auto& l : m.layers) {
    std::vector<double> z(l.out);
    for (int r = 0; r < l.out; ++r) {
      double acc = l.bias[r];
      for (int j = 0; j < l.in; ++j) acc += double(l.weights[r * l.in + j]) * a[j];
      z[r] = l.activation == minn::Activation::Relu ? std::max(acc, 0.0) : acc;
    }
    a = z;
  }
  std::vector<double> v = a, d(45, 0.0);
  const auto& s = m.S;
  for (int step = 0; step < m.refinement.steps; ++step) {
    std::vector<double> sv(s.rows, 0.0), g(45, 0.0);
    for (int r = 0; r < s.rows; ++r)
      for (int k = s.row_ptr[r]; k < s.row_ptr[r + 1]; ++k) sv[r] += s.values[k] * v[s.col_index[k]];
    for (int r = 0; r < s.rows; ++r)
      for (int k = s.row_ptr[r]; k < s.row_ptr[r + 1]; ++k) g[s.col_index[k]] += 2.0 / s.rows * s.values[k] * sv[r];
    for (std::size_t k = 0; k < m.pin_reactions.size(); ++k) {
      const int c = m.pin_reactions[k];
      g[c] += 2.0 / m.pin_reactions.size() * std::max(v[c] - double(m.default_vin[k]), 0.0);
    }
    for (int c = 0; c < 45; ++c) {
      g[c] -= 2.0 / 45 * std::max(-v[c], 0.0);
      d[c] = m.refinement.momentum * d[c] - m.refinement.step_size * g[c];
      v[c] += d[c];
    }
  }
  for (int c = 0; c < 45; ++c) EXPECT_NEAR(out[c], v[c], 1e-5 * (1.0 + std::fabs(v[c]))) << c;
}

}  // namespace
