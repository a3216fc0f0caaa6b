#include "emit/sensor_inputs.hpp"

#include "data/ishii_dataset.hpp"
#include "minn/soft_sensor.hpp"

namespace minn::emit {
namespace {

int genotype_slot(const MinnModel& m, int input) {
  for (std::size_t g = 0; g < m.genotype_inputs.size(); ++g)
    if (m.genotype_inputs[g].input == input) return static_cast<int>(g);
  return -1;
}

}  // namespace

std::vector<std::int8_t> sensor_input_sources(const MinnModel& m) {
  std::vector<std::int8_t> out;
  for (int i = 0; i < m.num_inputs(); ++i) {
    const std::string& name = m.input_names[static_cast<std::size_t>(i)];
    const std::string& unit = m.input_units[static_cast<std::size_t>(i)];
    const int g = genotype_slot(m, i);
    if (g >= 0 && g < 100) {
      out.push_back(static_cast<std::int8_t>(minn::kFromGenotype + g));
    } else if (name == kGlucoseUptakeInput && unit == "mmol/gDW/h") {
      out.push_back(minn::kFromGlucoseUptake);
    } else if (name == kOxygenUptakeInput && unit == "mmol/gDW/h") {
      out.push_back(minn::kFromOxygenUptake);
    } else if (name == "R_EX_co2_e_fwd" && unit == "mmol/gDW/h") {
      out.push_back(minn::kFromCo2Evolution);
    } else if (unit == "1/h") {  // the biomass reaction: the growth rate
      out.push_back(minn::kFromGrowthRate);
    } else {
      return {};
    }
  }
  return out;
}

std::string sensor_source_name(const MinnModel& m, int input, std::int8_t source) {
  switch (source) {
    case minn::kFromGlucoseUptake: return "glucose uptake q_glc (mmol/gDW/h)";
    case minn::kFromOxygenUptake: return "O2 uptake q_O2 (mmol/gDW/h)";
    case minn::kFromCo2Evolution: return "CO2 evolution q_CO2 (mmol/gDW/h)";
    case minn::kFromGrowthRate: return "growth rate mu (1/h)";
    default: return "genotype " + m.input_names[static_cast<std::size_t>(input)] + " (0/1)";
  }
}

}  // namespace minn::emit
