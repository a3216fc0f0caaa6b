// `minnc hil MODEL --plant SCENARIO`: the soft sensor against a simulated bioreactor. The plant
// (codegen/plant, dynamic FBA on the model's GEM) produces the raw signals sample by sample with
// the scenario's faults; the generated NAME_sensor_step runs on the target (QEMU) over that signal
// stream with one state carried through the run, and the host runs the same step (emit::
// ReferenceSensor). Reported per run: bit-identity with the host at every sample, the
// intracellular NE of the estimate against the plant's true fluxes over time (inside and outside
// fault windows), the quality words seen per fault, instructions per sample and the front end's
// share of them, and an SVG plot of estimate vs truth for a few fluxes.
//
// The soft sensor observes and does not actuate, so the plant does not depend on the firmware's
// outputs: the signal stream is simulated first and streamed through the firmware in order, which
// is the same sample sequence a step-by-step exchange would give.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "minn/sensor_signals.h"

namespace minn::hil {

struct PlantLoopOptions {
  std::string model_path;
  std::string scenario_path;
  std::string gem_path;               // the plant's GEM; must be the model's (same split reaction ids)
  std::string target = "cortex-m4";
  std::string precision = "f32";
  std::string work_dir = "minn-hil";
  std::string report_dir;             // default: work_dir
  std::string name;                   // C prefix (default: from the model file name)
  std::string opt = "-O2";
  int max_hold_samples = 6;           // minn_sensor_config (sample period: the scenario's)
  int stuck_samples = 4;
  float spike_fraction = 0.5f;
  std::vector<std::string> plot_reactions;  // default: the four largest true fluxes
  double trace_every_h = 0;           // print estimate vs truth every this many hours (0: no table)
  double timeout_seconds = 900;
};

// 0 when every sample is bit-identical with the host reference and no output is NaN; 1 otherwise.
// minn::Error for bad input (model without an online sensor, scenario, GEM mismatch, options).
int run_plant_loop(const PlantLoopOptions& options, std::ostream& out);

}  // namespace minn::hil
