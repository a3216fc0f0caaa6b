// The streaming soft sensor: one call per sample turns the raw signals of minn_signals into the
// online rates an online model reads (glucose and O2 uptake, CO2 evolution, growth rate), runs the
// model and grades the estimate. Generated code wraps it as NAME_sensor_step (emit/emitter.cpp);
// the host reference runs the same template.
//
// Policy for bad readings, per signal, each sample (documented in the README):
//   - missing: NaN or +-Inf, or outside its physical domain (a mole fraction outside [0, 1], a gas
//     flow, volume or biomass <= 0, a negative feed);
//   - spike (biomass, off-gas O2 and CO2, when spike_fraction > 0): a reading further than
//     spike_fraction * max(|last good|, floor) from the last good one; it is held, unless the next
//     reading is within the same distance of it, which confirms a real step and is accepted. The
//     off-gas fractions are compared as what the rates use: the O2 depletion (inlet - outlet) and
//     the CO2 enrichment (outlet - inlet), since a 2 % error on a 0.2 outlet O2 fraction is a 70 %
//     error on a 0.006 depletion;
//   - stuck (off-gas O2 and CO2, when stuck_samples > 0): the same bits stuck_samples times in a row;
//     analysers carry noise in their last digits, so an exact repeat is a frozen reading.
// A bad reading is replaced by the last good one (quality bit HELD) for at most max_hold_samples
// consecutive samples; beyond that, or before any good reading, there is no estimate this sample
// (INPUT_MISSING) and the outputs keep the last estimate. The growth rate's window receives only
// fresh biomass readings (a held value would flatten the slope); while it has too few, INPUT_MISSING.
// In chemostat mode (config.chemostat) the growth rate is the dilution rate and needs no window.
// Fixed loops only: the instruction count per sample is bounded whatever the signals are.
#pragma once
#include <stdint.h>

#include "minn/gas_rates.hpp"
#include "minn/glucose_uptake.hpp"
#include "minn/growth_rate.hpp"
#include "minn/input_guard.hpp"
#include "minn/sensor_signals.h"
#include "minn/specific_rates.hpp"
#include "minn/status.h"

