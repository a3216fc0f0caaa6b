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
  EXPECT_EQ(cpp.find("Eigen"), std::string::npos);
}

// The fast kernels write S out (no CSR tables in flash); the portable ones read the narrowest
// CSR index tables.
TEST(Emitter, FastKernelsWriteSOutPortableOnesReadNarrowCsrTables) {
  const minn::MinnModel model = minn::test::make_random_model(kSpec);
  const std::string fast = file(generate(model, options("m")), "m.cpp");
  EXPECT_NE(fast.find("struct Stoichiometry {"), std::string::npos);
  EXPECT_NE(fast.find("minn::refine_with(Stoichiometry{}, 45, "), std::string::npos);
  EXPECT_NE(fast.find("minn::dense_f32<8>("), std::string::npos);
  EXPECT_EQ(fast.find("kSCol"), std::string::npos);
  EmitOptions o = options("m");
  o.kernels = minn::emit::KernelSet::Portable;
  const std::string portable = file(generate(model, o), "m.cpp");
  EXPECT_NE(portable.find("const uint8_t kSCol["), std::string::npos);  // 45 reactions fit in 8 bits
  EXPECT_NE(portable.find("minn::refine(kS, kST, "), std::string::npos);
  EXPECT_NE(portable.find("minn::dense_f32_portable<8>("), std::string::npos);
  EXPECT_EQ(portable.find("Stoichiometry"), std::string::npos);
}

// Each row of S becomes one expression in stored order: +-1 coefficients without a multiply,
// others as exact literals, the first term carrying the sign.
TEST(Emitter, WritesEachRowOfSAsOneExpressionInStoredOrder) {
  minn::MinnModel model = minn::test::make_random_model(kSpec);
  model.S.row_ptr = {0, 3};
  model.S.col_index = {2, 5, 44};
  model.S.values = {-1.0f, 2.0f, 0.25f};
  model.S.rows = 1;
  model.metabolite_ids = {"M_atp_c"};
  const std::string cpp = file(generate(model, options("m")), "m.cpp");
  EXPECT_NE(cpp.find("    sv[0] = -v[2] + 2.0f * v[5] + 0x1p-2f * v[44];  // M_atp_c\n"), std::string::npos)
      << cpp.substr(cpp.find("struct Stoichiometry"), 600);
  // S^T: reaction 2 has the single entry -1 of metabolite 0.
  EXPECT_NE(cpp.find("    minn::heavy_ball_update(q, -sv[0], pin_term[2], v[2], d[2]);"), std::string::npos);
  EXPECT_NE(cpp.find("    minn::heavy_ball_update(q, 0.0f, pin_term[0], v[0], d[0]);"), std::string::npos);
}

// The saturation is emitted right after scale_inputs for a model trained with clipped inputs,
// and nowhere for one without (its generated code is unchanged).
TEST(Emitter, EmitsTheInputClipOnlyForModelsWithTheFlag) {
  for (Precision p : {Precision::F32, Precision::Int8W}) {
    minn::MinnModel m = minn::test::make_random_model(kSpec);
    const std::string plain = file(generate(m, options("m", p)), "m.cpp");
    EXPECT_EQ(plain.find("clip_unit"), std::string::npos);
    // Unclipped: extrapolation, bounded at a million ranges so float32 cannot overflow.
    EXPECT_NE(plain.find("\n  minn::saturate_scaled(ws, 37);\n"), std::string::npos) << plain.substr(0, 3000);
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
    EXPECT_EQ(clipped.find("saturate_scaled"), std::string::npos);
    EXPECT_NE(file(files, "m_report.json").find("\"clip_inputs\": true"), std::string::npos);
  }
}

