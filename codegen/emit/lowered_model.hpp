// A MinnModel lowered to exactly the tables and constants the runtime kernels consume.
// The emitter prints these tables and the host reference runs the kernels on them, so both paths
// see the same bits: envelope bounds, 2/m constants and int8 scales are rounded to float once, here.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "emit/fixed_lowering.hpp"
#include "emit/precision.hpp"
#include "minn/minn.hpp"
#include "model/model.hpp"

namespace minn::emit {

inline constexpr int kPanelRows = 8;  // rows per weight panel (see lib/minn/dense.hpp)

struct LoweredLayer {
  std::string name;
  int in = 0;
  int out = 0;
  minn::Act act = minn::Act::None;
  std::vector<float> weights;        // f32, q15, q7: panels, padded to a multiple of kPanelRows rows
  std::vector<std::int8_t> qweights; // int8w: panels, same layout
  std::vector<float> scale;          // int8w: per output row, W ~ scale * q
  std::vector<float> bias;           // out; the output layer's includes the yield offset (below)
  long long macs() const { return static_cast<long long>(in) * out; }
};

// Workspace layout in floats. Activations ping-pong between two regions (the scaled inputs are
// activation 0, the last layer writes the caller's outputs); the refinement buffers reuse them.
struct WorkspaceLayout {
  int activation_offset[2] = {0, 0};  // activation k lives at activation_offset[k % 2]
  int d_offset = 0;                   // momentum (n)
  int sv_offset = 0;                  // S V (m)
  int g_offset = 0;                   // gradient (n)
  int vin_offset = -1;                // knockout models: this strain's Vin (Pin rows); -1 = none
  int floats = 0;
};

struct LoweredModel {
  Precision precision = Precision::F32;
  int num_inputs = 0;
  int num_outputs = 0;
  std::vector<std::string> input_names;
  std::vector<std::string> input_units;
  std::vector<std::string> reaction_ids;
  std::vector<float> scaler_min, scaler_range;
  std::vector<float> envelope_min, envelope_max;  // as trained (raw units)
  std::vector<float> envelope_lo, envelope_hi;    // widened by the margin: what the guard checks
  float envelope_margin = 0.0f;
  bool clip_inputs = false;                       // minn::clip_unit after minn::scale_inputs
  std::vector<LoweredLayer> layers;
  // Uptake normalisation: after the last layer, minn::scale_by_input(out, n, in[flux_scale_input])
  // (raw input; -1: none). The residual form's yield offset is folded into the output layer's bias
  // once, here, in float (bias + offset), so the host reference and the generated code read the
  // same bits; V0 = max(u, 0) * (W h + (b + offset)).
  int flux_scale_input = -1;
  bool yield_offset_in_bias = false;
  int s_rows = 0;
  int s_cols = 0;
  std::vector<std::int32_t> s_row_ptr, s_col;
  std::vector<float> s_val;
  std::vector<std::int32_t> st_row_ptr, st_col;  // S^T as CSR (rows = reactions), for S^T w
  std::vector<float> st_val;
  std::vector<std::int32_t> pin;
  std::vector<float> vin;
  // Knockout switches (online models): per Pin row the genotype input that closes it (Vin 0 when
  // >= 0.5), -1 for none; empty when the model has none (then kVin is used as is).
  std::vector<std::int32_t> pin_switch;
  // After the refinement, the fluxes of Pin rows with Vin = 0 are set to 0 (minn::zero_closed_rows):
  // set when some row can be closed (a switch or a default Vin of 0); other models skip the loop
  // and keep their code.
  bool zero_closed_rows = false;
  minn::RefineParams refine{};
  WorkspaceLayout workspace;
  FixedModel fixed;  // q15, q7 only (emit/fixed_lowering.hpp)

  long long dense_macs() const;
  long long refine_macs() const;  // per inference: K * (2 nnz(S) + Pin rows + 4 n) multiply-adds
};

// Validates dimensions and values (minn::Error naming the part and what was expected) and lowers.
LoweredModel lower(const MinnModel& model, Precision precision);

}  // namespace minn::emit
