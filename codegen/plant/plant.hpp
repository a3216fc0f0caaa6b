// The simulated bioreactor: dynamic FBA of E. coli on a GEM (static optimisation approach, Mahadevan,
// Edwards & Doyle, Biophys. J. 83:1331-1340, 2002) in chemostat or fed-batch mode, stepped one sample
// at a time. Each sample gives what a controller reads (minn_signals, with noise and the scenario's
// faults) and the truth behind it (states, rates and every reaction's flux from pFBA).
//
//   minn::plant::Plant plant(minn::plant::read_scenario("models/scenarios/fed_batch.txt"),
//                            "models/gems/e_coli_core.xml.gz");
//   while (!plant.done()) {
//     const minn::plant::PlantSample s = plant.step();
//     // s.signals -> the controller; s.split_fluxes (ids: plant.split_reaction_ids()) -> the truth
//   }
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "minn/sensor_signals.h"
#include "plant/scenario.hpp"

namespace minn::plant {

// The physical state of the liquid phase at one time.
struct PlantState {
  double time_h = 0.0;
  double biomass_gdw_per_l = 0.0;         // X
  double glucose_mmol_per_l = 0.0;        // S, residual glucose
  double acetate_mmol_per_l = 0.0;        // A
  double volume_l = 0.0;                  // V
  double dissolved_o2_mmol_per_l = 0.0;   // C_L, quasi-steady (OTR = OUR)
};

// One sample. Rates are those of the integration step that starts at the sample (the bounds come
// from the state at time_h). Signs: uptakes (q_glc, q_o2) positive when consumed, productions
// (q_co2, q_ac) positive when secreted.
struct PlantSample {
  minn_signals signals{};   // what the controller reads: noise and faults applied
  PlantState state;         // the truth
  double growth_per_h = 0.0;                  // mu, the GEM objective (biomass reaction)
  double q_glc = 0.0, q_o2 = 0.0;             // mmol/gDW/h
  double q_co2 = 0.0, q_ac = 0.0;             // mmol/gDW/h
  double our_mmol_per_l_h = 0.0;              // q_o2 X
  double cer_mmol_per_l_h = 0.0;              // q_co2 X
  double feed_l_per_h = 0.0;                  // the real feed (0 while a pump stop is active)
  double outflow_l_per_h = 0.0;               // the real outflow (chemostat)
  bool maintenance_limited = false;           // too little substrate for ATP maintenance: mu = 0
  std::vector<double> split_fluxes;  // per split-GEM reaction (Plant::split_reaction_ids()):
                                     // _fwd = max(v, 0), _rev = max(-v, 0), irreversible = v
  std::vector<double> net_fluxes;    // per original reaction (Plant::reaction_ids()): v
  std::vector<std::string> active_faults;  // e.g. "dropout:biomass_gdw_per_l", "spike:o2_out",
                                           // "stuck_offgas", "pump_stop"
};

class Plant {
 public:
  // Loads the GEM (SBML, .xml or .xml.gz). Throws minn::Error on a bad GEM, an unknown knockout
  // gene, missing exchanges or an integration step too long for the fastest rate.
  Plant(Scenario scenario, const std::string& gem_path);
  Plant(Scenario scenario, Gem gem);
  ~Plant();
  Plant(const Plant&) = delete;
  Plant& operator=(const Plant&) = delete;

  bool done() const;       // every sample 0 .. sample_count() - 1 was returned
  PlantSample step();      // the next sample, then integrates to the one after it
  int sample_count() const;  // floor(duration / sample period) + 1, t = 0 included

  const Scenario& scenario() const;
  const std::vector<std::string>& reaction_ids() const;        // original GEM order
  const std::vector<std::string>& split_reaction_ids() const;  // gem/ split_reversible order

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace minn::plant
