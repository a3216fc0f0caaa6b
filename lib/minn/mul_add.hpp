// acc + a * b and acc - a * b with the product rounded to float first (never fused), the
// arithmetic every kernel's contract is written in. On Arm VFP each is one instruction, VMLA.F32 /
// VMLS.F32 (their pseudocode: FPMul, then FPAdd of the rounded product, or of its negation), which
// GCC does not emit under -ffp-contract=off; elsewhere the plain expression (-ffp-contract=off keeps
// it a multiply and an add). acc - p == acc + (-p) exactly in IEEE arithmetic, so VMLS matches.
#pragma once

namespace minn {

#if defined(__arm__) && defined(__ARM_FP) && (__ARM_FP & 4) && !defined(MINN_NO_SIMD)
inline float mul_add(float acc, float a, float b) {
  __asm__("vmla.f32 %0, %1, %2" : "+t"(acc) : "t"(a), "t"(b));
  return acc;
}
inline float mul_sub(float acc, float a, float b) {
  __asm__("vmls.f32 %0, %1, %2" : "+t"(acc) : "t"(a), "t"(b));
  return acc;
}
#else
inline float mul_add(float acc, float a, float b) { return acc + a * b; }
inline float mul_sub(float acc, float a, float b) { return acc - a * b; }
#endif

}  // namespace minn
