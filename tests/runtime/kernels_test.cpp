// Kernels against independent implementations of the documented summation order (bit-exact)
// and against double precision (close), plus the refinement gradient against finite differences.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <random>
#include <vector>

#include "minn/minn.hpp"

namespace {

std::vector<float> random_vector(std::mt19937& e, int n, float lo, float hi) {
  std::vector<float> v(n);
  for (float& x : v) x = lo + (hi - lo) * static_cast<float>(e() % 100000) / 100000.0f;
  return v;
}

// Row-major [out][in] -> panels of P (zero padded), the layout of emit/lowered_model.cpp.
std::vector<float> panels(const std::vector<float>& w, int in, int out, int P) {
  const int padded = (out + P - 1) / P * P;
  std::vector<float> p(static_cast<std::size_t>(padded) * in, 0.0f);
  for (int r = 0; r < out; ++r)
    for (int j = 0; j < in; ++j) p[(static_cast<std::size_t>(r / P) * in + j) * P + r % P] = w[r * in + j];
  return p;
}

TEST(Dense, EveryPanelWidthGivesTheDocumentedSequentialSumBitForBit) {
  std::mt19937 e(3);
  for (int out : {1, 7, 8, 21, 64, 250}) {
    const int in = 141;
    const auto w = random_vector(e, in * out, -0.1f, 0.1f);
    const auto b = random_vector(e, out, -0.1f, 0.1f);
    const auto x = random_vector(e, in, -1.0f, 1.0f);
    std::vector<float> want(out);
    for (int r = 0; r < out; ++r) {  // the contract of lib/minn/dense.hpp, written out
      float acc = 0.0f;
      for (int j = 0; j < in; ++j) acc = acc + w[r * in + j] * x[j];
      const float v = acc + b[r];
      want[r] = v > 0.0f ? v : 0.0f;
    }
    std::vector<float> y8(out), y1(out), y3(out);
    minn::dense_f32<8>(panels(w, in, out, 8).data(), b.data(), in, out, minn::Act::Relu, x.data(), y8.data());
    minn::dense_f32<1>(panels(w, in, out, 1).data(), b.data(), in, out, minn::Act::Relu, x.data(), y1.data());
    minn::dense_f32<3>(panels(w, in, out, 3).data(), b.data(), in, out, minn::Act::Relu, x.data(), y3.data());
    EXPECT_EQ(std::memcmp(y8.data(), want.data(), out * sizeof(float)), 0) << out;
    EXPECT_EQ(std::memcmp(y1.data(), want.data(), out * sizeof(float)), 0) << out;
    EXPECT_EQ(std::memcmp(y3.data(), want.data(), out * sizeof(float)), 0) << out;
    int positive = 0;
    for (float v : want) positive += v > 0.0f;
    EXPECT_GT(positive, 0);
  }
}

TEST(Dense, Int8MatchesItsFormula) {
  std::mt19937 e(4);
  const int in = 50, out = 13;
  std::vector<std::int8_t> q(in * out);
  for (auto& v : q) v = static_cast<std::int8_t>(static_cast<int>(e() % 255) - 127);
  const auto s = random_vector(e, out, 0.001f, 0.01f);
  const auto b = random_vector(e, out, -0.1f, 0.1f);
  const auto x = random_vector(e, in, -1.0f, 1.0f);
  std::vector<std::int8_t> qp((out + 7) / 8 * 8 * in, 0);
  for (int r = 0; r < out; ++r)
    for (int j = 0; j < in; ++j) qp[(static_cast<std::size_t>(r / 8) * in + j) * 8 + r % 8] = q[r * in + j];
  std::vector<float> y(out);
  minn::dense_i8<8>(qp.data(), s.data(), b.data(), in, out, minn::Act::None, x.data(), y.data());
  for (int r = 0; r < out; ++r) {
    float acc = 0.0f;
    for (int j = 0; j < in; ++j) acc = acc + static_cast<float>(q[r * in + j]) * x[j];
    EXPECT_EQ(y[r], acc * s[r] + b[r]);
  }
}

// A small S in both CSR forms (hand-made: 3 metabolites x 4 reactions).
struct SmallS {
  std::vector<int> ptr{0, 2, 5, 7}, col{0, 2, 0, 1, 3, 2, 3};
  std::vector<float> val{1.0f, -1.0f, -2.0f, 1.0f, 0.5f, 1.0f, -1.0f};
  std::vector<int> tptr{0, 2, 3, 5, 7}, tcol{0, 1, 1, 0, 2, 1, 2};
  std::vector<float> tval{1.0f, -2.0f, 1.0f, -1.0f, 1.0f, 0.5f, -1.0f};
  minn::CsrView<int, int> s() const { return {3, 4, ptr.data(), col.data(), val.data()}; }
  minn::CsrView<int, int> st() const { return {4, 3, tptr.data(), tcol.data(), tval.data()}; }
};

TEST(Sparse, ProductsMatchTheDenseMatrix) {
  const SmallS m;
  const float dense[3][4] = {{1, 0, -1, 0}, {-2, 1, 0, 0.5f}, {0, 0, 1, -1}};
  const float v[4] = {0.3f, -1.5f, 2.0f, 0.25f};
  const float w[3] = {1.0f, -0.5f, 4.0f};
  float sv[3], stw[4];
  minn::spmv(m.s(), v, sv);
  minn::spmv(m.st(), w, stw);
  for (int r = 0; r < 3; ++r) {
    double want = 0;
    for (int c = 0; c < 4; ++c) want += dense[r][c] * v[c];
    EXPECT_NEAR(sv[r], want, 1e-6);
  }
  for (int c = 0; c < 4; ++c) {
    double want = 0;
    for (int r = 0; r < 3; ++r) want += dense[r][c] * w[r];
    EXPECT_NEAR(stw[c], want, 1e-6);
  }
}

TEST(Sparse, RowsFollowTheDocumentedOrderBitForBit) {
  std::mt19937 e(21);
  std::vector<int> ptr{0}, col;
  std::vector<float> val;
  const int rows = 40, cols = 90;
  for (int r = 0; r < rows; ++r) {
    const int len = r % 14;  // 0..13 entries, the empty row included
    for (int k = 0; k < len; ++k) {
      col.push_back(static_cast<int>(e() % cols));
      val.push_back(static_cast<float>(static_cast<int>(e() % 2001) - 1000) * 1.3e-3f);
    }
    ptr.push_back(static_cast<int>(col.size()));
  }
  const auto x = random_vector(e, cols, -3.0f, 3.0f);
  std::vector<float> y(rows);
  const minn::CsrView<int, int> s{rows, cols, ptr.data(), col.data(), val.data()};
  minn::spmv(s, x.data(), y.data());
  for (int r = 0; r < rows; ++r) {  // the contract of lib/minn/sparse.hpp, written out
    float acc = 0.0f;
    for (int i = 0; i < ptr[r + 1] - ptr[r]; ++i) {
      const float product = val[ptr[r] + i] * x[col[ptr[r] + i]];
      acc = i == 0 ? product : acc + product;
    }
    EXPECT_EQ(std::memcmp(&y[r], &acc, sizeof acc), 0) << r;
  }
}

// The first product starts the sum: a row whose only product is -0 gives -0 (0 + -0 would be +0),
// which is what generated code writing the row as `-v[c]` computes.
TEST(Sparse, ARowStartsWithItsFirstProductNotWithZero) {
  const std::vector<int> ptr{0, 1, 1}, col{0};
  const std::vector<float> val{-1.0f};
  const float x[1] = {0.0f};
  float y[2] = {1.0f, 1.0f};
  minn::spmv(minn::CsrView<int, int>{2, 1, ptr.data(), col.data(), val.data()}, x, y);
  EXPECT_TRUE(std::signbit(y[0]));
  EXPECT_EQ(y[0], 0.0f);
  EXPECT_FALSE(std::signbit(y[1]));  // the empty row: +0
  EXPECT_EQ(y[1], 0.0f);
}

// acc + a * b with the product rounded first. a = 1 + 2^-12: a * a = 1 + 2^-11 + 2^-24 exactly,
// rounded (a tie, to even) to 1 + 2^-11. So -1 + a * a is 2^-11 and 1 - a * a is -2^-11, where a
// fused multiply-add would keep the 2^-24 (2^-11 + 2^-24 is a float).
TEST(MulAdd, RoundsTheProductBeforeAdding) {
  const float a = 1.0f + 0x1p-12f;
  volatile float one = 1.0f;
  EXPECT_EQ(minn::mul_add(-one, a, a), 0x1p-11f);
  EXPECT_EQ(minn::mul_sub(one, a, a), -0x1p-11f);
}

// refine() over CSR tables is refine_with() over CsrProducts; another Products object computing
// the same sums (here the rows written out by hand for SmallS, as generated code does) gives the
// same bits.
struct SmallSWrittenOut {
  void s_times(const float* v, float* sv) const {
    sv[0] = v[0] - v[2];
    sv[1] = -2.0f * v[0] + v[1] + 0.5f * v[3];
    sv[2] = v[2] - v[3];
  }
  void update(const float* sv, const float* pin, const minn::RefineParams& p, float* v, float* d) const {
    minn::heavy_ball_update(p, sv[0] - 2.0f * sv[1], pin[0], v[0], d[0]);
    minn::heavy_ball_update(p, sv[1], pin[1], v[1], d[1]);
    minn::heavy_ball_update(p, -sv[0] + sv[2], pin[2], v[2], d[2]);
    minn::heavy_ball_update(p, 0.5f * sv[1] - sv[2], pin[3], v[3], d[3]);
  }
};

// L(V) = ||S V||^2/m + ||relu(Pin V - Vin)||^2/n_in + ||relu(-V)||^2/n in double.
double loss(const SmallS& m, const std::vector<int>& pin, const std::vector<float>& vin,
            const std::vector<double>& v) {
  double l = 0;
  for (int r = 0; r < 3; ++r) {
    double sv = 0;
    for (int k = m.ptr[r]; k < m.ptr[r + 1]; ++k) sv += m.val[k] * v[m.col[k]];
    l += sv * sv / 3;
  }
  for (std::size_t k = 0; k < pin.size(); ++k) {
    const double e = std::max(v[pin[k]] - vin[k], 0.0);
    l += e * e / pin.size();
  }
  for (double x : v) l += std::max(-x, 0.0) * std::max(-x, 0.0) / v.size();
  return l;
}

TEST(Refine, OneStepMovesAlongTheFiniteDifferenceGradient) {
  const SmallS m;
  const std::vector<int> pin{1, 3};
  const std::vector<float> vin{0.5f, std::numeric_limits<float>::infinity()};
  const minn::RefineParams p{1, 0.01f, 0.9f, 2.0f / 3, 2.0f / 4, 2.0f / 2};
  float v[4] = {0.7f, 1.3f, -0.4f, 0.2f};  // Pin row 0 active, relu(-V) active for V[2]
  const std::vector<double> v0(v, v + 4);
  float d[4], sv[3], g[4];
  minn::refine(m.s(), m.st(), pin.data(), vin.data(), 2, p, v, d, sv, g);
  for (int c = 0; c < 4; ++c) {
    std::vector<double> up = v0, down = v0;
    up[c] += 1e-6;
    down[c] -= 1e-6;
    const double fd = (loss(m, pin, vin, up) - loss(m, pin, vin, down)) / 2e-6;
    const double step = (v0[c] - v[c]) / 0.01;  // V1 = V0 - eta g
    EXPECT_NEAR(step, fd, 1e-3 * (1 + std::fabs(fd))) << c;
  }
}

TEST(Refine, MomentumAccumulatesAcrossSteps) {
  const SmallS m;
  const minn::RefineParams p1{1, 0.05f, 0.9f, 2.0f / 3, 2.0f / 4, 0.0f};
  const minn::RefineParams p2{2, 0.05f, 0.9f, 2.0f / 3, 2.0f / 4, 0.0f};
  float a[4] = {0.7f, 1.3f, 0.4f, 0.2f}, b[4] = {0.7f, 1.3f, 0.4f, 0.2f};
  float d[4], sv[3], g[4];
  minn::refine(m.s(), m.st(), static_cast<const int*>(nullptr), nullptr, 0, p2, b, d, sv, g);
  // Two steps by hand: d1 = -eta g(V0); V1 = V0 + d1; d2 = beta d1 - eta g(V1); V2 = V1 + d2.
  float d1[4];
  minn::refine(m.s(), m.st(), static_cast<const int*>(nullptr), nullptr, 0, p1, a, d1, sv, g);
  float v1[4], dummy[4];
  std::memcpy(v1, a, sizeof a);
  minn::refine(m.s(), m.st(), static_cast<const int*>(nullptr), nullptr, 0, p1, a, dummy, sv, g);
  for (int c = 0; c < 4; ++c) {
    const float minus_eta_g1 = a[c] - v1[c];  // the second one-step call had d = 0
    const float want = v1[c] + (0.9f * d1[c] + minus_eta_g1);
    EXPECT_NEAR(b[c], want, 1e-6f) << c;
  }
}

// Uptake normalisation: v * max(u, 0), each product one correctly rounded float multiply.
TEST(ScaleByInput, MultipliesByThePositivePartOfTheRawInput) {
  const float v0[5] = {1.5f, -0.25f, 0.1f, 0.0f, -3.0e30f};
  for (float u : {2.0f, 0.37f, 5.25e-3f, 1.0e9f}) {
    float v[5];
    std::memcpy(v, v0, sizeof v);
    minn::scale_by_input(v, 5, u);
    for (int i = 0; i < 5; ++i) {
      const float want = v0[i] * u;
      EXPECT_EQ(std::memcmp(&v[i], &want, sizeof want), 0) << "u " << u << ", i " << i;
    }
  }
  // u <= 0 (a sensor fault): every flux becomes +-0, the sign of v's (v * +0), never u's.
  for (float u : {0.0f, -0.0f, -1.0f, -1.0e30f}) {
    float v[5];
    std::memcpy(v, v0, sizeof v);
    minn::scale_by_input(v, 5, u);
    for (int i = 0; i < 5; ++i) {
      EXPECT_EQ(v[i], 0.0f) << "u " << u << ", i " << i;
      EXPECT_EQ(std::signbit(v[i]), std::signbit(v0[i])) << "u " << u << ", i " << i;
    }
  }
  float untouched = 7.0f;
  minn::scale_by_input(&untouched, 0, 3.0f);
  EXPECT_EQ(untouched, 7.0f);
}

// A finite but absurd reading (FLT_MAX) is scaled by kMaxFluxScale instead, so V0 stays finite.
TEST(ScaleByInput, SaturatesAtTheMaximumScale) {
  for (float u : {minn::kMaxFluxScale, 3.0e35f, std::numeric_limits<float>::max()}) {
    float v[2] = {12.5f, -0.75f};
    minn::scale_by_input(v, 2, u);
    EXPECT_EQ(v[0], 12.5f * minn::kMaxFluxScale) << "u " << u;
    EXPECT_EQ(v[1], -0.75f * minn::kMaxFluxScale) << "u " << u;
    EXPECT_TRUE(std::isfinite(v[0]) && std::isfinite(v[1]));
  }
}

TEST(Refine, WrittenOutProductsGiveTheBitsOfTheCsrForm) {
  const SmallS m;
  const std::vector<int> pin{1, 3};
  const std::vector<float> vin{0.5f, 0.1f};
  const minn::RefineParams p{5, 0.05f, 0.9f, 2.0f / 3, 2.0f / 4, 2.0f / 2};
  float a[4] = {0.7f, 1.3f, -0.4f, 0.2f}, b[4] = {0.7f, 1.3f, -0.4f, 0.2f};
  float d[4], sv[3], g[4];
  minn::refine(m.s(), m.st(), pin.data(), vin.data(), 2, p, a, d, sv, g);
  minn::refine_with(SmallSWrittenOut{}, 4, pin.data(), vin.data(), 2, p, b, d, sv, g);
  EXPECT_EQ(std::memcmp(a, b, sizeof a), 0);
  EXPECT_NE(a[0], 0.7f);  // the steps moved V
}

}  // namespace
