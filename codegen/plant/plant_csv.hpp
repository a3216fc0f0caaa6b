// A plant run as two CSV files: signals.csv (what the controller reads, one row per sample) and
// truth.csv (the plant's states, rates and fluxes behind each row). Columns in codegen/plant/README.md.
#pragma once
#include <string>

#include "plant/plant.hpp"

namespace minn::plant {

struct PlantRunSummary {
  int samples = 0;
  double simulated_h = 0.0;
  PlantState final_state;
  double mean_growth_per_h = 0.0;
  int maintenance_limited_samples = 0;
  int samples_with_faults = 0;
  double wall_seconds = 0.0;
};

std::string signals_csv_header();
std::string signals_csv_row(const minn_signals& signals);  // floats as %.9g (exact), NaN as "nan"
std::string truth_csv_header(const Plant& plant);
std::string truth_csv_row(const PlantSample& sample);      // doubles as %.17g (exact)

// Steps `plant` to its end and writes <dir>/signals.csv and <dir>/truth.csv, each whole or not at
// all (temporary file + rename, common/file_bytes.hpp). `dir` must exist.
PlantRunSummary run_plant_to_csv(Plant& plant, const std::string& dir);

}  // namespace minn::plant
