// `minnc hil`: the whole job over one or more targets. Generates the model's C/C++ in-process
// (emit::generate), builds the harness per board, streams the data rows plus random in-envelope
// rows, rows far beyond the envelope and non-finite rows through it, compares with
// emit::ReferencePredictor, and prints the table.
#pragma once
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "hil/vector_files.hpp"
#include "model/model.hpp"

namespace minn::hil {

// Rows from --data, in the model's input order, with their labels (experiment names).
struct DataRows {
  std::vector<std::string> labels;
  InputBatch inputs;
};

struct HilJobOptions {
  std::string model_path;
  std::string targets = "cortex-m4";  // name, comma list or "all"
  std::string data_path;              // Ishii dataset directory or inputs.csv; empty = no data rows
  int random_rows = 1000;             // uniform inside the training envelope
  std::uint32_t seed = 1;
  std::string name;                   // C prefix of the generated code (default: from the file name)
  std::string precision = "f32";
  std::string kernels = "fast";       // emit::KernelSet: fast | portable
  // Also build and run every target with the portable kernels (the ones before issue 17), same
  // vectors, same reference: both columns side by side in the table and in <target>.json.
  bool compare_kernels = false;
  std::string work_dir = "minn-hil";  // generated sources, builds, run files (reused between runs)
  std::string report_dir;             // <target>.json per target (default: work_dir)
  std::string opt = "-O2";
  bool breakdown = true;              // also build with 0 refinement steps: dense vs refinement cost
  int repeat_vectors = 64;            // second run over this prefix: counts must agree between runs
  std::vector<std::string> show_rows;       // data labels whose fluxes are printed
  std::vector<std::string> show_reactions;  // reaction ids to print (default: central carbon)
  double timeout_seconds = 600;
};

// --data as `minnc predict` reads it, columns reordered to the model's inputs.
DataRows load_data_rows(const std::string& path, const MinnModel& model);

// Returns 0 when every vector on every target that fits its part is bit-identical with the
// host reference; 1 otherwise. minn::Error for bad input (model, data, options).
int run_hil_job(const HilJobOptions& options, std::ostream& out);

// "models/e_coli_core.minn" -> "e_coli_core" (a valid C identifier).
std::string default_model_name(const std::string& model_path);

}  // namespace minn::hil
