// Uptake normalisation. In a substrate-limited culture most fluxes scale with the substrate uptake,
// so a normalised model's network predicts yields (fluxes per unit of one raw input u, the measured
// glucose uptake) and the refinement starts from V0 = max(u, 0) * yields. S V = 0 is homogeneous,
// so the scaling keeps the mechanistic terms meaningful. The residual form's yield offset is not
// added here: the generator folds it into the output layer's bias (one float table, both paths).
#pragma once

namespace minn {

// The largest factor scale_by_input applies. An uptake is a few mmol/gDW/h, so this changes nothing
// a sensor can report; it only keeps a reading such as FLT_MAX (already status 1000 + i, beyond
// the envelope) from overflowing V0 to +-Inf and the refinement to NaN: found by fuzzing the
// generated infer (tests/fuzz/fuzz_infer.cpp).
inline constexpr float kMaxFluxScale = 1.0e30f;

// v[i] = v[i] * min(max(u, 0), kMaxFluxScale), u the RAW input value (not scaled, not clipped). u
// is finite here (check_inputs ran first). A negative u is a sensor fault, reported by the envelope
// check when outside the training envelope; clamping it at 0 keeps the outputs defined (every V0
// is +-0). Plain comparisons, no fmaxf (no libm, same bits on every FPU and soft-float ABI), and
// one fixed loop with no early exit, so FPU cores keep one instruction count for every input.
inline void scale_by_input(float* v, int n, float u) {
  const float positive = u > 0.0f ? u : 0.0f;
  const float s = positive < kMaxFluxScale ? positive : kMaxFluxScale;
  for (int i = 0; i < n; ++i) v[i] = v[i] * s;
}

}  // namespace minn
