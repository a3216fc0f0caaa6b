#include "plant/scenario.hpp"

#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <map>
#include <sstream>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "plant/literature_parameters.hpp"

namespace minn::plant {
namespace {

// The domain a number must lie in, with its wording for messages.
enum class Domain { positive, non_negative, fraction, any };

const char* domain_text(Domain d) {
  switch (d) {
    case Domain::positive: return "a number > 0";
    case Domain::non_negative: return "a number >= 0";
    case Domain::fraction: return "a number in [0, 1)";
    case Domain::any: return "a number";
  }
  return "a number";
}

bool in_domain(double v, Domain d) {
  switch (d) {
    case Domain::positive: return v > 0.0;
    case Domain::non_negative: return v >= 0.0;
    case Domain::fraction: return v >= 0.0 && v < 1.0;
    case Domain::any: return true;
  }
  return false;
}

// A key that takes one number and may appear once.
struct ScalarKey {
  const char* section;
  const char* key;
  double Scenario::*member;
  Domain domain;
  bool required;
};

const std::vector<ScalarKey>& scalar_keys() {
  static const std::vector<ScalarKey> keys = {
      {"run", "duration_h", &Scenario::duration_h, Domain::positive, true},
      {"run", "sample_period_h", &Scenario::sample_period_h, Domain::positive, true},
      {"run", "step_h", &Scenario::step_h, Domain::positive, false},
      {"initial", "biomass_gdw_per_l", &Scenario::biomass_gdw_per_l, Domain::positive, true},
      {"initial", "glucose_mmol_per_l", &Scenario::glucose_mmol_per_l, Domain::non_negative, false},
      {"initial", "acetate_mmol_per_l", &Scenario::acetate_mmol_per_l, Domain::non_negative, false},
      {"initial", "volume_l", &Scenario::volume_l, Domain::positive, true},
      {"feed", "glucose_mmol_per_l", &Scenario::feed_glucose_mmol_per_l, Domain::non_negative, true},
      {"kinetics", "glucose_qmax", &Scenario::glucose_qmax, Domain::non_negative, false},
      {"kinetics", "glucose_km", &Scenario::glucose_km, Domain::positive, false},
      {"kinetics", "o2_qmax", &Scenario::o2_qmax, Domain::non_negative, false},
      {"kinetics", "o2_km", &Scenario::o2_km, Domain::positive, false},
      {"gas", "kla_per_h", &Scenario::kla_per_h, Domain::positive, false},
      {"gas", "gas_in_nl_per_min", &Scenario::gas_in_nl_per_min, Domain::positive, false},
      {"gas", "o2_in", &Scenario::o2_in, Domain::fraction, false},
      {"gas", "co2_in", &Scenario::co2_in, Domain::fraction, false},
      {"gas", "temperature_c", &Scenario::temperature_c, Domain::any, false},
      {"gas", "pressure_kpa", &Scenario::pressure_kpa, Domain::positive, false},
      {"noise", "biomass_rel_sd", &Scenario::biomass_rel_sd, Domain::non_negative, false},
      {"noise", "o2_out_abs_sd", &Scenario::o2_out_abs_sd, Domain::non_negative, false},
      {"noise", "co2_out_abs_sd", &Scenario::co2_out_abs_sd, Domain::non_negative, false},
  };
  return keys;
}

// Keys with their own syntax, which may repeat.
const std::map<std::string, std::vector<std::string>>& list_keys() {
  static const std::map<std::string, std::vector<std::string>> keys = {
      {"run", {"mode", "seed", "knockout"}},
      {"feed", {"dilution", "flow"}},
      {"faults", {"dropout", "spike", "stuck_offgas", "pump_stop"}},
  };
  return keys;
}

const std::vector<std::string> kSections = {"run", "initial", "feed", "kinetics", "gas", "noise", "faults"};

Scenario with_defaults() {
  Scenario s;
  s.step_h = 0.01;  // 36 s; the check in plant.cpp bounds mu * step
  s.glucose_qmax = kGlucoseQmax;
  s.glucose_km = kGlucoseKm;
  s.o2_qmax = kOxygenQmax;
  s.o2_km = kOxygenKm;
  s.kla_per_h = kKlaPerH;
  s.gas_in_nl_per_min = kGasInNlPerMin;
  s.o2_in = kAirO2Fraction;
  s.co2_in = kAirCo2Fraction;
  s.temperature_c = kTemperatureC;
  s.pressure_kpa = kPressureKpa;
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  const auto e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

std::vector<std::string> words(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> out;
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : ", ") + s;
  return out;
}

class Parser {
 public:
  Parser(const std::string& source) : source_(source) {}

  [[noreturn]] void fail(const std::string& what) const {
    throw Error(source_ + ":" + std::to_string(line_) + ": " + what);
  }

  double number(const std::string& text, Domain domain, const std::string& what) const {
    errno = 0;
    char* end = nullptr;
    const double v = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || errno == ERANGE || !std::isfinite(v)) {
      fail(what + ": '" + text + "' is not a number; expected " + domain_text(domain));
    }
    if (!in_domain(v, domain)) fail(what + ": " + text + " is out of range; expected " + domain_text(domain));
    return v;
  }

