// Generated fixed-point code (q15, q7; rndq15, rndq7: the uptake-normalised fixture model) against
// the host reference in the same process: bit-identical on rows inside the envelope, at its
// extremes and far beyond (saturation), and no further from f32 than the quantisation allows.
// rndq7p and rndnormp are the portable kernels (CSR tables, plain loops): the same bits as the
// fast ones (rndq7, rndnorm).
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "emit/reference_predictor.hpp"
#include "fixture_spec.hpp"
#include "normalised_model.hpp"
#include "random_model.hpp"
#include "rndnorm.hpp"
#include "rndnormp.hpp"
#include "rndq15.hpp"
#include "rndq7.hpp"
#include "rndq7p.hpp"

namespace {

using minn::emit::Precision;
using minn::emit::ReferencePredictor;

const minn::MinnModel& model() {
  static const minn::MinnModel m = minn::test::uptake_normalised(
      minn::test::make_random_model(minn::test::kFixtureSpec), minn::test::kFixtureFluxScaleInput);
  return m;
}

// Rows inside the envelope, then rows at its corners, then rows 100 ranges beyond every edge.
std::vector<std::vector<float>> rows(int count, std::uint32_t seed) {
  const minn::MinnModel& m = model();
  std::mt19937 engine(seed);
  std::vector<std::vector<float>> out;
  for (int r = 0; r < count; ++r) {
    std::vector<float> row;
    for (int i = 0; i < m.num_inputs(); ++i) {
      const float lo = m.envelope_min[i], hi = m.envelope_max[i];
      const double u = static_cast<double>(engine()) / 4294967296.0;
      const int kind = r % 4;
      if (kind < 2) row.push_back(static_cast<float>(lo + u * (hi - lo)));  // inside
      else if (kind == 2) row.push_back(u < 0.5 ? lo : hi);                  // a corner
      else row.push_back(u < 0.5 ? lo - 100.0f * (hi - lo + 1.0f) : hi + 100.0f * (hi - lo + 1.0f));
    }
    out.push_back(row);
  }
  return out;
}

bool same_bits(const float* a, const float* b, int n) { return std::memcmp(a, b, sizeof(float) * n) == 0; }

template <typename Workspace>
void expect_bit_identical(Precision p, int (*infer)(const float*, float*, Workspace*), int n_out) {
  ReferencePredictor reference(model(), p);
  Workspace ws;
  int beyond = 0;
  for (const auto& in : rows(800, 31)) {
    std::vector<float> got(n_out), want(n_out);
    const int code = infer(in.data(), got.data(), &ws);
    ASSERT_EQ(reference.infer(in.data(), want.data()), code);
    ASSERT_GE(code, 0);
    beyond += code >= 1000;
    ASSERT_TRUE(same_bits(got.data(), want.data(), n_out));
    for (float v : got) ASSERT_TRUE(std::isfinite(v));
  }
  EXPECT_EQ(beyond, 200);  // every fourth row is beyond the envelope (saturated, still identical)
}

TEST(GeneratedFixed, Q15IsBitIdenticalToItsReferenceInsideAndFarBeyondTheEnvelope) {
  expect_bit_identical(Precision::Q15, rndq15_infer, rndq15_NUM_OUTPUTS);
}

TEST(GeneratedFixed, Q7IsBitIdenticalToItsReferenceInsideAndFarBeyondTheEnvelope) {
  expect_bit_identical(Precision::Q7, rndq7_infer, rndq7_NUM_OUTPUTS);
}

TEST(GeneratedFixed, PortableKernelsGiveTheBitsOfTheFastOnes) {
  rndq7_workspace a;
  rndq7p_workspace b;
  rndnorm_workspace c;
  rndnormp_workspace d;
  for (const auto& in : rows(400, 32)) {
    float x[rndq7_NUM_OUTPUTS], y[rndq7_NUM_OUTPUTS], z[rndnorm_NUM_OUTPUTS], w[rndnorm_NUM_OUTPUTS];
    ASSERT_EQ(rndq7_infer(in.data(), x, &a), rndq7p_infer(in.data(), y, &b));
    ASSERT_TRUE(same_bits(x, y, rndq7_NUM_OUTPUTS));
    ASSERT_EQ(rndnorm_infer(in.data(), z, &c), rndnormp_infer(in.data(), w, &d));
    ASSERT_TRUE(same_bits(z, w, rndnorm_NUM_OUTPUTS));
  }
}

// Non-finite inputs: the same status, outputs untouched, in fixed point as in f32.
TEST(GeneratedFixed, NonFiniteInputsLeaveTheOutputsUntouched) {
  rndq15_workspace ws;
  std::vector<float> in = rows(1, 33)[0];
  in[5] = std::nanf("");
  float out[rndq15_NUM_OUTPUTS];
  for (float& v : out) v = 7.0f;
  EXPECT_EQ(rndq15_infer(in.data(), out, &ws), -6);
  for (float v : out) EXPECT_EQ(v, 7.0f);
}

// Accuracy relative to f32 on rows inside the envelope, against the largest |flux|: q15 keeps
// about 11 weight bits and 15 activation bits, q7 about 7 and 7, and the int32 refinement
// resolves 2^-F. The limits are the quantisation steps with room for the refinement's 8 steps.
double worst_relative_error(Precision p) {
  ReferencePredictor f32(model(), Precision::F32), fixed(model(), p);
  double worst = 0;
  std::mt19937 engine(34);
  for (int r = 0; r < 300; ++r) {
    std::vector<float> in;
    for (int i = 0; i < model().num_inputs(); ++i) {
      const double u = static_cast<double>(engine()) / 4294967296.0;
      in.push_back(static_cast<float>(model().envelope_min[i] + u * (model().envelope_max[i] - model().envelope_min[i])));
    }
    std::vector<float> a(model().num_outputs()), b(a.size());
    EXPECT_EQ(f32.infer(in.data(), a.data()), 0);
    EXPECT_EQ(fixed.infer(in.data(), b.data()), 0);
    double scale = 0, diff = 0;
    for (std::size_t k = 0; k < a.size(); ++k) {
      scale = std::max(scale, std::fabs(double(a[k])));
      diff = std::max(diff, std::fabs(double(a[k]) - b[k]));
    }
    worst = std::max(worst, diff / scale);
  }
  return worst;
}

TEST(GeneratedFixed, FixedPointStaysCloseToF32) {
  const double q15 = worst_relative_error(Precision::Q15);
  const double q7 = worst_relative_error(Precision::Q7);
  std::printf("worst max|diff| / max|flux| vs f32: q15 %.3g, q7 %.3g\n", q15, q7);
  EXPECT_LT(q15, 0.002);
  EXPECT_LT(q7, 0.05);
  EXPECT_GT(q7, q15);  // fewer bits, larger error
}

}  // namespace
