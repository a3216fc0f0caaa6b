// x86 SIMD dense path vs the portable path (compiled separately with MINN_NO_SIMD): same bits.
#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

#include "minn/dense.hpp"

void portable_dense8(const float* w, const float* b, int in, int out, const float* x, float* y);

namespace {

TEST(SimdParity, X86PanelsEqualThePortableLoopBitForBit) {
#if !defined(MINN_DENSE_X86)
  GTEST_SKIP() << "no x86 SIMD path in this build";
#else
  std::mt19937 e(9);
  for (int out : {5, 8, 30, 142, 250}) {
    for (int in : {1, 37, 141, 250}) {
      const int padded = (out + 7) / 8 * 8;
      std::vector<float> w(static_cast<std::size_t>(padded) * in), b(out), x(in), a(out), c(out);
      for (float& v : w) v = static_cast<float>(static_cast<int>(e() % 20001) - 10000) * 1.37e-5f;
      for (float& v : b) v = static_cast<float>(static_cast<int>(e() % 2001) - 1000) * 1e-3f;
      for (float& v : x) v = static_cast<float>(e() % 100000) * 3.1e-5f;
      minn::dense_f32<8>(w.data(), b.data(), in, out, minn::Act::None, x.data(), a.data());
      portable_dense8(w.data(), b.data(), in, out, x.data(), c.data());
      ASSERT_EQ(std::memcmp(a.data(), c.data(), sizeof(float) * out), 0) << out << "x" << in;
    }
  }
#endif
}

}  // namespace
