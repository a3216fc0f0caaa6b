// Bench model until models/e_coli_core.minn ships: a random MINN with e_coli_core's dimensions,
// generated at build time as `ecoli_sized` (tests/emit/fixture_gen.cpp).
#include "bench_model.hpp"
#include "ecoli_sized.h"
#include "fixture_spec.hpp"
#include "random_model.hpp"

namespace bench {

const char* const kBenchModelName = "random MINN with e_coli_core dimensions";

minn::MinnModel load_bench_model() { return minn::test::make_random_model(minn::test::kEcoliSizedSpec); }

int generated_infer(const float* in, float* out) {
  static ecoli_sized_workspace ws;
  return ecoli_sized_infer(in, out, &ws);
}

}  // namespace bench
