// Arm VFP path of dense_f32 for panels of 8 rows (Cortex-M4F/M7/M33/M55, Cortex-A armhf).
//
// Why assembly: VMLA.F32 rounds the product before the accumulation (Arm ARM pseudocode: FPMul,
// then FPAdd of the rounded product), i.e. exactly `acc = acc + w * x` of the contract in dense.hpp, in one
// instruction. GCC never emits it under -ffp-contract=off (it treats it as a contraction) and never
// merges the weight loads into VLDM, so the C loop costs about 3.7 instructions per multiply-add;
// this loop costs 37 instructions per 32 (4 inputs x 8 rows): 1 VLDM of 4 x values, 2 VLDM of 16
// weights (the panel layout is exactly the order they are streamed in), 32 VMLA, SUBS, BNE.
//
// Registers: s0-s7 the 8 row accumulators, s8-s11 x[j..j+3], s16-s31 the weights of two inputs.
// The asm clobbers s16-s31 (callee-saved), so the caller saves them once (VPUSH/VPOP).
#pragma once
#if defined(__arm__) && defined(__ARM_FP) && (__ARM_FP & 4) && !defined(MINN_NO_SIMD)
#define MINN_DENSE_ARM_VFP 1

namespace minn {
namespace arm {

// acc[r] = sum over j in order of w[j * 8 + r] * x[j] (from +0), r = 0..7; `in` >= 0.
inline void panel8_acc(const float* w, int in, const float* x, float* acc) {
  static const float kZero[8] = {0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f, 0.0f};
  int quads = in / 4;
  int singles = in % 4;
  __asm__ volatile(
      "vldm %[zero], {s0-s7}\n\t"
      "cmp %[quads], #0\n\t"
      "beq 2f\n"
      "1:\n\t"
      "vldm %[x]!, {s8-s11}\n\t"
      "vldm %[w]!, {s16-s31}\n\t"
      "vmla.f32 s0, s16, s8\n\tvmla.f32 s1, s17, s8\n\tvmla.f32 s2, s18, s8\n\tvmla.f32 s3, s19, s8\n\t"
      "vmla.f32 s4, s20, s8\n\tvmla.f32 s5, s21, s8\n\tvmla.f32 s6, s22, s8\n\tvmla.f32 s7, s23, s8\n\t"
      "vmla.f32 s0, s24, s9\n\tvmla.f32 s1, s25, s9\n\tvmla.f32 s2, s26, s9\n\tvmla.f32 s3, s27, s9\n\t"
      "vmla.f32 s4, s28, s9\n\tvmla.f32 s5, s29, s9\n\tvmla.f32 s6, s30, s9\n\tvmla.f32 s7, s31, s9\n\t"
      "vldm %[w]!, {s16-s31}\n\t"
      "vmla.f32 s0, s16, s10\n\tvmla.f32 s1, s17, s10\n\tvmla.f32 s2, s18, s10\n\tvmla.f32 s3, s19, s10\n\t"
      "vmla.f32 s4, s20, s10\n\tvmla.f32 s5, s21, s10\n\tvmla.f32 s6, s22, s10\n\tvmla.f32 s7, s23, s10\n\t"
      "vmla.f32 s0, s24, s11\n\tvmla.f32 s1, s25, s11\n\tvmla.f32 s2, s26, s11\n\tvmla.f32 s3, s27, s11\n\t"
      "vmla.f32 s4, s28, s11\n\tvmla.f32 s5, s29, s11\n\tvmla.f32 s6, s30, s11\n\tvmla.f32 s7, s31, s11\n\t"
      "subs %[quads], %[quads], #1\n\t"
      "bne 1b\n"
      "2:\n\t"
      "cmp %[singles], #0\n\t"
      "beq 4f\n"
      "3:\n\t"
      "vldm %[x]!, {s8}\n\t"
      "vldm %[w]!, {s16-s23}\n\t"
      "vmla.f32 s0, s16, s8\n\tvmla.f32 s1, s17, s8\n\tvmla.f32 s2, s18, s8\n\tvmla.f32 s3, s19, s8\n\t"
      "vmla.f32 s4, s20, s8\n\tvmla.f32 s5, s21, s8\n\tvmla.f32 s6, s22, s8\n\tvmla.f32 s7, s23, s8\n\t"
      "subs %[singles], %[singles], #1\n\t"
      "bne 3b\n"
      "4:\n\t"
      "vstm %[acc], {s0-s7}\n\t"
      : [w] "+r"(w), [x] "+r"(x), [quads] "+r"(quads), [singles] "+r"(singles)
      : [acc] "r"(acc), [zero] "r"(kZero)
      : "s0", "s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "s16", "s17",
        "s18", "s19", "s20", "s21", "s22", "s23", "s24", "s25", "s26", "s27", "s28", "s29", "s30",
        "s31", "cc", "memory");
}

}  // namespace arm
}  // namespace minn
#endif
