#include "emit/lowered_model.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "common/error.hpp"
#include "emit/fixed_source.hpp"

namespace minn::emit {
namespace {

[[noreturn]] void fail(const std::string& what) { throw Error("model: " + what); }

void expect_size(std::size_t got, std::size_t want, const std::string& what) {
  if (got != want) {
    fail(what + " has " + std::to_string(got) + " values, expected " + std::to_string(want));
  }
}

void expect_finite(const std::vector<float>& values, const std::string& what) {
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (!std::isfinite(values[i])) fail(what + "[" + std::to_string(i) + "] is not finite");
  }
}

// Row-major [out][in] -> panels of kPanelRows rows (zero rows pad the last panel).
template <typename T>
std::vector<T> to_panels(const std::vector<T>& row_major, int in, int out) {
  const int padded = (out + kPanelRows - 1) / kPanelRows * kPanelRows;
  std::vector<T> panels(static_cast<std::size_t>(padded) * in, T(0));
  for (int r = 0; r < out; ++r) {
    const int p = r / kPanelRows, pr = r % kPanelRows;
    for (int j = 0; j < in; ++j) {
      panels[(static_cast<std::size_t>(p) * in + j) * kPanelRows + pr] =
          row_major[static_cast<std::size_t>(r) * in + j];
    }
  }
  return panels;
}

// Symmetric int8 per row: scale = max|w| / 127 (float), q = round-half-even(w / scale), so
// |w - scale * q| <= scale / 2 for every weight.
void quantize(const DenseLayer& layer, std::vector<std::int8_t>& q, std::vector<float>& scale) {
  q.assign(layer.weights.size(), 0);
  scale.assign(static_cast<std::size_t>(layer.out), 0.0f);
  for (int r = 0; r < layer.out; ++r) {
    const float* row = layer.weights.data() + static_cast<std::size_t>(r) * layer.in;
    float max_abs = 0.0f;
    for (int j = 0; j < layer.in; ++j) max_abs = std::max(max_abs, std::fabs(row[j]));
    const float s = max_abs / 127.0f;
    // An all-zero row, or one of denormals so small that max|w| / 127 underflows to 0 (found by
    // fuzz_minn_fields: w / 0 was NaN and its int8 conversion undefined): scale 0, q 0.
    if (!(s > 0.0f)) continue;
    scale[static_cast<std::size_t>(r)] = s;
    for (int j = 0; j < layer.in; ++j) {
      const float v = std::nearbyint(row[j] / s);
      q[static_cast<std::size_t>(r) * layer.in + j] =
          static_cast<std::int8_t>(std::clamp(v, -127.0f, 127.0f));
    }
  }
}

void lower_layers(const MinnModel& model, LoweredModel& out) {
  if (model.layers.empty()) fail("no dense layers");
  int width = model.num_inputs();
  for (std::size_t k = 0; k < model.layers.size(); ++k) {
    const DenseLayer& layer = model.layers[k];
    const std::string what = "layer " + std::to_string(k) + " '" + layer.name + "'";
    // Layer 0 reads the first layer.in inputs; any further ones are genotype inputs that only
    // switch refinement bounds (checked in lower_knockouts).
    if (k == 0 ? (layer.in <= 0 || layer.in > width) : layer.in != width) {
      fail(what + " takes " + std::to_string(layer.in) + " inputs, expected " + (k == 0 ? "1.." : "") +
           std::to_string(width) + (k == 0 ? " (the model's inputs)" : " (the previous width)"));
    }
    if (layer.out <= 0) fail(what + " has " + std::to_string(layer.out) + " outputs, expected > 0");
    expect_size(layer.weights.size(), static_cast<std::size_t>(layer.in) * layer.out,
                what + " weights");
    expect_size(layer.bias.size(), static_cast<std::size_t>(layer.out), what + " bias");
    expect_finite(layer.weights, what + " weights");
    expect_finite(layer.bias, what + " bias");
    if (layer.activation != Activation::None && layer.activation != Activation::Relu) {
      fail(what + " has an unknown activation");
    }
    LoweredLayer low;
    low.name = layer.name;
    low.in = layer.in;
    low.out = layer.out;
    low.act = layer.activation == Activation::Relu ? minn::Act::Relu : minn::Act::None;
    low.bias = layer.bias;
    if (out.precision != Precision::Int8W) {  // fixed point quantises from these (fixed_lowering)
      low.weights = to_panels(layer.weights, layer.in, layer.out);
    } else {
      std::vector<std::int8_t> q;
      quantize(layer, q, low.scale);
      low.qweights = to_panels(q, layer.in, layer.out);
    }
    out.layers.push_back(std::move(low));
    width = layer.out;
  }
  if (width != model.num_outputs()) {
    fail("the last layer gives " + std::to_string(width) + " outputs, expected " +
         std::to_string(model.num_outputs()) + " (one per reaction id)");
  }
}

// Runs after lower_layers and lower_inputs (needs the output layer and the input names).
void lower_normalisation(const MinnModel& model, LoweredModel& out) {
  const int scale = model.flux_scale_input;
  if (scale != -1 && (scale < 0 || scale >= model.num_inputs())) {
    fail("flux_scale_input is " + std::to_string(scale) +
         ", expected -1 (none) or an input index 0.." + std::to_string(model.num_inputs() - 1));
  }
  out.flux_scale_input = scale;
  if (model.yield_offset.empty()) return;
  expect_size(model.yield_offset.size(), static_cast<std::size_t>(model.num_outputs()),
              "yield_offset (one per output)");
  expect_finite(model.yield_offset, "yield_offset");
  if (scale == -1) fail("yield_offset is stored but flux_scale_input is -1 (it needs the input)");
  // (W h + b) + offset and W h + (b + offset) may differ in the last bit; this form is the one
  // deployed (one table, no extra addition per inference) and the host reference uses it too.
  std::vector<float>& bias = out.layers.back().bias;
  for (std::size_t i = 0; i < bias.size(); ++i) bias[i] = bias[i] + model.yield_offset[i];
  out.yield_offset_in_bias = true;
}

void lower_inputs(const MinnModel& model, LoweredModel& out) {
  const auto n = static_cast<std::size_t>(model.num_inputs());
  if (n == 0) fail("no inputs");
  expect_size(model.input_units.size(), n, "input_units");
  expect_size(model.scaler_min.size(), n, "scaler_min");
  expect_size(model.scaler_range.size(), n, "scaler_range");
  expect_size(model.envelope_min.size(), n, "envelope_min");
  expect_size(model.envelope_max.size(), n, "envelope_max");
  expect_finite(model.scaler_min, "scaler_min");
  expect_finite(model.scaler_range, "scaler_range");
  expect_finite(model.envelope_min, "envelope_min");
  expect_finite(model.envelope_max, "envelope_max");
  if (!std::isfinite(model.envelope_margin) || model.envelope_margin < 0.0f) {
    fail("envelope_margin must be finite and >= 0");
  }
  out.num_inputs = static_cast<int>(n);
  out.input_names = model.input_names;
  out.input_units = model.input_units;
  out.scaler_min = model.scaler_min;
  out.scaler_range = model.scaler_range;
  out.envelope_min = model.envelope_min;
  out.envelope_max = model.envelope_max;
  out.envelope_margin = model.envelope_margin;
  out.clip_inputs = model.clip_inputs;
  for (std::size_t i = 0; i < n; ++i) {
    if (model.scaler_range[i] == 0.0f) fail("scaler_range[" + std::to_string(i) + "] is 0");
    if (model.envelope_max[i] < model.envelope_min[i]) {
      fail("envelope of input " + std::to_string(i) + " '" + model.input_names[i] +
           "': max < min");
    }
    // Float arithmetic, rounded once here; both the generator and the reference use these values.
    const float slack = model.envelope_margin * (model.envelope_max[i] - model.envelope_min[i]);
    out.envelope_lo.push_back(model.envelope_min[i] - slack);
    out.envelope_hi.push_back(model.envelope_max[i] + slack);
  }
}

void lower_refinement(const MinnModel& model, LoweredModel& out) {
  const SparseRows& s = model.S;
  const int n = model.num_outputs();
  const Refinement& r = model.refinement;
  if (r.steps < 0) fail("refinement steps " + std::to_string(r.steps) + ", expected >= 0");
  if (!std::isfinite(r.step_size) || !std::isfinite(r.momentum)) {
    fail("refinement step size and momentum must be finite");
  }
  if (s.cols != n) {
    fail("S has " + std::to_string(s.cols) + " columns, expected " + std::to_string(n) +
         " (one per reaction)");
  }
  if (s.rows < 0 || (s.rows == 0 && r.steps > 0)) {
    fail("S has " + std::to_string(s.rows) + " rows, expected > 0 when the refinement has steps");
  }
  std::vector<std::int32_t> row_ptr = s.row_ptr;
  if (s.rows == 0 && row_ptr.empty()) row_ptr.push_back(0);  // an empty S may omit row_ptr
  expect_size(row_ptr.size(), static_cast<std::size_t>(s.rows) + 1, "S row_ptr");
  expect_size(s.values.size(), s.col_index.size(), "S values");
  expect_finite(s.values, "S values");
  if (row_ptr.front() != 0 || row_ptr.back() != static_cast<std::int32_t>(s.col_index.size())) {
    fail("S row_ptr must start at 0 and end at the number of nonzeros");
  }
  for (int row = 0; row < s.rows; ++row) {
    if (row_ptr[row + 1] < row_ptr[row]) fail("S row_ptr decreases at row " + std::to_string(row));
    for (std::int32_t e = row_ptr[row]; e < row_ptr[row + 1]; ++e) {
      if (s.col_index[e] < 0 || s.col_index[e] >= n ||
          (e > row_ptr[row] && s.col_index[e] <= s.col_index[e - 1])) {
        fail("S row " + std::to_string(row) + ": column index " + std::to_string(s.col_index[e]) +
             " out of range or not increasing");
      }
    }
  }
  expect_size(model.default_vin.size(), model.pin_reactions.size(), "default_vin");
  for (std::size_t k = 0; k < model.pin_reactions.size(); ++k) {
    if (model.pin_reactions[k] < 0 || model.pin_reactions[k] >= n) {
      fail("Pin row " + std::to_string(k) + " selects reaction " +
           std::to_string(model.pin_reactions[k]) + ", expected 0.." + std::to_string(n - 1));
    }
    if (std::isnan(model.default_vin[k]) || model.default_vin[k] == -INFINITY) {
      fail("default_vin[" + std::to_string(k) + "] is NaN or -inf, expected a number or +inf");
    }
  }
  out.s_rows = s.rows;
  out.s_cols = s.cols;
  out.s_row_ptr = row_ptr;
  out.s_col = s.col_index;
  out.s_val = s.values;
  // S^T in CSR, entries of each reaction in increasing metabolite order (lib/minn/sparse.hpp).
  out.st_row_ptr.assign(static_cast<std::size_t>(n) + 1, 0);
  for (std::int32_t c : s.col_index) ++out.st_row_ptr[static_cast<std::size_t>(c) + 1];
  for (int c = 0; c < n; ++c) out.st_row_ptr[c + 1] += out.st_row_ptr[c];
  out.st_col.resize(s.col_index.size());
  out.st_val.resize(s.values.size());
  std::vector<std::int32_t> next(out.st_row_ptr.begin(), out.st_row_ptr.end() - 1);
  for (int row = 0; row < s.rows; ++row) {
    for (std::int32_t e = row_ptr[row]; e < row_ptr[row + 1]; ++e) {
      const std::int32_t slot = next[s.col_index[e]]++;
      out.st_col[slot] = row;
      out.st_val[slot] = s.values[e];
    }
  }
  out.pin = model.pin_reactions;
  out.vin = model.default_vin;
  out.refine.steps = r.steps;
  out.refine.step_size = r.step_size;
  out.refine.momentum = r.momentum;
  out.refine.two_over_m = s.rows > 0 ? 2.0f / static_cast<float>(s.rows) : 0.0f;
  out.refine.two_over_n = 2.0f / static_cast<float>(n);
  out.refine.two_over_nin =
      out.pin.empty() ? 0.0f : 2.0f / static_cast<float>(out.pin.size());
}

// Runs after lower_layers and lower_refinement. Pin rows closed by a genotype input (>= 0.5).
void lower_knockouts(const MinnModel& model, LoweredModel& out) {
  const int network_inputs = out.layers.front().in;
  if (model.pin_switch_input.empty()) {
    if (network_inputs < out.num_inputs)
      fail("inputs " + std::to_string(network_inputs) + ".." + std::to_string(out.num_inputs - 1) +
           " are not read by layer 0 and switch no Pin row");
    return;
  }
  expect_size(model.pin_switch_input.size(), model.pin_reactions.size(), "pin_switch_input (one per Pin row)");
  std::vector<bool> read(static_cast<std::size_t>(out.num_inputs), false);
  for (int i = 0; i < network_inputs; ++i) read[static_cast<std::size_t>(i)] = true;
  for (std::size_t k = 0; k < model.pin_switch_input.size(); ++k) {
    const std::int32_t s = model.pin_switch_input[k];
    if (s < -1 || s >= out.num_inputs)
      fail("pin_switch_input[" + std::to_string(k) + "] is " + std::to_string(s) + ", expected -1 or an input index");
    if (s >= 0) read[static_cast<std::size_t>(s)] = true;
  }
  for (int i = 0; i < out.num_inputs; ++i)
    if (!read[static_cast<std::size_t>(i)])
      fail("input " + std::to_string(i) + " '" + out.input_names[static_cast<std::size_t>(i)] +
           "' is not read by layer 0 and switches no Pin row");
  if (out.refine.steps > 0) out.pin_switch = model.pin_switch_input;
}

void lower_closed_rows(LoweredModel& out) {
  if (out.refine.steps == 0) return;  // follows the refinement (as in training)
  out.zero_closed_rows = !out.pin_switch.empty();
  for (float v : out.vin) out.zero_closed_rows = out.zero_closed_rows || v == 0.0f;
}

WorkspaceLayout plan_workspace(const LoweredModel& m) {
  // Activation k (k = 0: scaled inputs) for k < L lives in region k % 2.
  int region[2] = {m.num_inputs, 0};
  for (std::size_t k = 1; k < m.layers.size(); ++k) {
    region[k % 2] = std::max(region[k % 2], m.layers[k - 1].out);
  }
  WorkspaceLayout w;
  w.activation_offset[0] = 0;
  w.activation_offset[1] = region[0];
  w.floats = region[0] + region[1];
  if (m.refine.steps > 0) {
    w.d_offset = 0;
    w.sv_offset = m.num_outputs;
    w.g_offset = m.num_outputs + m.s_rows;
    w.floats = std::max(w.floats, 2 * m.num_outputs + m.s_rows);
    if (!m.pin_switch.empty()) {  // the bounds of this strain, after the refinement's buffers
      w.vin_offset = 2 * m.num_outputs + m.s_rows;
      w.floats = std::max(w.floats, w.vin_offset + static_cast<int>(m.pin.size()));
    }
  }
  return w;
}

}  // namespace

long long LoweredModel::dense_macs() const {
  long long total = 0;
  for (const LoweredLayer& l : layers) total += l.macs();
  return total;
}

long long LoweredModel::refine_macs() const {
  return static_cast<long long>(refine.steps) *
         (2LL * static_cast<long long>(s_val.size()) + static_cast<long long>(pin.size()) +
          4LL * num_outputs);
}

LoweredModel lower(const MinnModel& model, Precision precision) {
  LoweredModel out;
  out.precision = precision;
  if (model.num_outputs() == 0) fail("no reaction ids (outputs)");
  out.num_outputs = model.num_outputs();
  out.reaction_ids = model.reaction_ids;
  lower_inputs(model, out);
  lower_layers(model, out);
  lower_normalisation(model, out);
  lower_refinement(model, out);
  lower_knockouts(model, out);
  lower_closed_rows(out);
  out.workspace = plan_workspace(out);
  if (is_fixed_point(precision)) {
    out.fixed = lower_fixed(model, out, precision == Precision::Q15);
    const int bytes = plan_fixed_workspace(out).bytes(precision == Precision::Q15 ? 2 : 1);
    out.workspace.floats = (bytes + 3) / 4;  // the report's size in 4-byte words
  }
  return out;
}

}  // namespace minn::emit