  void check_word_count(const std::vector<std::string>& w, std::size_t lo, std::size_t hi,
                        const std::string& key, const std::string& form) const {
    if (w.size() < lo || w.size() > hi) {
      fail(key + " takes " + form + "; found " + std::to_string(w.size()) + " value(s)");
    }
  }

  TimeWindow window(const std::vector<std::string>& w, std::size_t first, const std::string& key) const {
    TimeWindow t{number(w[first], Domain::non_negative, key + " start"),
                 number(w[first + 1], Domain::positive, key + " end")};
    if (!(t.end_h > t.start_h)) fail(key + ": the window ends at or before it starts; expected START_H < END_H");
    return t;
  }

  std::string fault_signal(const std::string& name, const std::string& key) const {
    for (const std::string& s : fault_signal_names())
      if (s == name) return s;
    fail(key + ": unknown signal '" + name + "'; expected one of " + join(fault_signal_names()));
  }

  void list_key(const std::string& section, const std::string& key, const std::string& value) {
    const std::vector<std::string> w = words(value);
    if (key == "mode") {
      check_word_count(w, 1, 1, key, "chemostat or fed-batch");
      if (w[0] == "chemostat") s_.mode = ReactorMode::chemostat;
      else if (w[0] == "fed-batch") s_.mode = ReactorMode::fed_batch;
      else fail("mode '" + w[0] + "'; expected chemostat or fed-batch");
      once(section + "." + key);
      mode_line_ = line_;
    } else if (key == "seed") {
      check_word_count(w, 1, 1, key, "one unsigned integer");
      errno = 0;
      char* end = nullptr;
      const unsigned long long v = std::strtoull(w[0].c_str(), &end, 10);
      if (w[0][0] == '-' || end != w[0].c_str() + w[0].size() || errno == ERANGE) {
        fail("seed '" + w[0] + "' is not an unsigned 64-bit integer");
      }
      s_.seed = v;
      once(section + "." + key);
    } else if (key == "knockout") {
      if (w.empty()) fail("knockout takes one or more gene names or ids");
      s_.knockouts.insert(s_.knockouts.end(), w.begin(), w.end());
      s_.knockout_lines.insert(s_.knockout_lines.end(), w.size(), line_);
    } else if (key == "dilution" || key == "flow") {
      if (key == "dilution") check_word_count(w, 2, 2, key, "START_H D_PER_H");
      else check_word_count(w, 2, 3, key, "START_H F_L_PER_H [MU_PER_H]");
      FlowSegment seg;
      seg.start_h = number(w[0], Domain::non_negative, key + " start");
      seg.rate = number(w[1], Domain::non_negative, key == "dilution" ? "dilution rate" : "feed rate");
      if (w.size() == 3) seg.growth_per_h = number(w[2], Domain::any, "exponential feed rate");
      seg.line = line_;
      if (!flow_key_.empty() && flow_key_ != key) {
        fail("'" + key + "' after '" + flow_key_ + "' segments (line " + std::to_string(flow_key_line_) +
             "); expected one kind: dilution (chemostat) or flow (fed-batch)");
      }
      if (flow_key_.empty()) flow_key_line_ = line_;
      flow_key_ = key;
      if (!s_.flow.empty() && !(seg.start_h > s_.flow.back().start_h)) {
        fail(key + " starts at " + w[0] + " h, not after the previous segment (line " +
             std::to_string(s_.flow.back().line) + "); expected increasing start times");
      }
      if (s_.flow.empty() && seg.start_h != 0.0) fail(key + ": the first segment starts at " + w[0] + " h; expected 0");
      s_.flow.push_back(seg);
    } else if (key == "dropout") {
      check_word_count(w, 3, 3, key, "SIGNAL START_H END_H");
      s_.dropouts.push_back({fault_signal(w[0], key), window(w, 1, key)});
    } else if (key == "spike") {
      check_word_count(w, 3, 3, key, "SIGNAL TIME_H *FACTOR or SIGNAL TIME_H +OFFSET or -OFFSET");
      SignalSpike spike;
      spike.signal = fault_signal(w[0], key);
      spike.time_h = number(w[1], Domain::non_negative, "spike time");
      const char op = w[2][0];
      if (op != '*' && op != '+' && op != '-') {
        fail("spike '" + w[2] + "'; expected *FACTOR (multiply) or +OFFSET / -OFFSET (add)");
      }
      spike.multiply = op == '*';
      spike.value = number(op == '-' ? w[2] : w[2].substr(1), Domain::any, "spike value");
      s_.spikes.push_back(spike);
    } else if (key == "stuck_offgas" || key == "pump_stop") {
      check_word_count(w, 2, 2, key, "START_H END_H");
      (key == "stuck_offgas" ? s_.stuck_offgas : s_.pump_stops).push_back(window(w, 0, key));
    }
  }

