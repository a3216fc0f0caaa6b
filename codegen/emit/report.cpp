#include "emit/report.hpp"

#include <cmath>
#include <cstdio>
#include <sstream>

#include "common/json_text.hpp"
#include "common/version.hpp"
#include "emit/c_source.hpp"

namespace minn::emit {
namespace {

// JSON has no infinities: they become null.
std::string json_number(float v) { return std::isinf(v) ? "null" : float_decimal(v); }

std::size_t weight_bytes(const TableSet& t) {
  std::size_t total = 0;
  for (const Table& table : t.tables) {
    if (table.name.rfind("kLayer", 0) == 0 && table.name.find("Bias") == std::string::npos) {
      total += table.bytes();
    }
  }
  return total;
}

// Flash of the id strings and their pointer tables on a 32-bit target.
std::size_t string_bytes(const LoweredModel& m) {
  std::size_t total = 0;
  for (const auto* list : {&m.input_names, &m.input_units, &m.reaction_ids}) {
    for (const std::string& s : *list) total += s.size() + 1 + 4;
  }
  return total;
}

// null, or the raw input the outputs are scaled by (uptake normalisation).
std::string flux_scale_json(const LoweredModel& m) {
  if (m.flux_scale_input < 0) return "null";
  const int u = m.flux_scale_input;
  return "{\"index\": " + std::to_string(u) + ", \"name\": " + json_quote(m.input_names[u]) +
         ", \"unit\": " + json_quote(m.input_units[u]) + "}";
}

std::string flux_scale_markdown(const LoweredModel& m) {
  if (m.flux_scale_input < 0) return "";
  const int u = m.flux_scale_input;
  std::ostringstream s;
  s << "Outputs are scaled by input " << u << " `" << m.input_names[u] << "` (" << m.input_units[u]
    << ", the raw reading u): the network predicts yields (fluxes per unit of u) and the refinement "
    << "starts from V0 = max(u, 0) * (network"
    << (m.yield_offset_in_bias ? " + yield offset; the residual form's offset is folded into the "
                                 "output bias"
                               : "")
    << "). A negative u gives V0 = 0.\n\n";
  return s.str();
}

}  // namespace

std::size_t f32_weight_bytes(const LoweredModel& m) {
  std::size_t total = 0;
  for (const LoweredLayer& l : m.layers) {
    const std::size_t padded = static_cast<std::size_t>((l.out + kPanelRows - 1) / kPanelRows *
                                                        kPanelRows);
    total += padded * static_cast<std::size_t>(l.in) * 4;
  }
  return total;
}

std::string report_json(const ReportInput& in) {
  const LoweredModel& m = *in.lowered;
  std::ostringstream s;
  s << "{\n  \"name\": " << json_quote(in.name) << ",\n"
    << "  \"minn_version\": " << json_quote(MINN_VERSION_STRING) << ",\n"
    << "  \"model_sha256\": " << json_quote(in.model_sha256) << ",\n"
    << "  \"gem_id\": " << json_quote(in.model->gem_id) << ",\n"
    << "  \"precision\": " << json_quote(precision_name(in.precision)) << ",\n"
    << "  \"inputs\": [\n";
  for (int i = 0; i < m.num_inputs; ++i) {
    s << "    {\"index\": " << i << ", \"name\": " << json_quote(m.input_names[i])
      << ", \"unit\": " << json_quote(m.input_units[i])
      << ", \"envelope_min\": " << json_number(m.envelope_min[i])
      << ", \"envelope_max\": " << json_number(m.envelope_max[i])
      << ", \"accepted_min\": " << json_number(m.envelope_lo[i])
      << ", \"accepted_max\": " << json_number(m.envelope_hi[i]) << "}"
      << (i + 1 < m.num_inputs ? ",\n" : "\n");
  }
  s << "  ],\n  \"envelope_margin\": " << json_number(m.envelope_margin) << ",\n"
    << "  \"clip_inputs\": " << (m.clip_inputs ? "true" : "false") << ",\n"
    << "  \"flux_scale_input\": " << flux_scale_json(m) << ",\n"
    << "  \"yield_offset_in_bias\": " << (m.yield_offset_in_bias ? "true" : "false") << ",\n"
    << "  \"outputs\": [\n";
  for (int i = 0; i < m.num_outputs; ++i) {
    s << "    {\"index\": " << i << ", \"reaction_id\": " << json_quote(m.reaction_ids[i]) << "}"
      << (i + 1 < m.num_outputs ? ",\n" : "\n");
  }
  s << "  ],\n  \"layers\": [\n";
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const LoweredLayer& l = m.layers[k];
    s << "    {\"name\": " << json_quote(l.name) << ", \"in\": " << l.in << ", \"out\": " << l.out
      << ", \"activation\": \"" << (l.act == minn::Act::Relu ? "relu" : "none")
      << "\", \"macs\": " << l.macs() << "}" << (k + 1 < m.layers.size() ? ",\n" : "\n");
  }
  s << "  ],\n  \"refinement\": {\"steps\": " << m.refine.steps
    << ", \"step_size\": " << json_number(m.refine.step_size)
    << ", \"momentum\": " << json_number(m.refine.momentum)
    << ", \"metabolites\": " << m.s_rows << ", \"s_nonzeros\": " << m.s_val.size()
    << ", \"pin_rows\": " << m.pin.size() << "},\n"
    << "  \"flash_bytes\": {\n    \"tables\": {";
  for (std::size_t i = 0; i < in.tables->tables.size(); ++i) {
    const Table& t = in.tables->tables[i];
    s << (i ? ", " : "") << "\n      " << json_quote(t.name) << ": {\"type\": "
      << json_quote(t.ctype) << ", \"count\": " << t.items.size() << ", \"bytes\": " << t.bytes()
      << "}";
  }
  const std::size_t weights = weight_bytes(*in.tables);
  const std::size_t weights_f32 = f32_weight_bytes(m);
  s << "\n    },\n    \"tables_total\": " << in.tables->bytes()
    << ",\n    \"id_strings_32bit\": " << string_bytes(m) << "\n  },\n"
    << "  \"weights_bytes\": " << weights << ",\n"
    << "  \"weights_bytes_f32\": " << weights_f32 << ",\n"
    << "  \"weights_saving_vs_f32\": "
    << float_decimal(1.0f - static_cast<float>(weights) / static_cast<float>(weights_f32)) << ",\n"
    << "  \"workspace_bytes\": " << m.workspace.floats * 4 << ",\n"
    << "  \"macs_per_inference\": {\"dense\": " << m.dense_macs()
    << ", \"refinement\": " << m.refine_macs() << ", \"total\": "
    << m.dense_macs() + m.refine_macs() << "},\n"
    << "  \"s_nonzeros_per_inference\": "
    << 2LL * m.refine.steps * static_cast<long long>(m.s_val.size()) << "\n}\n";
  return s.str();
}

