// The Arm assembly kernels against the plain C loops, bit for bit, on an Arm core (built for
// armhf in Thumb-2 and run under qemu-arm by arm_kernels_parity_check.sh): the f32 panel kernel
// (VLDM/VMLA, dense_arm.hpp), mul_add/mul_sub (VMLA/VMLS) and the q15/q7 SMLAD panels
// (dense_q_arm.hpp), at every tail length and near the int32 bound of the fixed-point sums.
// Prints one line per check and exits non-zero on any difference or when a path is not compiled in.
#include <cstdio>
#include <cstring>
#include <random>
#include <vector>

#include "minn/fixed_point.hpp"
#include "minn/mul_add.hpp"

namespace {

int failures = 0;

void report(const char* what, int bad) {
  std::printf("%s: %s (%d differences)\n", what, bad == 0 ? "ok" : "FAIL", bad);
  failures += bad != 0;
}

int check_f32(std::mt19937& e) {
  int bad = 0;
  for (int in : {0, 1, 2, 3, 4, 5, 7, 8, 141, 250}) {
    for (int out : {1, 7, 8, 9, 142, 250}) {
      std::vector<float> w(static_cast<std::size_t>((out + 7) / 8 * 8) * in), b(out), x(in), y1(out), y2(out);
      for (float& v : w) v = static_cast<float>(static_cast<int>(e() % 20001) - 10000) * 1.37e-5f;
      for (float& v : b) v = static_cast<float>(static_cast<int>(e() % 2001) - 1000) * 1e-3f;
      for (float& v : x) v = static_cast<float>(static_cast<int>(e() % 20001) - 10000) * 3.1e-4f;
      minn::dense_f32<8>(w.data(), b.data(), in, out, minn::Act::Relu, x.data(), y1.data());
      minn::dense_f32_portable<8>(w.data(), b.data(), in, out, minn::Act::Relu, x.data(), y2.data());
      bad += std::memcmp(y1.data(), y2.data(), sizeof(float) * out) != 0;
    }
  }
  return bad;
}

int check_mul_add(std::mt19937& e) {
  int bad = 0;
  for (int i = 0; i < 10000; ++i) {
    const float a = static_cast<float>(static_cast<int>(e() % 2000001) - 1000000) * 1.7e-4f;
    const float b = static_cast<float>(static_cast<int>(e() % 2000001) - 1000000) * 2.3e-3f;
    const float c = static_cast<float>(static_cast<int>(e() % 2000001) - 1000000) * 0.9e-2f;
    volatile float p = b * c;  // rounded product, then the add: the contract
    const float add = a + p, sub = a - p;
    const float got_add = minn::mul_add(a, b, c), got_sub = minn::mul_sub(a, b, c);
    bad += std::memcmp(&add, &got_add, 4) != 0 || std::memcmp(&sub, &got_sub, 4) != 0;
  }
  return bad;
}

template <typename T>
int check_q(std::mt19937& e, int amax, int wmax) {
  int bad = 0;
  for (int in : {1, 2, 3, 5, 8, 9, 141, 250}) {
    for (int out : {1, 3, 4, 7, 142}) {
      const int pairs = (in + 1) / 2;
      std::vector<T> w(static_cast<std::size_t>((out + 3) / 4) * pairs * 8, T(0)), x(in + 1, T(0)), y1(out + 1), y2(out + 1);
      for (int r = 0; r < out; ++r)
        for (int j = 0; j < in; ++j)
          w[minn::fx::weight_index<T>(r, j, pairs)] = static_cast<T>(static_cast<int>(e() % (2 * wmax + 1)) - wmax);
      for (int j = 0; j < in; ++j) x[j] = static_cast<T>(static_cast<int>(e() % (2 * amax + 1)) - amax);
      std::vector<std::int32_t> mult(out, 1 << 30), bias(out, 3);
      std::vector<std::int8_t> shift(out, sizeof(T) == 2 ? 45 : 36);
      const minn::fx::Requant rq{mult.data(), shift.data(), bias.data(), amax};
      minn::fx::dense_q(w.data(), rq, in, out, minn::Act::None, x.data(), y1.data());
      minn::fx::dense_q_portable(w.data(), rq, in, out, minn::Act::None, x.data(), y2.data());
      for (int r = 0; r <= out; ++r) bad += y1[r] != y2[r];
    }
  }
  return bad;
}

}  // namespace

int main() {
#if !defined(MINN_DENSE_ARM_VFP) || !defined(MINN_DENSE_Q_SMLAD)
  std::printf("FAIL: the Arm kernel paths are not compiled in\n");
  return 1;
#else
  std::mt19937 e(17);
  report("f32 dense, VLDM/VMLA panels vs C loop", check_f32(e));
  report("mul_add/mul_sub, VMLA/VMLS vs rounded product then add", check_mul_add(e));
  // Weights up to 256 at 250 inputs and |x| <= 32767: sums up to 2^31 * 0.98, near the bound.
  report("q15 dense, SMLAD vs C loop", check_q<std::int16_t>(e, 32767, 256));
  report("q7 dense, SXTB16/SMLAD vs C loop", check_q<std::int8_t>(e, 127, 127));
  return failures == 0 ? 0 : 1;
#endif
}
