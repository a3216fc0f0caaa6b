#include "plant/plant_csv.hpp"

#include <chrono>
#include <cstdio>

#include "common/file_bytes.hpp"

namespace minn::plant {
namespace {

void append_number(std::string& out, double value, const char* format) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, format, value);
  out += ',';
  out += buffer;
}

std::string join_faults(const std::vector<std::string>& faults) {
  std::string out;
  for (const std::string& f : faults) out += (out.empty() ? "" : "|") + f;  // '|': no comma inside a cell
  return out;
}

}  // namespace

std::string signals_csv_header() {
  return "time_h,o2_in,co2_in,o2_out,co2_out,gas_in_nl_per_min,volume_l,feed_l_per_h,"
         "feed_glucose_mmol_per_l,outflow_l_per_h,biomass_gdw_per_l\n";
}

std::string signals_csv_row(const minn_signals& s) {
  std::string row;
  for (const float v : {s.time_h, s.o2_in, s.co2_in, s.o2_out, s.co2_out, s.gas_in_nl_per_min, s.volume_l,
                        s.feed_l_per_h, s.feed_glucose_mmol_per_l, s.outflow_l_per_h, s.biomass_gdw_per_l}) {
    append_number(row, static_cast<double>(v), "%.9g");
  }
  return row.substr(1) + "\n";
}

std::string truth_csv_header(const Plant& plant) {
  std::string h =
      "time_h,biomass_gdw_per_l,glucose_mmol_per_l,acetate_mmol_per_l,volume_l,dissolved_o2_mmol_per_l,"
      "feed_l_per_h,outflow_l_per_h,growth_per_h,q_glc,q_o2,q_co2,q_ac,our_mmol_per_l_h,cer_mmol_per_l_h,"
      "maintenance_limited,faults";
  for (const std::string& id : plant.split_reaction_ids()) h += "," + id;
  for (const std::string& id : plant.reaction_ids()) h += ",net:" + id;
  return h + "\n";
}

std::string truth_csv_row(const PlantSample& s) {
  std::string row;
  const PlantState& x = s.state;
  for (const double v : {x.time_h, x.biomass_gdw_per_l, x.glucose_mmol_per_l, x.acetate_mmol_per_l, x.volume_l,
                         x.dissolved_o2_mmol_per_l, s.feed_l_per_h, s.outflow_l_per_h, s.growth_per_h, s.q_glc,
                         s.q_o2, s.q_co2, s.q_ac, s.our_mmol_per_l_h, s.cer_mmol_per_l_h}) {
    append_number(row, v, "%.17g");
  }
  row += s.maintenance_limited ? ",1," : ",0,";
  row += join_faults(s.active_faults);
  for (const double v : s.split_fluxes) append_number(row, v, "%.17g");
  for (const double v : s.net_fluxes) append_number(row, v, "%.17g");
  return row.substr(1) + "\n";
}

PlantRunSummary run_plant_to_csv(Plant& plant, const std::string& dir) {
  const auto start = std::chrono::steady_clock::now();
  std::string signals = signals_csv_header(), truth = truth_csv_header(plant);
  PlantRunSummary summary;
  double growth_sum = 0.0;
  while (!plant.done()) {
    const PlantSample s = plant.step();
    signals += signals_csv_row(s.signals);
    truth += truth_csv_row(s);
    ++summary.samples;
    summary.simulated_h = s.state.time_h;
    summary.final_state = s.state;
    growth_sum += s.growth_per_h;
    summary.maintenance_limited_samples += s.maintenance_limited ? 1 : 0;
    summary.samples_with_faults += s.active_faults.empty() ? 0 : 1;
  }
  summary.mean_growth_per_h = summary.samples > 0 ? growth_sum / summary.samples : 0.0;
  replace_file_bytes(dir + "/signals.csv", signals);
  replace_file_bytes(dir + "/truth.csv", truth);
  summary.wall_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace minn::plant
