#include "emit/sensor_emitter.hpp"

#include <map>
#include <sstream>

#include "emit/c_source.hpp"

namespace minn::emit {
namespace {

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() > tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Bytes of the sensor's own state (minn::SoftSensorCore) are bounded here and checked against
// sizeof by a static_assert in the generated source, on every compiler and target.
constexpr int kSensorCoreBytes = 512;

int state_bytes(const LoweredModel& m, const SensorSpec& spec) {
  const int floats = spec.genotype_inputs + m.num_inputs + m.workspace.floats;
  const int bytes = kSensorCoreBytes + 4 * floats;
  return (bytes + 7) / 8 * 8;
}

}  // namespace

std::vector<NetFlux> net_fluxes(const std::vector<std::string>& ids) {
  std::vector<NetFlux> out;
  std::map<std::string, std::size_t> by_stem;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string& id = ids[i];
    const bool fwd = ends_with(id, "_fwd"), rev = ends_with(id, "_rev");
    const std::string stem = fwd || rev ? id.substr(0, id.size() - 4) : id;
    const auto it = by_stem.find(stem);
    if ((fwd || rev) && it != by_stem.end()) {
      NetFlux& f = out[it->second];
      (fwd ? f.fwd : f.rev) = static_cast<int>(i);
      continue;
    }
    NetFlux f;
    f.id = stem;
    (rev ? f.rev : f.fwd) = static_cast<int>(i);
    if (fwd || rev) by_stem.emplace(stem, out.size());
    out.push_back(f);
  }
  // A lone _rev half (no _fwd) is the reaction run backwards: net = -rev.
  return out;
}

std::string sensor_c_declarations(const std::string& n, const LoweredModel& m, const SensorSpec& spec) {
  const std::vector<NetFlux> net = net_fluxes(m.reaction_ids);
  std::ostringstream s;
  s << "/* Net fluxes of the original reactions: fwd - rev of each split pair (an unsplit reaction as\n"
    << " * is), from the NAME_NUM_OUTPUTS split fluxes. */\n"
    << "#define " << n << "_NUM_NET_FLUXES " << net.size() << "\n"
    << "void " << n << "_net_fluxes(const float* split, float* net);\n"
    << "extern const char* const " << n << "_net_flux_ids[" << n << "_NUM_NET_FLUXES];\n\n";
  if (spec.sources.empty()) return s.str();
  s << "/* Streaming soft sensor (lib/minn/soft_sensor.hpp): one call per sample turns the raw\n"
    << " * signals into the online rates, runs the model and grades the estimate with a quality word\n"
    << " * per output (MINN_QUALITY_* in minn/sensor_signals.h). State: caller-owned, one per reactor,\n"
    << " * static or on the stack; no heap. */\n"
    << "#define " << n << "_NUM_GENOTYPE " << spec.genotype_inputs << "\n"
    << "#define " << n << "_SENSOR_STATE_BYTES " << state_bytes(m, spec) << "\n"
    << "typedef struct " << n << "_sensor_state {\n"
    << "  union {\n    double align;\n    unsigned char bytes[" << n << "_SENSOR_STATE_BYTES];\n  } u;\n} "
    << n << "_sensor_state;\n\n"
    << "/* Starts a reactor: config as documented in minn/sensor_signals.h; genotype = "
    << n << "_NUM_GENOTYPE\n * values, 1 for each knockout the strain carries (order: " << n
    << "_genotype_names), may be NULL when\n * there are none. Returns 0, or -1 for a NULL state or config. */\n"
    << "int " << n << "_sensor_init(" << n << "_sensor_state* state, const minn_sensor_config* config,\n"
    << "    const float* genotype);\n\n"
    << "/* One sample: writes the " << n << "_NUM_OUTPUTS split fluxes when an estimate is made (else they\n"
    << " * keep the last one) and, when quality is not NULL, one quality word per output. Returns this\n"
    << " * sample's quality word (the same for every output: each depends on every input). */\n"
    << "unsigned " << n << "_sensor_step(" << n << "_sensor_state* state, const minn_signals* signals,\n"
    << "    float* fluxes, unsigned char* quality);\n\n";
  if (spec.genotype_inputs > 0)
    s << "extern const char* const " << n << "_genotype_names[" << n << "_NUM_GENOTYPE];\n\n";
  return s.str();
}

