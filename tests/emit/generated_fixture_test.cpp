// Generated code for a random model (built at build time by emit_fixture_gen) against the host
// reference predictor, in the same process: f32 must be bit-identical, int8w too (same kernels),
// and int8w must stay within the quantization error bound of the f32 result. rndclip is the same
// model with clip_inputs: inputs beyond the training range are saturated to its edges. rndnorm and
// rndnorm8 are the same model with uptake normalisation (residual form): V0 = max(u, 0) * yields.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "emit/reference_predictor.hpp"
#include "fixture_spec.hpp"
#include "int8_error_bound.hpp"
#include "normalised_model.hpp"
#include "random_model.hpp"
#include "rnd.hpp"
#include "rnd8.hpp"
#include "rndclip.hpp"
#include "rndnorm.hpp"
#include "rndnorm8.hpp"

namespace {

using minn::emit::Precision;
using minn::emit::ReferencePredictor;

const minn::MinnModel& model() {
  static const minn::MinnModel m = minn::test::make_random_model(minn::test::kFixtureSpec);
  return m;
}

// Random raw inputs inside the training envelope of `m` (no warning expected).
std::vector<std::vector<float>> random_inputs(int count, std::uint32_t seed,
                                              const minn::MinnModel& m = model()) {
  std::mt19937 engine(seed);
  std::vector<std::vector<float>> rows;
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

// Tolerance: the per-output bound of int8_error_bound.hpp (quantization error |dw| <= scale/2
// propagated through the layers, the normalisation and the refinement) plus 1e-4 * (1 + |v|) for
// float rounding. `f32` and `i8` are the generated NAME_infer of the model in both precisions.
template <typename Workspace32, typename Workspace8>
void expect_int8w_within_the_bound(const minn::MinnModel& m,
                                   int (*f32)(const float*, float*, Workspace32*),
                                   int (*i8)(const float*, float*, Workspace8*)) {
  Workspace32 ws32;
  Workspace8 ws8;
  const int n = m.num_outputs();
  double worst_ratio = 0.0, max_diff = 0.0;
  for (const auto& in : random_inputs(500, 16, m)) {
    std::vector<float> v32(n), v8(n);
    ASSERT_EQ(f32(in.data(), v32.data(), &ws32), 0);
    ASSERT_EQ(i8(in.data(), v8.data(), &ws8), 0);
    std::vector<double> scaled;
    for (int i = 0; i < m.num_inputs(); ++i) {
      scaled.push_back((double(in[i]) - m.scaler_min[i]) / m.scaler_range[i]);
    }
    const std::vector<double> bound = minn::test::int8w_error_bound(m, scaled);
    for (int k = 0; k < n; ++k) {
      const double diff = std::fabs(double(v8[k]) - double(v32[k]));
      const double tol = bound[k] + 1e-4 * (1.0 + std::fabs(double(v32[k])));
      ASSERT_LE(diff, tol) << "output " << k;
      worst_ratio = std::max(worst_ratio, diff / tol);
      max_diff = std::max(max_diff, diff);
    }
  }
  EXPECT_GT(max_diff, 0.0);  // quantization really changed the results
  std::printf("int8w vs f32: max |diff| %.3g, worst diff/tolerance %.3f\n", max_diff, worst_ratio);
}

TEST(GeneratedFixture, SizesMatchTheModel) {
  EXPECT_EQ(rnd::kNumInputs, minn::test::kFixtureSpec.inputs);
  EXPECT_EQ(rnd::kNumOutputs, minn::test::kFixtureSpec.reactions);
  EXPECT_EQ(rnd_NUM_INPUTS, 37);
  EXPECT_EQ(rnd_NUM_OUTPUTS, 45);
  EXPECT_STREQ(rnd_input_names[3], "in_3");
  EXPECT_STREQ(rnd_reaction_ids[44], "R_rxn44");
}

TEST(GeneratedFixture, F32IsBitIdenticalToTheReference) {
  ReferencePredictor reference(model(), Precision::F32);
  rnd_workspace ws;
  int nonzero_outputs = 0;
  for (const auto& in : random_inputs(2000, 11)) {
    float got[rnd_NUM_OUTPUTS], want[rnd_NUM_OUTPUTS];
    ASSERT_EQ(rnd_infer(in.data(), got, &ws), 0);
    ASSERT_EQ(reference.infer(in.data(), want), 0);
    ASSERT_TRUE(same_bits(got, want, rnd_NUM_OUTPUTS));
    for (float v : got) nonzero_outputs += v != 0.0f;
  }
  EXPECT_GT(nonzero_outputs, 2000 * rnd_NUM_OUTPUTS / 2);  // the comparison is not over zeros
}

TEST(GeneratedFixture, CppApiAndDefaultWorkspaceAgreeWithCApi) {
  const auto rows = random_inputs(20, 12);
  for (const auto& row : rows) {
    rnd::Inputs in;
    std::memcpy(in.values, row.data(), sizeof in.values);
    rnd::Outputs a, b, c;
    rnd::Workspace ws;
    EXPECT_TRUE(rnd::infer(in, a, ws).is_ok());
    EXPECT_TRUE(rnd::infer(in, b).is_ok());
    EXPECT_EQ(rnd_infer(row.data(), c.values, &ws), 0);
    EXPECT_TRUE(same_bits(a.values, b.values, rnd::kNumOutputs));
    EXPECT_TRUE(same_bits(a.values, c.values, rnd::kNumOutputs));
  }
}

TEST(GeneratedFixture, NonFiniteInputGivesErrorAndLeavesOutputsUnchanged) {
  ReferencePredictor reference(model(), Precision::F32);
  rnd_workspace ws;
  const float bad[] = {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                       -std::numeric_limits<float>::infinity()};
  for (int i : {0, 5, 36}) {
    for (float v : bad) {
      std::vector<float> in = random_inputs(1, 13)[0];
      in[i] = v;
      in[(i + 1) % 37] = 1e30f;  // also out of envelope: the error must win
      float got[rnd_NUM_OUTPUTS], want[rnd_NUM_OUTPUTS];
      std::fill(got, got + rnd_NUM_OUTPUTS, 42.0f);
      std::fill(want, want + rnd_NUM_OUTPUTS, 42.0f);
      EXPECT_EQ(rnd_infer(in.data(), got, &ws), -(1 + i));
      EXPECT_EQ(reference.infer(in.data(), want), -(1 + i));
      for (int k = 0; k < rnd_NUM_OUTPUTS; ++k) ASSERT_EQ(got[k], 42.0f);
      for (int k = 0; k < rnd_NUM_OUTPUTS; ++k) ASSERT_EQ(want[k], 42.0f);
      rnd::Inputs cin;
      std::memcpy(cin.values, in.data(), sizeof cin.values);
      rnd::Outputs out;
      const minn::Status status = rnd::infer(cin, out, ws);
      EXPECT_EQ(status.kind(), minn::Status::Kind::NonFinite);
      EXPECT_EQ(status.input(), i);
    }
  }
}

TEST(GeneratedFixture, OutOfEnvelopeWarnsWithTheFirstInputAndStillComputes) {
  ReferencePredictor reference(model(), Precision::F32);
  rnd_workspace ws;
  const minn::MinnModel& m = model();
  std::vector<float> in = random_inputs(1, 14)[0];
  // Just inside the margin (10% of the range): no warning.
  const float range = m.envelope_max[4] - m.envelope_min[4];
  in[4] = m.envelope_max[4] + 0.05f * range;
  float got[rnd_NUM_OUTPUTS], want[rnd_NUM_OUTPUTS];
  EXPECT_EQ(rnd_infer(in.data(), got, &ws), 0);
  in[4] = m.envelope_max[4] + 0.2f * range;
  in[9] = m.envelope_min[9] - 0.2f * (m.envelope_max[9] - m.envelope_min[9]);
  EXPECT_EQ(rnd_infer(in.data(), got, &ws), 1004);
  EXPECT_EQ(reference.infer(in.data(), want), 1004);
  EXPECT_TRUE(same_bits(got, want, rnd_NUM_OUTPUTS));
  in[4] = m.envelope_min[4];
  EXPECT_EQ(rnd_infer(in.data(), got, &ws), 1009);
}

const minn::MinnModel& clip_model() {
  static const minn::MinnModel m = [] {
    minn::MinnModel c = model();
    c.clip_inputs = true;
    return c;
  }();
  return m;
}

// An input 37 ranges beyond an edge (the rpiA experiment's rpiB transcript is 38x the training
// maximum): with clip_inputs the outputs are those at that edge, bit for bit, and the status still
// warns; without, the network extrapolates and the outputs differ.
TEST(GeneratedFixture, ClipInputsSaturatesAnInputFarBeyondTheEnvelopeToItsEdge) {
  const minn::MinnModel& m = model();
  ReferencePredictor reference(clip_model(), Precision::F32);
  rndclip_workspace ws;
  rnd_workspace plain_ws;
  for (int i : {0, 17, 36}) {
    const float range = m.envelope_max[i] - m.envelope_min[i];
    for (const bool above : {true, false}) {
      SCOPED_TRACE(std::string(above ? "above" : "below") + ", input " + std::to_string(i));
      std::vector<float> edge = random_inputs(1, 18)[0];
      edge[i] = above ? m.envelope_max[i] : m.envelope_min[i];  // scales to exactly 1 (0)
      std::vector<float> far = edge;
      far[i] = above ? m.envelope_max[i] + 37.0f * range : m.envelope_min[i] - 37.0f * range;
      float at_edge[rndclip_NUM_OUTPUTS], got[rndclip_NUM_OUTPUTS], want[rndclip_NUM_OUTPUTS];
      ASSERT_EQ(rndclip_infer(edge.data(), at_edge, &ws), 0);
      EXPECT_EQ(rndclip_infer(far.data(), got, &ws), 1000 + i);
      EXPECT_TRUE(same_bits(got, at_edge, rndclip_NUM_OUTPUTS));
      EXPECT_EQ(reference.infer(far.data(), want), 1000 + i);
      EXPECT_TRUE(same_bits(got, want, rndclip_NUM_OUTPUTS));
      rndclip::Inputs cin;
      std::memcpy(cin.values, far.data(), sizeof cin.values);
      rndclip::Outputs out;
      const minn::Status status = rndclip::infer(cin, out, ws);
      EXPECT_EQ(status.kind(), minn::Status::Kind::OutOfEnvelope);
      EXPECT_EQ(status.input(), i);

      float plain_far[rnd_NUM_OUTPUTS], plain_edge[rnd_NUM_OUTPUTS];
      EXPECT_EQ(rnd_infer(far.data(), plain_far, &plain_ws), 1000 + i);
      ASSERT_EQ(rnd_infer(edge.data(), plain_edge, &plain_ws), 0);
      EXPECT_TRUE(same_bits(plain_edge, at_edge, rnd_NUM_OUTPUTS));  // same model inside the range
      EXPECT_FALSE(same_bits(plain_far, at_edge, rnd_NUM_OUTPUTS));  // extrapolated
    }
  }
}

TEST(GeneratedFixture, ClipInputsIsBitIdenticalToTheReferenceAndChangesNothingInsideTheRange) {
  const minn::MinnModel& m = model();
  ReferencePredictor reference(clip_model(), Precision::F32);
  rndclip_workspace ws;
  rnd_workspace plain_ws;
  for (const auto& in : random_inputs(500, 19)) {
    float got[rndclip_NUM_OUTPUTS], want[rndclip_NUM_OUTPUTS], plain[rnd_NUM_OUTPUTS];
    ASSERT_EQ(rndclip_infer(in.data(), got, &ws), 0);
    ASSERT_EQ(reference.infer(in.data(), want), 0);
    ASSERT_EQ(rnd_infer(in.data(), plain, &plain_ws), 0);
    ASSERT_TRUE(same_bits(got, want, rndclip_NUM_OUTPUTS));
    ASSERT_TRUE(same_bits(got, plain, rnd_NUM_OUTPUTS));
  }
  // Every input beyond one edge or the other: still bit-identical with the reference.
  std::mt19937 engine(20);
  for (int r = 0; r < 200; ++r) {
    std::vector<float> in;
    for (int i = 0; i < m.num_inputs(); ++i) {
      const float range = m.envelope_max[i] - m.envelope_min[i];
      const float far = static_cast<float>(engine() % 100) * range;
      in.push_back(engine() % 2 ? m.envelope_max[i] + far : m.envelope_min[i] - far);
    }
    float got[rndclip_NUM_OUTPUTS], want[rndclip_NUM_OUTPUTS];
    const int code = rndclip_infer(in.data(), got, &ws);
    EXPECT_EQ(reference.infer(in.data(), want), code);
    ASSERT_TRUE(same_bits(got, want, rndclip_NUM_OUTPUTS));
  }
}

const minn::MinnModel& normalised_model() {
  static const minn::MinnModel m =
      minn::test::uptake_normalised(model(), minn::test::kFixtureFluxScaleInput);
  return m;
}

TEST(GeneratedFixture, NormalisedF32AndInt8wAreBitIdenticalToTheReference) {
  ReferencePredictor f32(normalised_model(), Precision::F32), i8(normalised_model(), Precision::Int8W);
  rndnorm_workspace ws;
  rndnorm8_workspace ws8;
  int nonzero_outputs = 0;
  for (const auto& in : random_inputs(1000, 21, normalised_model())) {
    float got[rndnorm_NUM_OUTPUTS], want[rndnorm_NUM_OUTPUTS];
    ASSERT_EQ(rndnorm_infer(in.data(), got, &ws), 0);
    ASSERT_EQ(f32.infer(in.data(), want), 0);
    ASSERT_TRUE(same_bits(got, want, rndnorm_NUM_OUTPUTS));
    for (float v : got) nonzero_outputs += v != 0.0f;
    ASSERT_EQ(rndnorm8_infer(in.data(), got, &ws8), 0);
    ASSERT_EQ(i8.infer(in.data(), want), 0);
    ASSERT_TRUE(same_bits(got, want, rndnorm8_NUM_OUTPUTS));
  }
  EXPECT_GT(nonzero_outputs, 1000 * rndnorm_NUM_OUTPUTS / 2);  // the comparison is not over zeros
}

// The scaling input far beyond either edge, 0 and -0: negative readings give V0 = 0 (then the
// refinement), with the envelope warning, bit for bit on both paths.
TEST(GeneratedFixture, NormalisedScalingInputAtAndBeyondItsEdgesIsBitIdentical) {
  const int u = minn::test::kFixtureFluxScaleInput;
  ReferencePredictor reference(normalised_model(), Precision::F32);
  rndnorm_workspace ws;
  std::vector<float> in = random_inputs(1, 22, normalised_model())[0];
  for (const float value : {-370.0f, -1.0f, -0.0f, 0.0f, 1.0f, 11.0f, 400.0f}) {
    SCOPED_TRACE(value);
    in[u] = value;
    float got[rndnorm_NUM_OUTPUTS], want[rndnorm_NUM_OUTPUTS];
    const int code = rndnorm_infer(in.data(), got, &ws);
    EXPECT_EQ(code, value < 0.0f || value > 12.0f ? 1000 + u : 0);  // envelope [1, 11] +- 1
    EXPECT_EQ(reference.infer(in.data(), want), code);
    EXPECT_TRUE(same_bits(got, want, rndnorm_NUM_OUTPUTS));
  }
}

TEST(GeneratedFixture, NormalisedInt8wStaysWithinTheQuantizationErrorBound) {
  expect_int8w_within_the_bound(normalised_model(), rndnorm_infer, rndnorm8_infer);
}

TEST(GeneratedFixture, ReactionLookup) {
  EXPECT_EQ(rnd_reaction_index("R_rxn0"), 0);
  EXPECT_EQ(rnd_reaction_index("R_rxn17"), 17);
  EXPECT_EQ(rnd_reaction_index("R_rxn1"), 1);
  EXPECT_EQ(rnd_reaction_index("R_rxn"), -1);
  EXPECT_EQ(rnd_reaction_index("R_rxn170"), -1);
  EXPECT_EQ(rnd_reaction_index(""), -1);
  EXPECT_EQ(rnd_IDX_R_rxn17, 17);
  rnd::Outputs out{};
  out.values[17] = 3.5f;
  ASSERT_NE(out.find("R_rxn17"), nullptr);
  EXPECT_EQ(*out.find("R_rxn17"), 3.5f);
  EXPECT_EQ(out.find("nope"), nullptr);
}

TEST(GeneratedFixture, Int8wIsBitIdenticalToItsReference) {
  ReferencePredictor reference(model(), Precision::Int8W);
  rnd8_workspace ws;
  for (const auto& in : random_inputs(1000, 15)) {
    float got[rnd8_NUM_OUTPUTS], want[rnd8_NUM_OUTPUTS];
    ASSERT_EQ(rnd8_infer(in.data(), got, &ws), 0);
    ASSERT_EQ(reference.infer(in.data(), want), 0);
    ASSERT_TRUE(same_bits(got, want, rnd8_NUM_OUTPUTS));
  }
}

TEST(GeneratedFixture, Int8wStaysWithinTheQuantizationErrorBound) {
  expect_int8w_within_the_bound(model(), rnd_infer, rnd8_infer);
}

// Without refinement the bound is tight enough to be informative: check the int8w network alone.
TEST(GeneratedFixture, Int8wNetworkAloneStaysWithinItsBound) {
  minn::MinnModel m = model();
  m.refinement.steps = 0;
  ReferencePredictor f32(m, Precision::F32), i8(m, Precision::Int8W);
  double worst_ratio = 0.0;
  for (const auto& in : random_inputs(500, 17)) {
    std::vector<float> v32(m.num_outputs()), v8(m.num_outputs());
    ASSERT_EQ(f32.infer(in.data(), v32.data()), 0);
    ASSERT_EQ(i8.infer(in.data(), v8.data()), 0);
    std::vector<double> scaled;
    for (int i = 0; i < m.num_inputs(); ++i) {
      scaled.push_back((double(in[i]) - m.scaler_min[i]) / m.scaler_range[i]);
    }
    const std::vector<double> bound = minn::test::int8w_error_bound(m, scaled);
    for (int k = 0; k < m.num_outputs(); ++k) {
      const double diff = std::fabs(double(v8[k]) - double(v32[k]));
      const double tol = bound[k] + 1e-5 * (1.0 + std::fabs(double(v32[k])));
      ASSERT_LE(diff, tol) << "output " << k;
      worst_ratio = std::max(worst_ratio, diff / tol);
    }
  }
  std::printf("int8w network: worst diff/tolerance %.3f\n", worst_ratio);
}

}  // namespace
