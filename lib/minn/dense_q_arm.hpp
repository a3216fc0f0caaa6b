// SMLAD paths of the fixed-point dense layer (Cortex-M4/M7/M33/M55 with the DSP extension): one
// SMLAD is two 16 x 16 multiply-adds into an int32 accumulator. The generator's panel layout
// (fixed_point.hpp, weight_index) is exactly the stream each loop reads. Integer sums are exact and
// cannot overflow (fixed_point.hpp), so the bits equal the C loop's on every core.
//   q15: per pair of inputs one LDR of x[j], x[j+1], one LDM of the four rows' weight pairs and
//        four SMLAD; four pairs per iteration (26 instructions per 32 MACs).
//   q7:  per pair one LDRH of the two int8 x, ORR x, x << 8 (x[j+1] into byte 2) and SXTB16 (both
//        to 16 bits), one LDM of two words (each two rows' pairs), four SXTB16 to split them and four
//        SMLAD; two pairs per iteration (26 instructions per 16 MACs).
#pragma once
#include <stdint.h>

#if defined(__arm__) && defined(__ARM_FEATURE_DSP) && !defined(MINN_NO_SIMD)
#define MINN_DENSE_Q_SMLAD 1

namespace minn {
namespace arm {

// acc[r] = sum over input pairs of the panel's 4 rows; x holds `pairs` int16 pairs (4-byte aligned).
inline void panel4_q15(const int16_t* w, int pairs, const int16_t* x, int32_t* acc) {
  int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  int quads = pairs / 4;
  int singles = pairs % 4;
  register int32_t w0 __asm__("r4");
  register int32_t w1 __asm__("r5");
  register int32_t w2 __asm__("r6");
  register int32_t w3 __asm__("r8");
  int32_t xp;
  __asm__ volatile(
      "cmp %[quads], #0\n\t"
      "beq 2f\n"
      "1:\n\t"
      "ldr %[xp], [%[x]], #4\n\t"
      "ldmia %[w]!, {%[w0], %[w1], %[w2], %[w3]}\n\t"
      "smlad %[a0], %[w0], %[xp], %[a0]\n\tsmlad %[a1], %[w1], %[xp], %[a1]\n\t"
      "smlad %[a2], %[w2], %[xp], %[a2]\n\tsmlad %[a3], %[w3], %[xp], %[a3]\n\t"
      "ldr %[xp], [%[x]], #4\n\t"
      "ldmia %[w]!, {%[w0], %[w1], %[w2], %[w3]}\n\t"
      "smlad %[a0], %[w0], %[xp], %[a0]\n\tsmlad %[a1], %[w1], %[xp], %[a1]\n\t"
      "smlad %[a2], %[w2], %[xp], %[a2]\n\tsmlad %[a3], %[w3], %[xp], %[a3]\n\t"
      "ldr %[xp], [%[x]], #4\n\t"
      "ldmia %[w]!, {%[w0], %[w1], %[w2], %[w3]}\n\t"
      "smlad %[a0], %[w0], %[xp], %[a0]\n\tsmlad %[a1], %[w1], %[xp], %[a1]\n\t"
      "smlad %[a2], %[w2], %[xp], %[a2]\n\tsmlad %[a3], %[w3], %[xp], %[a3]\n\t"
      "ldr %[xp], [%[x]], #4\n\t"
      "ldmia %[w]!, {%[w0], %[w1], %[w2], %[w3]}\n\t"
      "smlad %[a0], %[w0], %[xp], %[a0]\n\tsmlad %[a1], %[w1], %[xp], %[a1]\n\t"
      "smlad %[a2], %[w2], %[xp], %[a2]\n\tsmlad %[a3], %[w3], %[xp], %[a3]\n\t"
      "subs %[quads], %[quads], #1\n\t"
      "bne 1b\n"
      "2:\n\t"
      "cmp %[singles], #0\n\t"
      "beq 4f\n"
      "3:\n\t"
      "ldr %[xp], [%[x]], #4\n\t"
      "ldmia %[w]!, {%[w0], %[w1], %[w2], %[w3]}\n\t"
      "smlad %[a0], %[w0], %[xp], %[a0]\n\tsmlad %[a1], %[w1], %[xp], %[a1]\n\t"
      "smlad %[a2], %[w2], %[xp], %[a2]\n\tsmlad %[a3], %[w3], %[xp], %[a3]\n\t"
      "subs %[singles], %[singles], #1\n\t"
      "bne 3b\n"
      "4:\n\t"
      : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [w] "+r"(w), [x] "+r"(x),
        [quads] "+r"(quads), [singles] "+r"(singles), [xp] "=&r"(xp), [w0] "=&r"(w0),
        [w1] "=&r"(w1), [w2] "=&r"(w2), [w3] "=&r"(w3)
      :
      : "cc", "memory");
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

// acc[r] for the panel's 4 rows over `pairs` int8 input pairs (fixed_point.hpp's int8 layout).
inline void panel4_q7(const int8_t* w, int pairs, const int8_t* x, int32_t* acc) {
  int32_t a0 = 0, a1 = 0, a2 = 0, a3 = 0;
  int twos = pairs / 2;
  int single = pairs % 2;
  register int32_t w0 __asm__("r4");
  register int32_t w1 __asm__("r5");
  int32_t xp, t0, t1;
  __asm__ volatile(
      "cmp %[twos], #0\n\t"
      "beq 2f\n"
      "1:\n\t"
      "ldrh %[xp], [%[x]], #2\n\t"
      "orr %[xp], %[xp], %[xp], lsl #8\n\t"
      "sxtb16 %[xp], %[xp]\n\t"
      "ldmia %[w]!, {%[w0], %[w1]}\n\t"
      "sxtb16 %[t0], %[w0]\n\tsxtb16 %[t1], %[w0], ror #8\n\t"
      "smlad %[a0], %[t0], %[xp], %[a0]\n\tsmlad %[a1], %[t1], %[xp], %[a1]\n\t"
      "sxtb16 %[t0], %[w1]\n\tsxtb16 %[t1], %[w1], ror #8\n\t"
      "smlad %[a2], %[t0], %[xp], %[a2]\n\tsmlad %[a3], %[t1], %[xp], %[a3]\n\t"
      "ldrh %[xp], [%[x]], #2\n\t"
      "orr %[xp], %[xp], %[xp], lsl #8\n\t"
      "sxtb16 %[xp], %[xp]\n\t"
      "ldmia %[w]!, {%[w0], %[w1]}\n\t"
      "sxtb16 %[t0], %[w0]\n\tsxtb16 %[t1], %[w0], ror #8\n\t"
      "smlad %[a0], %[t0], %[xp], %[a0]\n\tsmlad %[a1], %[t1], %[xp], %[a1]\n\t"
      "sxtb16 %[t0], %[w1]\n\tsxtb16 %[t1], %[w1], ror #8\n\t"
      "smlad %[a2], %[t0], %[xp], %[a2]\n\tsmlad %[a3], %[t1], %[xp], %[a3]\n\t"
      "subs %[twos], %[twos], #1\n\t"
      "bne 1b\n"
      "2:\n\t"
      "cmp %[single], #0\n\t"
      "beq 3f\n\t"
      "ldrh %[xp], [%[x]], #2\n\t"
      "orr %[xp], %[xp], %[xp], lsl #8\n\t"
      "sxtb16 %[xp], %[xp]\n\t"
      "ldmia %[w]!, {%[w0], %[w1]}\n\t"
      "sxtb16 %[t0], %[w0]\n\tsxtb16 %[t1], %[w0], ror #8\n\t"
      "smlad %[a0], %[t0], %[xp], %[a0]\n\tsmlad %[a1], %[t1], %[xp], %[a1]\n\t"
      "sxtb16 %[t0], %[w1]\n\tsxtb16 %[t1], %[w1], ror #8\n\t"
      "smlad %[a2], %[t0], %[xp], %[a2]\n\tsmlad %[a3], %[t1], %[xp], %[a3]\n"
      "3:\n\t"
      : [a0] "+r"(a0), [a1] "+r"(a1), [a2] "+r"(a2), [a3] "+r"(a3), [w] "+r"(w), [x] "+r"(x),
        [twos] "+r"(twos), [single] "+r"(single), [xp] "=&r"(xp), [t0] "=&r"(t0), [t1] "=&r"(t1),
        [w0] "=&r"(w0), [w1] "=&r"(w1)
      :
      : "cc", "memory");
  acc[0] = a0;
  acc[1] = a1;
  acc[2] = a2;
  acc[3] = a3;
}

}  // namespace arm
}  // namespace minn
#endif
