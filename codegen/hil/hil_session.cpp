#include "hil/hil_session.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "common/error.hpp"
#include "hil/firmware_build.hpp"
#include "hil/harness_run.hpp"

namespace minn::hil {
namespace {

namespace fs = std::filesystem;

InstructionStats instruction_stats(const std::vector<HarnessRun>& runs) {
  InstructionStats stats;
  if (runs.empty() || runs[0].instructions.empty()) return stats;
  stats.counted = true;
  bool first = true;
  for (std::size_t i = 0; i < runs[0].instructions.size(); ++i) {
    if (runs[0].outputs.status[i] != 0) continue;  // rejected and flagged inputs take other paths
    const std::uint64_t n = runs[0].instructions[i];
    stats.min = first ? n : std::min(stats.min, n);
    stats.max = first ? n : std::max(stats.max, n);
    first = false;
  }
  for (const auto& run : runs) stats.identical_across_runs &= run.instructions == runs[0].instructions;
  stats.identical_across_inputs = !first && stats.min == stats.max;
  return stats;
}

std::vector<HarnessRun> run_repeatedly(const Firmware& fw, const InputBatch& inputs, const SessionOptions& options,
                                       const std::string& work_dir) {
  HarnessOptions h;
  h.work_dir = work_dir;
  h.plugin_path = options.plugin_path;
  h.timeout_seconds = options.timeout_seconds;
  std::vector<HarnessRun> runs;
  for (int r = 0; r < std::max(1, options.runs); ++r) runs.push_back(run_harness(fw, inputs, h));
  return runs;
}

}  // namespace

std::string default_plugin_path() {
  if (const char* env = std::getenv("MINN_INSN_PLUGIN"); env != nullptr && *env != '\0') return env;
  return MINN_INSN_PLUGIN;
}

TargetResult run_target(const TargetName& target, const ModelSources& model, const ModelSources* dense_only,
                        const ModelCost& cost, const InputBatch& inputs, const OutputBatch& reference,
                        const SessionOptions& options) {
  FirmwareRequest request;
  request.source_dir = options.source_dir;
  request.board = target.board;
  request.model_dir = model.dir;
  request.model_name = model.name;
  request.build_dir = (fs::path(options.work_dir) / target.board).string();
  request.opt = options.opt;
  Firmware fw = build_firmware(request);

  TargetResult result;
  result.target = target;
  result.core = fw.facts.get("core");
  result.part = fw.facts.get("part");
  result.machine = fw.facts.get("machine");
  result.kind = fw.facts.get("kind");
  result.compiler = fw.facts.get("compiler") + " " + fw.facts.get("compiler_version");
  result.fpu = fw.facts.get("fpu") == "ON";
  result.executable = fw.executable;

  std::vector<HarnessRun> runs = run_repeatedly(fw, inputs, options, request.build_dir + "/run");
  for (const auto& run : runs) result.run_seconds = std::max(result.run_seconds, run.seconds);
  result.comparison = compare_outputs(runs[0].outputs, reference);
  result.instructions = instruction_stats(runs);
  result.stack_measured = runs[0].stack_used;

  const bool bare_metal = result.kind == "baremetal";
  result.footprint = measure_footprint(fw.executable, bare_metal ? fw.executable : fw.facts.get("model_archive"),
                                       fw.facts.get("size"), fw.facts.get("nm"), fw.facts.get("map"), bare_metal);
  CallGraph graph = load_callgraph_dir(fw.facts.get("objects"));
  result.stack_entry = stack_bound(graph, bare_metal ? "Reset_Handler" : "main");
  result.stack_infer = stack_bound(graph, model.name + "_infer");

  if (dense_only != nullptr && result.instructions.counted) {
    FirmwareRequest dense_request = request;
    dense_request.model_dir = dense_only->dir;
    dense_request.model_name = dense_only->name;
    dense_request.build_dir = request.build_dir + "-dense";
    Firmware dense_fw = build_firmware(dense_request);
    SessionOptions once = options;
    once.runs = 1;
    result.dense_instructions = instruction_stats(run_repeatedly(dense_fw, inputs, once, dense_request.build_dir + "/run"));
    if (cost.dense_macs > 0)
      result.insn_per_mac = static_cast<double>(result.dense_instructions.max) / static_cast<double>(cost.dense_macs);
    if (cost.refine_steps > 0 && cost.s_nonzeros > 0)
      result.insn_per_nnz_step =
          (static_cast<double>(result.instructions.max) - static_cast<double>(result.dense_instructions.max)) /
          static_cast<double>(cost.refine_steps * cost.s_nonzeros);
  }
  return result;
}

}  // namespace minn::hil
