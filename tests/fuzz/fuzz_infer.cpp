// libFuzzer target: the generated `infer` of the shipped model (models/e_coli_core.minn, compiled
// by `minnc compile` at build time) fed arbitrary float bit patterns: NaN, +-Inf, denormals,
// +-FLT_MAX, values far beyond the training envelope. Every input starts at its envelope midpoint;
// the fuzzer's bytes are 5-byte records (input index modulo the input count, then the float's 4
// bytes, little-endian) that overwrite single inputs. Checked on every execution:
//  - the status contract of minn/status.h (outputs untouched on an error status);
//  - the generated code and the host reference (`minnc predict`) agree bit for bit;
//  - on an ok or envelope status every flux is finite: the model clips its scaled inputs, so no
//    finite reading, however far outside the envelope, may turn into a NaN or Inf flux.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "emit/reference_predictor.hpp"
#include "fuzz_check.hpp"
#include "fuzz_model_checks.hpp"
#include "model/model_file.hpp"
#include "ecoli_fuzz.h"

namespace {

minn::emit::ReferencePredictor& reference() {
  static minn::MinnModel model = minn::load_model(MINN_MODELS_DIR "/e_coli_core.minn");
  static minn::emit::ReferencePredictor predictor(model, minn::emit::Precision::F32);
  return predictor;
}

const std::vector<float>& midpoints() {
  static const std::vector<float> mid = [] {
    const minn::MinnModel model = minn::load_model(MINN_MODELS_DIR "/e_coli_core.minn");
    std::vector<float> v(model.input_names.size());
    for (std::size_t i = 0; i < v.size(); ++i) v[i] = model.envelope_min[i] / 2 + model.envelope_max[i] / 2;
    return v;
  }();
  return mid;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static_assert(ecoli_fuzz_NUM_INPUTS > 0, "the model has inputs");
  std::vector<float> in = midpoints();
  if (in.size() != static_cast<std::size_t>(ecoli_fuzz_NUM_INPUTS)) minn::fuzz::fail("input count");
  for (std::size_t at = 0; at + 5 <= size; at += 5) {
    const std::size_t index = data[at] % in.size();
    std::uint32_t bits = 0;
    for (int b = 0; b < 4; ++b) bits |= static_cast<std::uint32_t>(data[at + 1 + b]) << (8 * b);
    std::memcpy(&in[index], &bits, sizeof bits);
  }

  static ecoli_fuzz_workspace workspace;
  const float sentinel = -7.25f;
  std::vector<float> generated(ecoli_fuzz_NUM_OUTPUTS, sentinel);
  const int status = ecoli_fuzz_infer(in.data(), generated.data(), &workspace);

  std::vector<float> host;
  const int host_status = minn::fuzz::check_status_contract(reference(), in, host, sentinel);
  if (status != host_status) minn::fuzz::fail("generated and host status differ");
  if (std::memcmp(generated.data(), host.data(), generated.size() * sizeof(float)) != 0)
    minn::fuzz::fail("generated and host fluxes differ in their bits");
  if (status >= 0)
    for (float v : generated)
      if (!std::isfinite(v)) minn::fuzz::fail("a finite input gave a non-finite flux (status " + std::to_string(status) + ")");
  return 0;
}