std::string sensor_c_definitions(const std::string& n, const LoweredModel& m, const SensorSpec& spec) {
  const std::vector<NetFlux> net = net_fluxes(m.reaction_ids);
  std::ostringstream s;
  s << "\nconst char* const " << n << "_net_flux_ids[" << n << "_NUM_NET_FLUXES] = {\n";
  for (const NetFlux& f : net) s << "    " << c_string_literal(f.id) << ",\n";
  s << "};\n\nvoid " << n << "_net_fluxes(const float* split, float* net) {\n";
  for (std::size_t k = 0; k < net.size(); ++k) {
    const NetFlux& f = net[k];
    s << "  net[" << k << "] = ";
    if (f.fwd >= 0 && f.rev >= 0) s << "split[" << f.fwd << "] - split[" << f.rev << "];";
    else if (f.fwd >= 0) s << "split[" << f.fwd << "];";
    else s << "-split[" << f.rev << "];";
    s << "  // " << f.id << "\n";
  }
  s << "}\n";
  if (spec.sources.empty()) return s.str();

  const int g = spec.genotype_inputs;
  s << "\n}  // extern \"C\"\n\nnamespace " << n << " {\nnamespace {\n\n"
    << "// What feeds each model input (minn::RateSource).\n"
    << "constexpr int8_t kSensorInputSource[" << m.num_inputs << "] = {\n";
  for (int i = 0; i < m.num_inputs; ++i)
    s << "    " << static_cast<int>(spec.sources[static_cast<std::size_t>(i)]) << ",  // "
      << c_string_literal(m.input_names[static_cast<std::size_t>(i)]) << ": "
      << spec.source_names[static_cast<std::size_t>(i)] << "\n";
  s << "};\n\n"
    << "struct SensorState {\n"
    << "  minn::SoftSensorCore core;\n"
    << "  float genotype[" << (g > 0 ? g : 1) << "];\n"
    << "  float inputs[" << m.num_inputs << "];\n"
    << "  float ws[" << m.workspace.floats << "];\n"
    << "};\n"
    << "static_assert(sizeof(minn::SoftSensorCore) <= " << kSensorCoreBytes
    << ", \"the generator's bound on the sensor core\");\n"
    << "static_assert(sizeof(SensorState) <= sizeof(::" << n << "_sensor_state), \"state storage\");\n"
    << "static_assert(alignof(SensorState) <= alignof(::" << n << "_sensor_state), \"state alignment\");\n\n"
    << "SensorState* sensor(::" << n << "_sensor_state* state) {\n"
    << "  return std::launder(reinterpret_cast<SensorState*>(state->u.bytes));\n}\n\n"
    << "}  // namespace\n}  // namespace " << n << "\n\nextern \"C\" {\n\n";
  if (g > 0) {
    std::vector<std::string> names = spec.genotype_names;
    s << "const char* const " << n << "_genotype_names[" << n << "_NUM_GENOTYPE] = {\n";
    for (const std::string& name : names) s << "    " << c_string_literal(name) << ",\n";
    s << "};\n\n";
  }
  s << "int " << n << "_sensor_init(" << n << "_sensor_state* state, const minn_sensor_config* config,\n"
    << "    const float* genotype) {\n"
    << "  if (state == nullptr || config == nullptr) return -1;\n"
    << "  " << n << "::SensorState* s = new (state->u.bytes) " << n << "::SensorState{};\n"
    << "  minn::soft_sensor_init(s->core, *config);\n"
    << "  for (int k = 0; k < " << g << "; ++k) s->genotype[k] = genotype != nullptr ? genotype[k] : 0.0f;\n"
    << "  return 0;\n}\n\n"
    << "unsigned " << n << "_sensor_step(" << n << "_sensor_state* state, const minn_signals* signals,\n"
    << "    float* fluxes, unsigned char* quality) {\n"
    << "  " << n << "::SensorState* s = " << n << "::sensor(state);\n"
    << "  int model_status = 0;\n"
    << "  const unsigned word = minn::soft_sensor_step(\n"
    << "      s->core, *signals, " << n << "::kSensorInputSource, " << m.num_inputs << ", s->genotype, s->inputs,\n"
    << "      [s](const float* in, float* out) { return " << n << "::run(in, out, s->ws).code(); }, fluxes,\n"
    << "      &model_status);\n"
    << "  if (quality != nullptr)\n"
    << "    for (int i = 0; i < " << m.num_outputs << "; ++i) quality[i] = static_cast<unsigned char>(word);\n"
    << "  return word;\n}\n";
  return s.str();
}

}  // namespace minn::emit
