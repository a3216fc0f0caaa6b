#include "hil/plant_loop.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/sha256.hpp"
#include "emit/c_source.hpp"
#include "emit/emitter.hpp"
#include "emit/reference_sensor.hpp"
#include "hil/boards.hpp"
#include "hil/firmware_build.hpp"
#include "hil/harness_run.hpp"
#include "hil/hil_session.hpp"
#include "hil/plant_loop_report.hpp"
#include "model/model_file.hpp"
#include "plant/plant.hpp"
#include "plant/scenario.hpp"

namespace minn::hil {
namespace {

namespace fs = std::filesystem;

// The strain's genotype inputs: 1 when a knockout of the scenario is one of the input's genes
// (names or ids, with or without the SBML "G_" prefix).
std::vector<float> strain_genotype(const MinnModel& model, const std::vector<std::string>& knockouts) {
  const auto bare = [](std::string gene) { return gene.rfind("G_", 0) == 0 ? gene.substr(2) : gene; };
  std::vector<float> genotype;
  for (const GenotypeInput& g : model.genotype_inputs) {
    float value = 0.0f;
    for (const std::string& ko : knockouts)
      for (const std::string& gene : g.genes)
        if (bare(ko) == bare(gene)) value = 1.0f;
    genotype.push_back(value);
  }
  return genotype;
}

std::string sensor_setup_header(const minn_sensor_config& c, const std::vector<float>& genotype) {
  std::string h = "/* Written by `minnc hil --plant`: the sensor configuration and the strain's genotype. */\n"
                  "#ifndef MINN_SENSOR_SETUP_H\n#define MINN_SENSOR_SETUP_H\n"
                  "#define MINN_SENSOR_CONFIG {" + emit::float_literal(c.sample_period_h) + ", " +
                  std::to_string(c.max_hold_samples) + ", " + std::to_string(c.stuck_samples) + ", " +
                  emit::float_literal(c.spike_fraction) + ", " + std::to_string(c.chemostat) + "}\n"
                  "static const float minn_sensor_genotype[" + std::to_string(std::max<std::size_t>(genotype.size(), 1)) +
                  "] = {";
  if (genotype.empty()) h += "0.0f";
  for (std::size_t k = 0; k < genotype.size(); ++k) h += (k ? ", " : "") + emit::float_literal(genotype[k]);
  return h + "};\n#endif\n";
}

std::vector<float> signal_row(const minn_signals& s) {
  static_assert(sizeof(minn_signals) == MINN_SIGNAL_COUNT * sizeof(float), "minn_signals is packed floats");
  std::vector<float> row(MINN_SIGNAL_COUNT);
  std::memcpy(row.data(), &s, sizeof s);
  return row;
}

bool same_bits(float a, float b) { return std::memcmp(&a, &b, sizeof a) == 0; }

// Which quality bits a fault must raise while it is active (README: the sensor's policy).
unsigned expected_bits(const std::string& fault) {
  if (fault == "pump_stop") return MINN_QUALITY_OUT_OF_ENVELOPE | MINN_QUALITY_INPUT_MISSING;
  if (fault.rfind("dropout:time_h", 0) == 0 || fault.rfind("dropout:outflow_l_per_h", 0) == 0 ||
      fault.rfind("spike:outflow_l_per_h", 0) == 0)
    return 0;  // signals the rates do not use
  return MINN_QUALITY_HELD | MINN_QUALITY_INPUT_MISSING;
}

}  // namespace

int run_plant_loop(const PlantLoopOptions& o, std::ostream& out) {
  const MinnModel model = load_model(o.model_path);
  const emit::Precision precision = emit::parse_precision(o.precision);
  const std::string gem_path = o.gem_path.empty()
                                   ? (fs::path(default_source_dir()) / "models" / "gems" / (model.gem_id + ".xml.gz")).string()
                                   : o.gem_path;
  if (!fs::exists(gem_path))
    throw Error(gem_path + ": no such GEM for the plant (pass --gem; it must be the model's GEM '" + model.gem_id + "')");
  plant::Plant plant(plant::read_scenario(o.scenario_path), gem_path);
  const plant::Scenario& scenario = plant.scenario();

  // The truth's reaction ids against the model's outputs: the same GEM, split the same way.
  const std::vector<std::string>& truth_ids = plant.split_reaction_ids();
  std::map<std::string, int> truth_index;
  for (std::size_t i = 0; i < truth_ids.size(); ++i) truth_index[truth_ids[i]] = static_cast<int>(i);
  std::vector<int> scored_outputs, scored_truth;  // intracellular: not an exchange, not the biomass
  for (int i = 0; i < model.num_outputs(); ++i) {
    const std::string& id = model.reaction_ids[static_cast<std::size_t>(i)];
    const auto it = truth_index.find(id);
    if (it == truth_index.end())
      throw Error(o.model_path + ": output '" + id + "' is not a reaction of the plant's GEM " + gem_path +
                  " (the soft sensor must be trained on the plant's GEM)");
    if (id.rfind("R_EX_", 0) == 0 || id.find("BIOMASS") != std::string::npos) continue;
    scored_outputs.push_back(i);
    scored_truth.push_back(it->second);
  }

  minn_sensor_config config{};
  config.sample_period_h = static_cast<float>(scenario.sample_period_h);
  config.max_hold_samples = o.max_hold_samples;
  config.stuck_samples = o.stuck_samples;
  config.spike_fraction = o.spike_fraction;
  config.chemostat = scenario.mode == plant::ReactorMode::chemostat ? 1 : 0;  // mu = D
  const std::vector<float> genotype = strain_genotype(model, scenario.knockouts);

  // 1. The plant, sample by sample.
  PlantLoopRun run;
  run.model_path = o.model_path;
  run.scenario_path = o.scenario_path;
  run.target = o.target;
  run.reaction_ids = model.reaction_ids;
  run.scored = scored_outputs;
  InputBatch signals;
  signals.num_inputs = MINN_SIGNAL_COUNT;
  while (!plant.done()) {
    const plant::PlantSample s = plant.step();
    const std::vector<float> row = signal_row(s.signals);
    signals.values.insert(signals.values.end(), row.begin(), row.end());
    PlantLoopSample sample;
    sample.time_h = s.state.time_h;
    sample.faults = s.active_faults;
    sample.growing = !s.maintenance_limited;
    for (int i = 0; i < model.num_outputs(); ++i)
      sample.truth.push_back(s.split_fluxes[static_cast<std::size_t>(truth_index[model.reaction_ids[static_cast<std::size_t>(i)]])]);
    run.samples.push_back(std::move(sample));
  }

  // 2. The host reference: the same sensor step, one state through the run.
  emit::ReferenceSensor reference(model, precision, config, genotype);
  std::vector<float> held(static_cast<std::size_t>(model.num_outputs()), 0.0f);  // as the harness
  InputBatch model_inputs;  // for the model-only instruction count
  model_inputs.num_inputs = model.num_inputs();
  for (std::size_t k = 0; k < run.samples.size(); ++k) {
    minn_signals s;
    std::memcpy(&s, &signals.values[k * MINN_SIGNAL_COUNT], sizeof s);
    PlantLoopSample& sample = run.samples[k];
    sample.host_quality = reference.step(s, held.data());
    sample.host_estimate = held;
    if ((sample.host_quality & MINN_QUALITY_INPUT_MISSING) == 0)
      model_inputs.values.insert(model_inputs.values.end(), reference.model_inputs().begin(),
                                 reference.model_inputs().end());
  }

  // 3. The firmware: generated sensor step plus harness, on the target.
  const TargetName target = resolve_target(o.target);
  const std::string name = o.name.empty() ? "sensor" : o.name;
  const fs::path work = fs::path(o.work_dir) / ("plant-" + name);
  const std::string src = (work / "src").string();
  emit::write_files(src, emit::generate(model, {name, precision, sha256_file_hex(o.model_path)}));
  replace_file_bytes((fs::path(src) / "minn_sensor_setup.h").string(), sensor_setup_header(config, genotype));
  FirmwareRequest request;
  request.source_dir = default_source_dir();
  request.board = target.board;
  request.model_dir = src;
  request.model_name = name;
  request.opt = o.opt;
  HarnessOptions harness;
  harness.plugin_path = default_plugin_path();
  harness.timeout_seconds = o.timeout_seconds;

  request.harness = "hil_sensor_main.c";
  request.build_dir = (work / ("build-sensor-" + target.board)).string();
  const Firmware sensor_fw = build_firmware(request);
  harness.work_dir = (work / ("run-sensor-" + target.board)).string();
  const HarnessRun sensor_run = run_harness(sensor_fw, signals, harness);

  request.harness = "hil_main.c";  // the model alone, on the inputs the sensor fed it
  request.build_dir = (work / ("build-infer-" + target.board)).string();
  const Firmware infer_fw = build_firmware(request);
  harness.work_dir = (work / ("run-infer-" + target.board)).string();
  const HarnessRun infer_run = run_harness(infer_fw, model_inputs, harness);

  run.board = target.board;
  run.core = sensor_fw.facts.get("core");
  std::size_t estimated = 0;
  for (std::size_t k = 0; k < run.samples.size(); ++k) {
    PlantLoopSample& sample = run.samples[k];
    sample.target_quality = static_cast<unsigned>(sensor_run.outputs.status[k]);
    const float* values = &sensor_run.outputs.values[k * static_cast<std::size_t>(model.num_outputs())];
    sample.target_estimate.assign(values, values + model.num_outputs());
    sample.bit_identical = sample.target_quality == sample.host_quality;
    for (int i = 0; i < model.num_outputs(); ++i)
      sample.bit_identical = sample.bit_identical && same_bits(values[i], sample.host_estimate[static_cast<std::size_t>(i)]);
    if (!sensor_run.instructions.empty()) sample.sensor_instructions = sensor_run.instructions[k];
    if ((sample.host_quality & MINN_QUALITY_INPUT_MISSING) == 0 && estimated < infer_run.instructions.size())
      sample.model_instructions = infer_run.instructions[estimated++];
  }
  for (const std::string& fault : [&] {
         std::set<std::string> names;
         for (const PlantLoopSample& s : run.samples) names.insert(s.faults.begin(), s.faults.end());
         return names;
       }()) {
    FaultCheck check;
    check.fault = fault;
    check.expected = expected_bits(fault);
    for (const PlantLoopSample& s : run.samples)
      if (std::find(s.faults.begin(), s.faults.end(), fault) != s.faults.end()) {
        ++check.samples;
        check.seen.insert(s.host_quality);
        if ((s.host_quality & check.expected) != 0) check.flagged = true;
      }
    if (check.expected == 0) check.flagged = true;
    run.faults.push_back(check);
  }

  const std::string report_dir = o.report_dir.empty() ? o.work_dir : o.report_dir;
  const PlantLoopSummary summary = summarize_plant_loop(run);
  write_plant_loop_report(run, summary, report_dir, o.plot_reactions);
  print_plant_loop_trace(run, summary, o.plot_reactions, o.trace_every_h, out);
  print_plant_loop_summary(run, summary, report_dir, out);
  return summary.all_bit_identical && !summary.any_nan && summary.all_faults_flagged ? 0 : 1;
}

}  // namespace minn::hil
