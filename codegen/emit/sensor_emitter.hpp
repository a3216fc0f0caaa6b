// The streaming soft-sensor and net-flux parts of the generated code, appended to NAME.h and
// NAME.cpp by emitter.cpp:
//   - every model: NAME_net_fluxes (fwd - rev per original reaction id, split pairs merged back);
//   - online models (emit/sensor_inputs.hpp): NAME_sensor_init and NAME_sensor_step over
//     lib/minn/soft_sensor.hpp, with a caller-owned NAME_sensor_state per reactor.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "emit/lowered_model.hpp"

namespace minn::emit {

struct NetFlux {
  std::string id;   // the original reaction id (the split pair's common stem)
  int fwd = -1;     // output index of the forward half (or of the unsplit reaction)
  int rev = -1;     // output index of the reverse half, -1 when the reaction is not split
};

// Pairs `X_fwd` with `X_rev`; any other id stands alone. In output order of the first half seen.
std::vector<NetFlux> net_fluxes(const std::vector<std::string>& reaction_ids);

struct SensorSpec {
  std::vector<std::int8_t> sources;  // per model input (minn::RateSource); empty: no sensor step
  int genotype_inputs = 0;
  std::vector<std::string> source_names;  // per model input, for comments
  std::vector<std::string> genotype_names;
};

// Declarations for NAME.h (inside extern "C").
std::string sensor_c_declarations(const std::string& name, const LoweredModel& m, const SensorSpec& spec);
// Definitions for NAME.cpp (after the C API; they call NAME::run).
std::string sensor_c_definitions(const std::string& name, const LoweredModel& m, const SensorSpec& spec);

}  // namespace minn::emit
