// Uptake normalisation. In a substrate-limited culture most fluxes scale with the substrate uptake,
// so a normalised model's network predicts yields (fluxes per unit of one raw input u, the measured
// glucose uptake) and the refinement starts from V0 = max(u, 0) * yields. S V = 0 is homogeneous,
// so the scaling keeps the mechanistic terms meaningful. The residual form's yield offset is not
// added here: the generator folds it into the output layer's bias (one float table, both paths).
#pragma once

namespace minn {

// v[i] = v[i] * max(u, 0), u the RAW input value (not scaled, not clipped). u is finite here
// (check_inputs ran first). A negative u is a sensor fault, reported by the envelope check when
// outside the training envelope; clamping it at 0 keeps the outputs defined (every V0 is +-0).
// A plain comparison, no fmaxf (no libm, same bits on every FPU and soft-float ABI), and one fixed
// loop with no early exit, so FPU cores keep one instruction count for every input.
inline void scale_by_input(float* v, int n, float u) {
  const float s = u > 0.0f ? u : 0.0f;
  for (int i = 0; i < n; ++i) v[i] = v[i] * s;
}

}  // namespace minn
