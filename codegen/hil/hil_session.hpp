// One HIL run on one target: build the harness around the model's sources, run every input vector
// on the board, compare with the host reference, count instructions, measure the footprint and
// bound the stack. `minnc hil` calls this per target; the CTest HIL tests call it directly.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "hil/boards.hpp"
#include "hil/compare.hpp"
#include "hil/footprint.hpp"
#include "hil/stack_bound.hpp"
#include "hil/vector_files.hpp"

namespace minn::hil {

struct ModelSources {
  std::string dir;   // NAME.h and NAME.c/.cpp
  std::string name;  // NAME
};

// Sizes for per-operation ratios (0 = unknown, ratio not reported).
struct ModelCost {
  long long dense_macs = 0;     // multiply-adds of all dense layers per inference
  long long refine_steps = 0;   // K
  long long s_nonzeros = 0;     // nnz(S)
};

struct SessionOptions {
  std::string source_dir;   // repository root
  std::string work_dir;     // builds and run files go to <work_dir>/<board>[-dense]
  std::string plugin_path;  // empty: no instruction counts
  std::string opt = "-O2";
  double timeout_seconds = 300;
  // A second run over this many leading vectors: instruction counts must agree with the first.
  // The dense-only build (cost breakdown) also runs this prefix only. 0 = no second run.
  int repeat_vectors = 64;
};

struct InstructionStats {
  bool counted = false;
  std::uint64_t min = 0, max = 0;  // per inference, over vectors with status 0 (in the envelope)
  bool identical_across_runs = true;
  bool identical_across_inputs = false;
};

// The same target run with the portable kernels (`minnc hil --compare-kernels`).
struct KernelBaseline {
  InstructionStats instructions;
  InstructionStats dense_instructions;
  double insn_per_mac = 0;
  double insn_per_nnz_step = 0;
  std::uint64_t flash_bytes = 0;
  std::uint64_t ram_bytes = 0;
  int vectors = 0;
  int bit_identical = 0;
};

struct TargetResult {
  TargetName target;
  std::string core, part, machine, kind, compiler;
  bool fpu = false;
  Comparison comparison;
  InstructionStats instructions;
  InstructionStats dense_instructions;   // same model built with refinement steps = 0
  double insn_per_mac = 0;               // dense instructions / dense MACs
  double insn_per_nnz_step = 0;          // (total - dense) / (K * nnz(S))
  Footprint footprint;
  std::optional<StackBound> stack_entry;  // from the reset handler / main
  std::optional<StackBound> stack_infer;  // from NAME_infer
  long long stack_measured = -1;
  double run_seconds = 0;
  std::string executable;
  OutputBatch outputs;  // what the target computed (statuses and outputs)
  std::optional<KernelBaseline> portable;
};

KernelBaseline baseline_of(const TargetResult& portable_run);

// `dense_only`: the same model generated with 0 refinement steps (for the cost breakdown), or null.
TargetResult run_target(const TargetName& target, const ModelSources& model, const ModelSources* dense_only,
                        const ModelCost& cost, const InputBatch& inputs, const OutputBatch& reference,
                        const SessionOptions& options);

// The instruction-counting plugin built with minnc ($MINN_INSN_PLUGIN overrides).
std::string default_plugin_path();

}  // namespace minn::hil
