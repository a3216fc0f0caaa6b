// Compiled with MINN_NO_SIMD: the portable loop of lib/minn/dense.hpp, as on Cortex-M.
#include "minn/dense.hpp"

#if defined(MINN_DENSE_X86)
#error "this file must see the portable path"
#endif

void portable_dense8(const float* w, const float* b, int in, int out, const float* x, float* y) {
  minn::dense_f32<8>(w, b, in, out, minn::Act::None, x, y);
}
