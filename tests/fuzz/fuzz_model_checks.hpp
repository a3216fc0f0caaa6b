// What must hold for any model the .minn loader accepts: it serializes back to an equal model,
// the host reference runs it under the status contract of minn/status.h (f32 and int8w), and
// `minnc compile` generates code for it. The loader is the only gate in front of these, so an
// accepted model that breaks one of them is a loader bug.
#pragma once
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "emit/emitter.hpp"
#include "emit/reference_predictor.hpp"
#include "fuzz_check.hpp"
#include "minn/status.h"
#include "model/model_equal.hpp"
#include "model/model_file.hpp"

namespace minn::fuzz {

// Runs `predictor` on `in` and checks the status contract: the first non-finite input gives
// -(1 + i) with the outputs untouched; otherwise 0 or 1000 + i and every output written. `out`
// receives the outputs (the sentinel where none were written), so a caller comparing them with
// the generated code needs no second host inference.
inline int check_status_contract(emit::ReferencePredictor& predictor, const std::vector<float>& in,
                                 std::vector<float>& out, float sentinel) {
  out.assign(static_cast<std::size_t>(predictor.num_outputs()), sentinel);
  const int status = predictor.infer(in.data(), out.data());
  int first_bad = -1;
  for (std::size_t i = 0; i < in.size() && first_bad < 0; ++i)
    if (!std::isfinite(in[i])) first_bad = static_cast<int>(i);
  if (first_bad >= 0) {
    if (status != -(1 + first_bad)) fail("a non-finite input did not give status -(1 + i)");
    for (float v : out)
      if (std::memcmp(&v, &sentinel, sizeof v) != 0) fail("outputs changed on an error status");
  } else if (status != MINN_STATUS_OK &&
             !(status >= MINN_STATUS_ENVELOPE_BASE &&
               status < MINN_STATUS_ENVELOPE_BASE + static_cast<int>(in.size()))) {
    fail("finite inputs gave status " + std::to_string(status));
  }
  return status;
}

inline int check_status_contract(emit::ReferencePredictor& predictor, const std::vector<float>& in) {
  std::vector<float> out;
  return check_status_contract(predictor, in, out, -12345.5f);
}

inline void check_accepted_model(const MinnModel& model, const std::vector<float>& probe) {
  const std::vector<std::uint8_t> bytes = serialize_model(model);
  std::string difference;
  if (!models_equal(parse_model(bytes.data(), bytes.size(), "reserialized"), model, &difference))
    fail("an accepted model does not survive save + load: " + difference);

  for (const emit::Precision precision : {emit::Precision::F32, emit::Precision::Int8W}) {
    emit::ReferencePredictor predictor(model, precision);
    std::vector<float> in(static_cast<std::size_t>(model.num_inputs()));
    for (std::size_t i = 0; i < in.size(); ++i)  // the envelope midpoint, then the probe's bits
      in[i] = model.envelope_min[i] / 2 + model.envelope_max[i] / 2;
    check_status_contract(predictor, in);
    for (std::size_t i = 0; i < in.size() && i < probe.size(); ++i) in[i] = probe[i];
    check_status_contract(predictor, in);

    // Generating C++ for a GEM-sized model takes most of a second: only small models, so the
    // fuzzer keeps its pace on mutated copies of e_coli_core (the tests compile that one).
    std::size_t weights = 0;
    for (const DenseLayer& layer : model.layers) weights += layer.weights.size();
    if (weights > 4096) continue;
    emit::EmitOptions options;
    options.name = "fuzzed";
    options.precision = precision;
    emit::generate(model, options);
  }
}

}  // namespace minn::fuzz
