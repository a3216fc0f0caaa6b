// What `minnc hil --plant` measured, and how it is summarised, written (JSON, CSV, SVG) and printed.
#pragma once
#include <cstdint>
#include <ostream>
#include <set>
#include <string>
#include <vector>

namespace minn::hil {

struct PlantLoopSample {
  double time_h = 0;
  std::vector<std::string> faults;      // active at this sample (plant names, e.g. "spike:o2_out")
  std::vector<double> truth;            // per model output: the plant's split flux
  bool growing = true;                  // false: the plant is maintenance-limited (starving, mu = 0)
  std::vector<float> host_estimate;     // what the sensor holds after the step (host reference)
  std::vector<float> target_estimate;   // the same on the target
  unsigned host_quality = 0, target_quality = 0;
  bool bit_identical = false;
  std::uint64_t sensor_instructions = 0;  // NAME_sensor_step on the target (0: not counted)
  std::uint64_t model_instructions = 0;   // NAME_infer alone on the same model inputs (0: no estimate)
};

struct FaultCheck {
  std::string fault;
  int samples = 0;
  unsigned expected = 0;    // quality bits of which at least one must be seen while it is active
  std::set<unsigned> seen;  // quality words seen while it is active
  bool flagged = false;
};

struct PlantLoopRun {
  std::string model_path, scenario_path, target, board, core;
  std::vector<std::string> reaction_ids;  // model outputs
  std::vector<int> scored;                // intracellular outputs (no exchange, no biomass)
  std::vector<PlantLoopSample> samples;
  std::vector<FaultCheck> faults;
};

struct PlantLoopSummary {
  int samples = 0, estimated = 0, bit_identical = 0;
  int clean_estimated = 0;            // no fault active and quality ok
  int scored_estimated = 0;           // estimates whose truth has flux to compare with (ne_all's samples)
  double ne_clean = 0, ne_all = 0;    // mean intracellular NE over those samples
  double ne_clean_max = 0;
  std::vector<double> ne;             // per sample (NaN without an estimate)
  std::uint64_t sensor_min = 0, sensor_max = 0;
  double sensor_mean = 0, model_mean = 0, front_end_share = 0;  // share = (sensor - model) / model
  bool all_bit_identical = false, any_nan = false, all_faults_flagged = false;
  std::vector<std::pair<unsigned, int>> quality_counts;  // word -> samples
};

PlantLoopSummary summarize_plant_loop(const PlantLoopRun& run);

// <dir>/plant-<board>.json (summary, faults, per-sample NE and quality), <dir>/plant-<board>.csv
// (time, quality, faults, estimate and truth of the plotted reactions) and <dir>/plant-<board>.svg
// (estimate vs truth over time for `plot` reactions; default: the four largest mean true fluxes).
void write_plant_loop_report(const PlantLoopRun& run, const PlantLoopSummary& summary, const std::string& dir,
                             const std::vector<std::string>& plot);

// Estimated vs true fluxes of the `plot` reactions (default: the four largest) every `every_h`
// hours of plant time (the first sample at or after each multiple), with the quality word and the
// sample's intracellular NE; what the controller would show an operator.
void print_plant_loop_trace(const PlantLoopRun& run, const PlantLoopSummary& summary,
                            const std::vector<std::string>& plot, double every_h, std::ostream& out);

void print_plant_loop_summary(const PlantLoopRun& run, const PlantLoopSummary& summary, const std::string& dir,
                              std::ostream& out);

}  // namespace minn::hil
