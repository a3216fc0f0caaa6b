// libFuzzer target: the generated streaming sensor step of the shipped online model
// (models/e_coli_core_online.minn, `minnc compile` at build time) over a sequence of samples.
// Bytes 0-3 choose the policy (hold T, stuck count, spike fraction) and the strain's knockouts;
// then each sample is 11 fields of 5 bytes: a mode byte (below 192: a plausible chemostat value
// scaled by up to +-37 %; else the next 4 bytes as raw float bits: NaN, +-Inf, denormals,
// +-FLT_MAX, negative volumes, ...). Checked at every sample: generated step == host reference
// (quality word and every flux bit), known quality bits only, outputs never NaN, and outputs kept
// unchanged when there is no estimate.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#include "emit/reference_sensor.hpp"
#include "fuzz_check.hpp"
#include "model/model_file.hpp"
#include "online_fuzz.h"

namespace {

constexpr float kPlausible[MINN_SIGNAL_COUNT] = {0.0f,  0.2095f, 0.0004f, 0.19f, 0.02f, 1.0f,
                                                 1.0f,  0.1f,    500.0f,  0.1f,  2.0f};

const minn::MinnModel& model() {
  static const minn::MinnModel m = minn::load_model(MINN_MODELS_DIR "/e_coli_core_online.minn");
  return m;
}

float field(const std::uint8_t* p, int index, int sample) {
  if (p[0] < 192) {
    if (index == 0) return 0.1f * static_cast<float>(sample);  // time, h
    return kPlausible[index] * (1.0f + (static_cast<float>(p[0]) - 96.0f) / 256.0f);
  }
  std::uint32_t bits = 0;
  for (int b = 0; b < 4; ++b) bits |= static_cast<std::uint32_t>(p[1 + b]) << (8 * b);
  float f;
  std::memcpy(&f, &bits, sizeof f);
  return f;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 4) return 0;
  const minn_sensor_config config = {0.1f, data[0] % 16, data[1] % 8, static_cast<float>(data[2] % 10) / 10.0f,
                                     data[3] % 2};
  std::vector<float> genotype(online_fuzz_NUM_GENOTYPE > 0 ? online_fuzz_NUM_GENOTYPE : 1, 0.0f);
  for (int g = 0; g < online_fuzz_NUM_GENOTYPE; ++g) genotype[static_cast<std::size_t>(g)] = (data[3] >> (g % 8)) & 1;

  static online_fuzz_sensor_state state;
  if (online_fuzz_sensor_init(&state, &config, genotype.data()) != 0) minn::fuzz::fail("sensor_init refused");
  // One host reference for the whole campaign (lowering the model took 80 % of an execution),
  // restarted like the generated state.
  const std::vector<float> strain(genotype.begin(), genotype.begin() + online_fuzz_NUM_GENOTYPE);
  static minn::emit::ReferenceSensor reference(model(), minn::emit::Precision::F32, config, strain);
  reference.restart(config, strain);

  std::vector<float> generated(online_fuzz_NUM_OUTPUTS, 0.0f), host(online_fuzz_NUM_OUTPUTS, 0.0f);
  constexpr std::size_t kSampleBytes = 5 * MINN_SIGNAL_COUNT;
  for (std::size_t at = 4, sample = 0; at + kSampleBytes <= size && sample < 64; at += kSampleBytes, ++sample) {
    float values[MINN_SIGNAL_COUNT];
    for (int i = 0; i < MINN_SIGNAL_COUNT; ++i) values[i] = field(data + at + 5 * i, i, static_cast<int>(sample));
    minn_signals signals;
    static_assert(sizeof signals == sizeof values, "minn_signals is MINN_SIGNAL_COUNT floats");
    std::memcpy(&signals, values, sizeof signals);

    const std::vector<float> before = generated;
    const unsigned word = online_fuzz_sensor_step(&state, &signals, generated.data(), nullptr);
    const unsigned host_word = reference.step(signals, host.data());
    if (word != host_word) minn::fuzz::fail("generated and host quality words differ");
    if (std::memcmp(generated.data(), host.data(), generated.size() * sizeof(float)) != 0)
      minn::fuzz::fail("generated and host fluxes differ in their bits");
    if (word & ~(MINN_QUALITY_OUT_OF_ENVELOPE | MINN_QUALITY_HELD | MINN_QUALITY_INPUT_MISSING))
      minn::fuzz::fail("unknown quality bits");
    for (float v : generated)
      if (std::isnan(v)) minn::fuzz::fail("a NaN flux");
    if ((word & MINN_QUALITY_INPUT_MISSING) &&
        std::memcmp(before.data(), generated.data(), generated.size() * sizeof(float)) != 0)
      minn::fuzz::fail("outputs changed on a sample without an estimate");
  }
  return 0;
}