  void once(const std::string& full_key) {
    const auto [it, fresh] = seen_.emplace(full_key, line_);
    if (!fresh) fail(full_key + " given again (first on line " + std::to_string(it->second) + "); expected it once");
  }

  void line(const std::string& raw, int number_of_line) {
    line_ = number_of_line;
    const std::string text = trim(raw.substr(0, raw.find('#')));
    if (text.empty()) return;
    if (text.front() == '[') {
      if (text.back() != ']') fail("section header '" + text + "'; expected [name]");
      const std::string name = trim(text.substr(1, text.size() - 2));
      for (const std::string& s : kSections)
        if (s == name) {
          section_ = name;
          return;
        }
      fail("unknown section [" + name + "]; expected one of " + join(kSections));
    }
    const auto eq = text.find('=');
    if (eq == std::string::npos) fail("'" + text + "'; expected key = value or [section]");
    if (section_.empty()) fail("'" + text + "' before any section; expected a [section] header first");
    const std::string key = trim(text.substr(0, eq));
    const std::string value = trim(text.substr(eq + 1));
    if (value.empty()) fail(key + " has no value");
    for (const ScalarKey& k : scalar_keys()) {
      if (section_ != k.section || key != k.key) continue;
      once(section_ + "." + key);
      s_.*k.member = number(value, k.domain, key);
      return;
    }
    const auto list = list_keys().find(section_);
    if (list != list_keys().end()) {
      for (const std::string& k : list->second)
        if (k == key) return list_key(section_, key, value);
    }
    std::vector<std::string> known;
    for (const ScalarKey& k : scalar_keys())
      if (section_ == k.section) known.push_back(k.key);
    if (list != list_keys().end()) known.insert(known.end(), list->second.begin(), list->second.end());
    fail("unknown key '" + key + "' in [" + section_ + "]; expected one of " + join(known));
  }

  // Checks of the whole file, after the last line.
  Scenario finish() {
    const auto missing = [&](const std::string& what) { throw Error(source_ + ": " + what); };
    for (const ScalarKey& k : scalar_keys()) {
      if (k.required && !seen_.count(std::string(k.section) + "." + k.key)) {
        missing(std::string("missing ") + k.key + " in [" + k.section + "]");
      }
    }
    if (!mode_line_) missing("missing mode in [run]; expected chemostat or fed-batch");
    if (s_.flow.empty()) missing("no feed profile in [feed]; expected 'dilution = START_H D_PER_H' (chemostat) "
                                 "or 'flow = START_H F_L_PER_H [MU_PER_H]' (fed-batch) lines");
    const std::string expected_key = s_.mode == ReactorMode::chemostat ? "dilution" : "flow";
    if (flow_key_ != expected_key) {
      throw Error(source_ + ":" + std::to_string(flow_key_line_) + ": '" + flow_key_ + "' segments with mode " +
                  (s_.mode == ReactorMode::chemostat ? "chemostat" : "fed-batch") + " (line " +
                  std::to_string(mode_line_) + "); expected '" + expected_key + "'");
    }
    if (s_.step_h > s_.sample_period_h) {
      missing("step_h " + std::to_string(s_.step_h) + " is longer than sample_period_h " +
              std::to_string(s_.sample_period_h) + "; expected step_h <= sample_period_h");
    }
    const double steps = s_.sample_period_h / s_.step_h;
    if (std::abs(steps - std::round(steps)) > 1e-6 * steps) {
      missing("step_h " + std::to_string(s_.step_h) + " does not divide sample_period_h " +
              std::to_string(s_.sample_period_h) + "; expected a whole number of steps per sample");
    }
    if (1.0 - s_.o2_in - s_.co2_in < 0.01) {
      missing("o2_in + co2_in leave less than 1 % inert gas; the off-gas balance (lib/minn/gas_rates.hpp) "
              "needs at least 1 %");
    }
    s_.source = source_;
    return s_;
  }

 private:
  std::string source_;
  int line_ = 0;
  std::string section_;
  Scenario s_ = with_defaults();
  std::map<std::string, int> seen_;
  int mode_line_ = 0;
  std::string flow_key_;  // dilution or flow, whichever came first
  int flow_key_line_ = 0;
};

}  // namespace

const std::vector<std::string>& fault_signal_names() {
  static const std::vector<std::string> names = {
      "o2_in",        "co2_in",   "o2_out",        "co2_out",
      "gas_in_nl_per_min", "volume_l", "feed_l_per_h", "feed_glucose_mmol_per_l",
      "outflow_l_per_h",   "biomass_gdw_per_l"};
  return names;
}

Scenario parse_scenario(const std::string& text, const std::string& source) {
  Parser parser(source);
  std::istringstream in(text);
  int n = 0;
  for (std::string line; std::getline(in, line);) parser.line(line, ++n);
  return parser.finish();
}

Scenario read_scenario(const std::string& path) { return parse_scenario(read_text_file(path), path); }

}  // namespace minn::plant
