// Bench model: the shipped models/e_coli_core.minn (or MINN_EMIT_ECOLI_MODEL), its C API generated at build time by
// `minnc compile --name ecoli_core`.
#include "bench_model.hpp"
#include "ecoli_core.h"
#include "model/model_file.hpp"

namespace bench {

const char* const kBenchModelName = MINN_BENCH_MODEL_PATH;

minn::MinnModel load_bench_model() { return minn::load_model(MINN_BENCH_MODEL_PATH); }

int generated_infer(const float* in, float* out) {
  static ecoli_core_workspace ws;
  return ecoli_core_infer(in, out, &ws);
}

}  // namespace bench
