#include "hil/hil_session.hpp"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

#include "common/error.hpp"
#include "hil/firmware_build.hpp"
#include "hil/harness_run.hpp"
#include "hil/process.hpp"

namespace minn::hil {
namespace {

namespace fs = std::filesystem;

InstructionStats instruction_stats(const HarnessRun& run) {
  InstructionStats stats;
  if (run.instructions.empty()) return stats;
  stats.counted = true;
  bool first = true;
  for (std::size_t i = 0; i < run.instructions.size(); ++i) {
    if (run.outputs.status[i] != 0) continue;  // rejected and flagged inputs take other paths
    const std::uint64_t n = run.instructions[i];
    stats.min = first ? n : std::min(stats.min, n);
    stats.max = first ? n : std::max(stats.max, n);
    first = false;
  }
  stats.identical_across_inputs = !first && stats.min == stats.max;
  return stats;
}

InputBatch prefix(const InputBatch& inputs, int count) {
  InputBatch p;
  p.num_inputs = inputs.num_inputs;
  const int n = std::min(count, inputs.count());
  p.values.assign(inputs.values.begin(), inputs.values.begin() + static_cast<std::ptrdiff_t>(n) * inputs.num_inputs);
  return p;
}

HarnessRun run_once(const Firmware& fw, const InputBatch& inputs, const SessionOptions& options,
                    const std::string& work_dir) {
  HarnessOptions h;
  h.work_dir = work_dir;
  h.plugin_path = options.plugin_path;
  h.timeout_seconds = options.timeout_seconds;
  return run_harness(fw, inputs, h);
}

}  // namespace

std::string default_plugin_path() {
  if (const char* env = std::getenv("MINN_INSN_PLUGIN"); env != nullptr && *env != '\0') return env;
  return MINN_INSN_PLUGIN;
}

KernelBaseline baseline_of(const TargetResult& r) {
  KernelBaseline b;
  b.instructions = r.instructions;
  b.dense_instructions = r.dense_instructions;
  b.insn_per_mac = r.insn_per_mac;
  b.insn_per_nnz_step = r.insn_per_nnz_step;
  b.flash_bytes = r.footprint.flash_bytes;
  b.ram_bytes = r.footprint.ram_bytes;
  b.vectors = r.comparison.vectors;
  b.bit_identical = r.comparison.bit_identical;
  return b;
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

  HarnessRun run = run_once(fw, inputs, options, request.build_dir + "/run");
  result.run_seconds = run.seconds;
  result.comparison = compare_outputs(run.outputs, reference);
  result.instructions = instruction_stats(run);
  result.stack_measured = run.stack_used;
  if (result.instructions.counted && options.repeat_vectors > 0) {
    InputBatch again = prefix(inputs, options.repeat_vectors);
    HarnessRun second = run_once(fw, again, options, request.build_dir + "/run-again");
    result.instructions.identical_across_runs =
        std::equal(second.instructions.begin(), second.instructions.end(), run.instructions.begin());
  }
  result.outputs = std::move(run.outputs);

  const bool bare_metal = result.kind == "baremetal";
  result.footprint = measure_footprint(fw.executable, bare_metal ? fw.executable : fw.facts.get("model_archive"),
                                       fw.facts.get("size"), fw.facts.get("nm"), fw.facts.get("map"), bare_metal);
  CallGraph graph = load_callgraph_dir(fw.facts.get("objects"));
  if (result.kind != "host") {  // ARM code: library functions (memcpy, soft float, ...) from the binary
    ProcessResult dis = run_process({fw.facts.get("objdump"), "-d", "--no-show-raw-insn", fw.executable}, "", 120);
    if (dis.exit_code != 0) throw Error(fw.facts.get("objdump") + " -d " + fw.executable + " failed: " + dis.err);
    ProcessResult nm = run_process({fw.facts.get("nm"), fw.executable}, "", 60);
    if (nm.exit_code != 0) throw Error(fw.facts.get("nm") + " " + fw.executable + " failed: " + nm.err);
    fill_library_frames(graph, dis.out, nm.out);
  }
  result.stack_entry = stack_bound(graph, bare_metal ? "Reset_Handler" : "main");
  result.stack_infer = stack_bound(graph, model.name + "_infer");

  if (dense_only != nullptr && result.instructions.counted) {
    FirmwareRequest dense_request = request;
    dense_request.model_dir = dense_only->dir;
    dense_request.model_name = dense_only->name;
    dense_request.build_dir = request.build_dir + "-dense";
    Firmware dense_fw = build_firmware(dense_request);
    InputBatch few = prefix(inputs, std::max(1, options.repeat_vectors));
    result.dense_instructions = instruction_stats(run_once(dense_fw, few, options, dense_request.build_dir + "/run"));
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