// Found by fuzz_minn_fields under UBSan: a row whose largest |weight| is a denormal gave an int8
// scale of 0 (max / 127 underflows), w / 0 = NaN, and NaN's int8 conversion is undefined.
TEST(Emitter, Int8RowOfDenormalsQuantisesToZeroWithoutNaN) {
  minn::MinnModel m = minn::test::make_random_model(kSpec);
  minn::DenseLayer& hidden = m.layers[0];
  for (int j = 0; j < hidden.in; ++j) hidden.weights[static_cast<std::size_t>(j)] = (j % 2 ? -1 : 1) * 1e-45f;
  minn::emit::ReferencePredictor reference(m, Precision::Int8W);
  std::vector<float> in(static_cast<std::size_t>(m.num_inputs()));
  for (int i = 0; i < m.num_inputs(); ++i) in[static_cast<std::size_t>(i)] = m.envelope_min[static_cast<std::size_t>(i)];
  std::vector<float> out(static_cast<std::size_t>(m.num_outputs()), -1.0f);
  EXPECT_GE(reference.infer(in.data(), out.data()), 0);
  for (float v : out) EXPECT_TRUE(std::isfinite(v));
  EXPECT_NO_THROW(generate(m, options("m", Precision::Int8W)));
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

// Uptake normalisation by hand. A tiny model (2 inputs -> 2 ReLU -> 3 outputs, no refinement) with
// binary-fraction weights, so every value below is exact in float and written out by hand:
//   in = {1, 5} -> scaled x = {(1 - 0) / 2, (5 - 0) / 10} = {0.5, 0.5}
//   h = relu([[1, 2], [-1, 0.5]] x + [0.25, 0]) = relu({1.75, -0.25}) = {1.75, 0}
//   y = [[1, 0], [2, 1], [-1, 3]] h + [0.5, -4, 0] = {2.25, -0.5, -1.75}
//   offset {0.25, 1, -0.5}: y + offset = {2.5, 0.5, -2.25}; u = in[1] = 5 (raw, not 0.5):
//   V0 = 5 * {2.5, 0.5, -2.25} = {12.5, 2.5, -11.25}   (without the offset: {11.25, -2.5, -8.75})
minn::MinnModel tiny_normalised_model() {
  minn::MinnModel m;
  m.input_names = {"t_a", "R_EX_glc__D_e_rev"};
  m.input_units = {"a.u.", "mmol/gDW/h"};
  m.scaler_min = {0.0f, 0.0f};
  m.scaler_range = {2.0f, 10.0f};
  m.envelope_min = {0.0f, 0.0f};
  m.envelope_max = {2.0f, 10.0f};
  m.envelope_margin = 0.1f;
  m.layers.push_back({"hidden", 2, 2, {1.0f, 2.0f, -1.0f, 0.5f}, {0.25f, 0.0f}, minn::Activation::Relu});
  m.layers.push_back(
      {"output", 2, 3, {1.0f, 0.0f, 2.0f, 1.0f, -1.0f, 3.0f}, {0.5f, -4.0f, 0.0f}, minn::Activation::None});
  m.reaction_ids = {"R_A", "R_B", "R_C"};
  m.metabolite_ids = {"M_a"};
  m.S.rows = 1;
  m.S.cols = 3;
  m.S.row_ptr = {0, 2};
  m.S.col_index = {0, 1};
  m.S.values = {1.0f, -1.0f};
  m.refinement.steps = 0;
  m.flux_scale_input = 1;
  m.yield_offset = {0.25f, 1.0f, -0.5f};
  return m;
}

std::vector<float> reference_outputs(const minn::MinnModel& m, std::vector<float> in, int* status,
                                     Precision p = Precision::F32) {
  minn::emit::ReferencePredictor ref(m, p);
  std::vector<float> out(3, 42.0f);
  *status = ref.infer(in.data(), out.data());
  return out;
}

TEST(ReferencePredictor, UptakeNormalisationMatchesAHandComputation) {
  int status = -99;
  EXPECT_EQ(reference_outputs(tiny_normalised_model(), {1.0f, 5.0f}, &status),
            (std::vector<float>{12.5f, 2.5f, -11.25f}));
  EXPECT_EQ(status, 0);
  minn::MinnModel no_offset = tiny_normalised_model();
  no_offset.yield_offset.clear();
  EXPECT_EQ(reference_outputs(no_offset, {1.0f, 5.0f}, &status),
            (std::vector<float>{11.25f, -2.5f, -8.75f}));
  minn::MinnModel plain = no_offset;
  plain.flux_scale_input = -1;
  EXPECT_EQ(reference_outputs(plain, {1.0f, 5.0f}, &status), (std::vector<float>{2.25f, -0.5f, -1.75f}));
  // int8w: W ~ scale * q, |dw| <= max|w_row| / 254 (under 1%): close to the exact values.
  const std::vector<float> q = reference_outputs(tiny_normalised_model(), {1.0f, 5.0f}, &status,
                                                 Precision::Int8W);
  const float want[3] = {12.5f, 2.5f, -11.25f};
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(q[k], want[k], 0.25f) << k;
}

// u is the raw reading: a negative one (a sensor fault, below the envelope's accepted -1) gives
// V0 = 0 with the envelope warning, whatever the network says.
TEST(ReferencePredictor, NegativeScalingInputGivesZeroFluxesAndTheEnvelopeWarning) {
  int status = -99;
  const std::vector<float> out = reference_outputs(tiny_normalised_model(), {1.0f, -2.0f}, &status);
  EXPECT_EQ(status, 1001);
  for (float v : out) EXPECT_EQ(v, 0.0f);
  const std::vector<float> zero = reference_outputs(tiny_normalised_model(), {1.0f, 0.0f}, &status);
  EXPECT_EQ(status, 0);
  for (float v : zero) EXPECT_EQ(v, 0.0f);
}

// The offset is folded into the output bias once, in float: the printed table holds bias + offset.
TEST(Emitter, EmitsTheUptakeScalingAfterTheLastLayerOnlyForNormalisedModels) {
  for (Precision p : {Precision::F32, Precision::Int8W}) {
    SCOPED_TRACE(minn::emit::precision_name(p));
    minn::MinnModel m = minn::test::make_random_model(kSpec);
    const auto plain_files = generate(m, options("m", p));
    EXPECT_EQ(file(plain_files, "m.cpp").find("scale_by_input"), std::string::npos);
    EXPECT_NE(file(plain_files, "m_report.json").find("\"flux_scale_input\": null"), std::string::npos);
    EXPECT_EQ(file(plain_files, "m.md").find("Outputs are scaled by input"), std::string::npos);

    m.input_names[30] = "R_EX_glc__D_e_rev";
    m.flux_scale_input = 30;
    m.yield_offset.assign(45, 0.0f);
    m.yield_offset[0] = 0.5f;
    const auto files = generate(m, options("m", p));
    const std::string cpp = file(files, "m.cpp");
    const std::size_t last_layer = cpp.find("  // Layer 1 'output'");
    const std::size_t scale = cpp.find("  minn::scale_by_input(out, 45, in[30]);\n");
    const std::size_t refine = cpp.find("  minn::refine(");
    ASSERT_NE(scale, std::string::npos) << cpp;
    EXPECT_LT(last_layer, scale);
    EXPECT_LT(scale, refine);
    EXPECT_EQ(cpp.find("scale_by_input", cpp.find('\n', scale)), std::string::npos);  // once
    EXPECT_NE(cpp.find("// Uptake normalisation: V0 = max(u, 0) * yields, u = raw input 30 "
                       "\"R_EX_glc__D_e_rev\",\n  // unit \"a.u.\""),
              std::string::npos)
        << cpp;
    EXPECT_NE(cpp.find("folded into kLayer1Bias"), std::string::npos);
    const float folded = m.layers[1].bias[0] + 0.5f;
    EXPECT_NE(cpp.find("const float kLayer1Bias[45] = {\n    " + minn::emit::float_literal(folded) + ","),
              std::string::npos)
        << cpp.substr(cpp.find("kLayer1Bias"), 200);
    EXPECT_NE(file(files, "m_report.json")
                  .find("\"flux_scale_input\": {\"index\": 30, \"name\": \"R_EX_glc__D_e_rev\", "
                        "\"unit\": \"a.u.\"},\n  \"yield_offset_in_bias\": true"),
              std::string::npos);
    EXPECT_NE(file(files, "m.md").find("Outputs are scaled by input 30 `R_EX_glc__D_e_rev`"),
              std::string::npos);
  }
}

TEST(Emitter, RejectsABadUptakeNormalisation) {
  minn::MinnModel good = minn::test::make_random_model(kSpec);
  good.flux_scale_input = 3;
  {
    auto m = good;
    m.flux_scale_input = 37;
    EXPECT_EQ(error_of(m), "model: flux_scale_input is 37, expected -1 (none) or an input index 0..36");
  }
  {
    auto m = good;
    m.yield_offset.assign(44, 0.0f);
    EXPECT_EQ(error_of(m), "model: yield_offset (one per output) has 44 values, expected 45");
  }
  {
    auto m = good;
    m.yield_offset.assign(45, 0.0f);
    m.yield_offset[7] = std::numeric_limits<float>::infinity();
    EXPECT_EQ(error_of(m), "model: yield_offset[7] is not finite");
  }
  {
    auto m = good;
    m.yield_offset.assign(45, 0.0f);
    m.flux_scale_input = -1;
    EXPECT_EQ(error_of(m), "model: yield_offset is stored but flux_scale_input is -1 (it needs the input)");
  }
}

}  // namespace
