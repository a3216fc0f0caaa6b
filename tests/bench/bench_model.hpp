// The model a benchmark runs: its MinnModel (for the reference and Eigen paths) and its generated C API.
#pragma once
#include "model/model.hpp"

namespace bench {

extern const char* const kBenchModelName;
minn::MinnModel load_bench_model();
int generated_infer(const float* in, float* out);

}  // namespace bench