namespace minn {

// Indices into the float fields of minn_signals, in declaration order.
enum SignalIndex : int {
  kSignalTime = 0,
  kSignalO2In,
  kSignalCo2In,
  kSignalO2Out,
  kSignalCo2Out,
  kSignalGasIn,
  kSignalVolume,
  kSignalFeed,
  kSignalFeedGlucose,
  kSignalOutflow,
  kSignalBiomass,
};

// What feeds each model input: one of the four online rates, or genotype value g (kFromGenotype + g).
enum RateSource : int8_t {
  kFromGlucoseUptake = 0,  // q_glc, mmol/gDW/h
  kFromOxygenUptake = 1,   // q_O2, mmol/gDW/h
  kFromCo2Evolution = 2,   // q_CO2, mmol/gDW/h
  kFromGrowthRate = 3,     // mu, 1/h
  kFromGenotype = 4,
};

// Below these magnitudes a relative jump is measured against the floor: the off-gas CO2 fraction
// starts near 0 (air: 0.0004) and a batch starts at low biomass, where tiny absolute changes are
// large relative ones.
inline constexpr float kSpikeFloorOffGas = 0.001f;  // mol/mol of depletion or enrichment
inline constexpr float kSpikeFloorBiomass = 0.1f;   // gDW/L

// The growth-rate window of the sensor: 8 samples (a lag of 3.5 sample periods; growth_rate.hpp).
inline constexpr int kSensorGrowthWindow = 8;

struct SoftSensorCore {
  minn_sensor_config config;
  float last_good[MINN_SIGNAL_COUNT];
  float candidate[MINN_SIGNAL_COUNT];      // a deviating reading waiting for confirmation
  uint32_t previous_bits[MINN_SIGNAL_COUNT];
  int16_t missing_run[MINN_SIGNAL_COUNT];  // consecutive bad readings
  int16_t repeat_run[MINN_SIGNAL_COUNT];   // consecutive exact repeats
  uint8_t has_good[MINN_SIGNAL_COUNT];
  uint8_t has_candidate[MINN_SIGNAL_COUNT];
  uint8_t has_previous[MINN_SIGNAL_COUNT];
  GrowthRateWindow<kSensorGrowthWindow> growth;
  float rates[4];  // the last online rates computed (q_glc, q_O2, q_CO2, mu), for reports
  uint16_t bad_signals;  // bit i: signal i was bad (missing, spike or stuck) this sample
};

namespace soft_sensor_detail {

inline float signal(const minn_signals& s, int i) {
  const float fields[MINN_SIGNAL_COUNT] = {s.time_h,  s.o2_in,         s.co2_in,
                                           s.o2_out,  s.co2_out,       s.gas_in_nl_per_min,
                                           s.volume_l, s.feed_l_per_h, s.feed_glucose_mmol_per_l,
                                           s.outflow_l_per_h, s.biomass_gdw_per_l};
  return fields[i];
}

inline bool in_domain(int i, float v) {
  switch (i) {
    case kSignalO2In:
    case kSignalCo2In:
    case kSignalO2Out:
    case kSignalCo2Out:
      return v >= 0.0f && v <= 1.0f;
    case kSignalGasIn:
    case kSignalVolume:
    case kSignalBiomass:
      return v > 0.0f;
    case kSignalFeed:
    case kSignalFeedGlucose:
    case kSignalOutflow:
      return v >= 0.0f;
    default:
      return true;  // time: informational
  }
}

inline bool spike_checked(int i) { return i == kSignalO2Out || i == kSignalCo2Out || i == kSignalBiomass; }
inline bool stuck_checked(int i) { return i == kSignalO2Out || i == kSignalCo2Out; }

inline float magnitude(float v) { return v < 0.0f ? -v : v; }

inline bool within(float a, float b, float fraction, float floor) {
  const float scale = magnitude(b) > floor ? magnitude(b) : floor;
  return magnitude(a - b) <= fraction * scale;
}

inline uint32_t bits_of(float v) {
  uint32_t b;
  __builtin_memcpy(&b, &v, sizeof b);
  return b;
}

// What a spike is measured on: the biomass itself, the O2 depletion and the CO2 enrichment
// against the inlet (its last good value; signals are read in index order, inlets first).
inline float spike_measure(const SoftSensorCore& c, int i, float reading) {
  if (i == kSignalO2Out) return c.last_good[kSignalO2In] - reading;
  if (i == kSignalCo2Out) return reading - c.last_good[kSignalCo2In];
  return reading;
}

// Classifies reading i and updates its history; returns true when the reading is good.
inline bool accept_reading(SoftSensorCore& c, int i, float raw) {
  bool good = is_finite(raw) && in_domain(i, raw);
  if (good && c.config.stuck_samples > 0 && stuck_checked(i)) {
    const uint32_t bits = bits_of(raw);
    const bool repeat = c.has_previous[i] != 0 && bits == c.previous_bits[i];
    c.repeat_run[i] = repeat ? static_cast<int16_t>(c.repeat_run[i] < 32000 ? c.repeat_run[i] + 1 : 32000)
                             : static_cast<int16_t>(0);
    c.previous_bits[i] = bits;
    c.has_previous[i] = 1;
    if (c.repeat_run[i] + 1 >= c.config.stuck_samples) good = false;
  }
  if (good && c.config.spike_fraction > 0.0f && spike_checked(i) && c.has_good[i] != 0) {
    const float floor = i == kSignalBiomass ? kSpikeFloorBiomass : kSpikeFloorOffGas;
    const float now = spike_measure(c, i, raw);
    if (!within(now, spike_measure(c, i, c.last_good[i]), c.config.spike_fraction, floor)) {
      const bool confirmed = c.has_candidate[i] != 0 &&
                             within(now, spike_measure(c, i, c.candidate[i]), c.config.spike_fraction, floor);
      c.candidate[i] = raw;
      c.has_candidate[i] = 1;
      good = confirmed;  // a second reading at the new level is a real step
    }
  }
  if (good) {
    c.last_good[i] = raw;
    c.has_good[i] = 1;
    c.has_candidate[i] = 0;
    c.missing_run[i] = 0;
  } else {
    c.missing_run[i] = static_cast<int16_t>(c.missing_run[i] < 32000 ? c.missing_run[i] + 1 : 32000);
  }
  return good;
}

}  // namespace soft_sensor_detail

// A fresh core (no readings yet). The config is copied; a non-positive sample period makes every
// step report INPUT_MISSING (growth_rate rejects it) rather than divide by zero.
inline void soft_sensor_init(SoftSensorCore& c, const minn_sensor_config& config) {
  c = SoftSensorCore{};
  c.config = config;
}

// One sample. `input_source[k]` says what feeds model input k (RateSource); `genotype` holds the
// strain's genotype inputs; `infer(in, out, ws)` is the model (a minn status code). Returns the
// quality word for this sample's outputs and writes `out` only when an estimate was made.
// *model_status receives infer's code (or 0 when the model did not run).
template <typename Infer>
inline unsigned soft_sensor_step(SoftSensorCore& c, const minn_signals& s, const int8_t* input_source,
                                 int num_inputs, const float* genotype, float* model_inputs, Infer infer,
                                 float* out, int* model_status) {
  using namespace soft_sensor_detail;
  *model_status = 0;
  unsigned quality = MINN_QUALITY_OK;
  bool lost = false;
  float value[MINN_SIGNAL_COUNT];
  c.bad_signals = 0;
  for (int i = 0; i < MINN_SIGNAL_COUNT; ++i) {
    const float raw = signal(s, i);
    const bool good = accept_reading(c, i, raw);
    value[i] = good ? raw : c.last_good[i];
    if (i == kSignalTime || i == kSignalOutflow) continue;  // not used by the rates
    if (!good) {
      c.bad_signals = static_cast<uint16_t>(c.bad_signals | (1u << i));
      quality |= MINN_QUALITY_HELD;
      if (c.has_good[i] == 0 || c.missing_run[i] > c.config.max_hold_samples) lost = true;
    }
  }
  // Only fresh biomass readings enter the growth window (a held one would flatten the slope).
  const bool fresh_biomass = (c.bad_signals & (1u << kSignalBiomass)) == 0;
  // 0 is outside the biomass domain: push_biomass stores it as a missing slot.
  push_biomass(&c.growth, fresh_biomass ? value[kSignalBiomass] : 0.0f);

  const OffGasFractions y = {value[kSignalO2In], value[kSignalCo2In], value[kSignalO2Out], value[kSignalCo2Out]};
  GasRates gas = {0.0f, 0.0f};
  float q_o2 = 0.0f, q_co2 = 0.0f, q_glc = 0.0f, dilution = 0.0f, mu = 0.0f;
  const float biomass = value[kSignalBiomass];
  const GlucoseBalance glucose = {value[kSignalFeed], value[kSignalFeedGlucose], value[kSignalVolume], biomass,
                                  0.0f, 0.0f};
  bool rates_ok = !lost;
  rates_ok = gas_rates(y, value[kSignalGasIn], value[kSignalVolume], &gas) == RateStatus::ok && rates_ok;
  rates_ok = specific_rate(gas.our_mmol_per_l_h, biomass, &q_o2) == RateStatus::ok && rates_ok;
  rates_ok = specific_rate(gas.cer_mmol_per_l_h, biomass, &q_co2) == RateStatus::ok && rates_ok;
  rates_ok = glucose_uptake(glucose, &q_glc) == RateStatus::ok && rates_ok;
  rates_ok = dilution_rate(value[kSignalFeed], value[kSignalVolume], &dilution) == RateStatus::ok && rates_ok;
  if (c.config.chemostat != 0) {
    mu = dilution;  // steady-state chemostat: mu = D (Herbert, Elsworth & Telling 1956)
  } else {
    rates_ok = growth_rate(c.growth, c.config.sample_period_h, dilution, &mu) == RateStatus::ok && rates_ok;
  }
  if (!rates_ok) return quality | MINN_QUALITY_INPUT_MISSING;

  c.rates[0] = q_glc;
  c.rates[1] = q_o2;
  c.rates[2] = q_co2;
  c.rates[3] = mu;
  for (int k = 0; k < num_inputs; ++k) {
    const int source = input_source[k];
    model_inputs[k] = source < kFromGenotype ? c.rates[source] : genotype[source - kFromGenotype];
  }
  const int code = infer(model_inputs, out);
  *model_status = code;
  if (code < 0) return quality | MINN_QUALITY_INPUT_MISSING;  // not reached: the rates are finite
  if (code >= MINN_STATUS_ENVELOPE_BASE) quality |= MINN_QUALITY_OUT_OF_ENVELOPE;
  return quality;
}

}  // namespace minn
