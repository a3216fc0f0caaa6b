// Generated code for the fixed-point precisions (q15, q7): the workspace struct of NAME.h, the
// tables and the run() of NAME.cpp. The host reference (reference_predictor.cpp) runs the same
// lib/minn/fixed_point.hpp kernels on the same tables in the same steps.
#pragma once
#include <string>

#include "emit/lowered_model.hpp"
#include "emit/tables.hpp"

namespace minn::emit {

// Workspace layout (int32 refinement, then the activations).
struct FixedWorkspace {
  int refine_words = 0;    // V, d, Pin term, S^T S V, S V
  int v_offset = 0, d_offset = 0, sv_offset = 0, pin_offset = 0, u_offset = 0;
  int activation_offset[2] = {0, 0};
  int activations = 0;     // elements of the activation type
  int bytes(int activation_bytes) const { return 4 * refine_words + activation_bytes * activations; }
};
FixedWorkspace plan_fixed_workspace(const LoweredModel& m);

const char* activation_ctype(const LoweredModel& m);  // int16_t | int8_t

// `typedef struct NAME_workspace {...} NAME_workspace;` for NAME.h.
std::string fixed_workspace_struct(const std::string& name, const LoweredModel& m);

// Tables of the fixed-point model (added to the float ones: scaler and envelope).
// csr_tables: S and S^T as CSR tables (the portable kernels; the fast ones write S out).
void add_fixed_tables(const LoweredModel& m, TableSet& set, bool csr_tables);

// Constants (requantisation, CSR views, refinement) and `minn::Status run(in, out, Workspace&)`.
// written_out_s: the refinement's products as generated code (fixed_stoichiometry_source).
std::string fixed_run_source(const LoweredModel& m, const TableSet& tables, bool written_out_s,
                             const std::vector<std::string>& metabolite_ids);

}  // namespace minn::emit