std::string report_markdown(const ReportInput& in) {
  const LoweredModel& m = *in.lowered;
  const std::string& n = in.name;
  std::ostringstream s;
  s << "# " << n << " -- generated MINN (minn " << MINN_VERSION_STRING << ")\n\n"
    << "Model SHA-256 `" << in.model_sha256 << "`, GEM `" << in.model->gem_id << "`, precision `"
    << precision_name(in.precision) << "`.\n\n"
    << "Files: `" << n << ".h` (C API), `" << n << ".hpp` (C++ API), `" << n
    << ".cpp` (tables and `infer`); build with `lib/` on the include path, C++17, "
    << "`-ffp-contract=off` (needed for bit-exact results with `minnc predict`).\n\n"
    << "| item | value |\n|---|---|\n"
    << "| inputs (raw units, scaled inside) | " << m.num_inputs << " |\n"
    << "| outputs (split-GEM fluxes) | " << m.num_outputs << " |\n"
    << "| flash, tables | " << in.tables->bytes() << " B |\n"
    << "| flash, id strings (32-bit) | " << string_bytes(m) << " B |\n"
    << "| workspace (RAM) | " << m.workspace.floats * 4 << " B |\n"
    << "| MACs per inference, dense | " << m.dense_macs() << " |\n"
    << "| MACs per inference, refinement | " << m.refine_macs() << " |\n"
    << "| S nonzeros x steps x 2 | " << 2LL * m.refine.steps * static_cast<long long>(m.s_val.size())
    << " |\n";
  if (in.precision == Precision::Int8W) {
    s << "| weights int8w / f32 | " << weight_bytes(*in.tables) << " / " << f32_weight_bytes(m)
      << " B |\n";
  }
  s << "\nStatus (`minn/status.h`): `0` ok; `1000 + i` input i beyond the training envelope "
    << "(widened by " << float_decimal(m.envelope_margin) << " of its range; outputs computed"
    << (m.clip_inputs ? " at the input clipped to the training range" : "") << "); "
    << "`-(1 + i)` input i NaN or +-Inf (outputs unchanged).\n\n"
    << flux_scale_markdown(m)
    << "## Inputs\n\n| # | name | unit | training min | training max |\n|---|---|---|---|---|\n";
  for (int i = 0; i < m.num_inputs; ++i) {
    s << "| " << i << " | " << m.input_names[i] << " | " << m.input_units[i] << " | "
      << float_decimal(m.envelope_min[i]) << " | " << float_decimal(m.envelope_max[i]) << " |\n";
  }
  s << "\n## Outputs\n\n| # | reaction id |\n|---|---|\n";
  for (int i = 0; i < m.num_outputs; ++i) s << "| " << i << " | " << m.reaction_ids[i] << " |\n";
  s << "\n## Tables (flash)\n\n| table | type | count | bytes |\n|---|---|---|---|\n";
  for (const Table& t : in.tables->tables) {
    s << "| " << t.name << " | " << t.ctype << " | " << t.items.size() << " | " << t.bytes()
      << " |\n";
  }
  return s.str();
}

}  // namespace minn::emit
