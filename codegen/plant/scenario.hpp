// A simulated-bioreactor scenario: reactor mode, initial state, feed profile, kinetics, gas, noise and
// the signal faults to inject. Read from the line-based `key = value` text documented in
// codegen/plant/README.md; every default is a literature value cited in literature_parameters.hpp.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace minn::plant {

enum class ReactorMode { chemostat, fed_batch };

// One piece of the piecewise feed profile, in force from start_h until the next segment starts.
// Chemostat: dilution rate D = rate (1/h), feed = outflow = D V. Fed-batch: feed
// F(t) = rate * exp(growth_per_h * (t - start_h)) L/h (growth_per_h = 0: constant feed).
struct FlowSegment {
  double start_h = 0.0;
  double rate = 0.0;
  double growth_per_h = 0.0;
  int line = 0;  // scenario line, for messages
};

struct TimeWindow {  // [start_h, end_h)
  double start_h = 0.0;
  double end_h = 0.0;
};

// Signal names are the fields of minn_signals (lib/minn/sensor_signals.h) except time_h.
struct SignalDropout {  // the signal reads NaN at every sample inside the window
  std::string signal;
  TimeWindow window;
};

struct SignalSpike {  // one sample: the first one at or after time_h
  std::string signal;
  double time_h = 0.0;
  bool multiply = true;  // true: reading * value; false: reading + value
  double value = 1.0;
};

struct Scenario {
  std::string source;  // the file it was read from (for messages)

  // [run]
  ReactorMode mode = ReactorMode::chemostat;
  double duration_h = 0.0;
  double sample_period_h = 0.0;
  double step_h = 0.0;  // integration step; divides sample_period_h
  std::uint64_t seed = 0;
  std::vector<std::string> knockouts;  // gene names or ids, applied through the GPR
  std::vector<int> knockout_lines;     // the scenario line of each (for messages; may be empty)

  // [initial]
  double biomass_gdw_per_l = 0.0;
  double glucose_mmol_per_l = 0.0;
  double acetate_mmol_per_l = 0.0;
  double volume_l = 0.0;

  // [feed]
  double feed_glucose_mmol_per_l = 0.0;
  std::vector<FlowSegment> flow;  // start_h strictly increasing, the first at 0

  // [kinetics] (defaults: literature_parameters.hpp)
  double glucose_qmax = 0.0, glucose_km = 0.0;  // mmol/gDW/h, mmol/L
  double o2_qmax = 0.0, o2_km = 0.0;            // mmol/gDW/h, mmol/L

  // [gas]
  double kla_per_h = 0.0;
  double gas_in_nl_per_min = 0.0;
  double o2_in = 0.0, co2_in = 0.0;  // dry inlet mole fractions
  double temperature_c = 0.0;
  double pressure_kpa = 0.0;

  // [noise] (seeded; 0 = off)
  double biomass_rel_sd = 0.0;   // relative sd of the biomass signal
  double o2_out_abs_sd = 0.0;    // absolute sd of the off-gas O2 fraction
  double co2_out_abs_sd = 0.0;   // absolute sd of the off-gas CO2 fraction

  // [faults]
  std::vector<SignalDropout> dropouts;
  std::vector<SignalSpike> spikes;
  std::vector<TimeWindow> stuck_offgas;  // o2_out and co2_out frozen
  std::vector<TimeWindow> pump_stops;    // the feed really stops (and a chemostat's outflow)
};

// Parses scenario text. `source` names it in messages. Throws minn::Error
// "<source>:<line>: <what was wrong>, expected <what>" on any bad line, and "<source>: ..." for a
// missing required key or an inconsistent whole (e.g. a step that does not divide the sample period).
Scenario parse_scenario(const std::string& text, const std::string& source);

// Reads and parses a scenario file.
Scenario read_scenario(const std::string& path);

// The signal names a dropout or spike may name (minn_signals fields but time_h).
const std::vector<std::string>& fault_signal_names();

}  // namespace minn::plant
