#include "emit/fixed_source.hpp"

#include <algorithm>
#include <sstream>

#include "emit/c_source.hpp"
#include "emit/stoichiometry_source.hpp"

namespace minn::emit {
namespace {

template <typename T>
Table int_table(std::string name, const char* ctype, int bytes, std::string comment,
                const std::vector<T>& values, int align = 0) {
  Table t{std::move(name), ctype, bytes, std::move(comment), {}, 16};
  t.align = align;
  for (T v : values) t.items.push_back(std::to_string(static_cast<long long>(v)));
  return t;
}

int even(int n) { return (n + 1) / 2 * 2; }

std::string offset(const std::string& base, int at) {
  return at == 0 ? base : base + " + " + std::to_string(at);
}

}  // namespace

const char* activation_ctype(const LoweredModel& m) {
  return m.precision == Precision::Q15 ? "int16_t" : "int8_t";
}

FixedWorkspace plan_fixed_workspace(const LoweredModel& m) {
  FixedWorkspace w;
  const int n = m.num_outputs;
  w.v_offset = 0;
  w.d_offset = n;
  w.pin_offset = 2 * n;
  w.u_offset = 3 * n;
  w.sv_offset = 4 * n;
  w.refine_words = 4 * n + std::max(m.s_rows, 1);
  // Activation k (k = 0: quantised inputs) in region k % 2, each with an even length (+ pad).
  int region[2] = {even(m.num_inputs + 1), 0};
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const int r = static_cast<int>((k + 1) % 2);
    region[r] = std::max(region[r], even(m.layers[k].out + 1));
  }
  w.activation_offset[1] = region[0];
  w.activations = region[0] + region[1];
  return w;
}

std::string fixed_workspace_struct(const std::string& n, const LoweredModel& m) {
  const FixedWorkspace w = plan_fixed_workspace(m);
  std::ostringstream s;
  s << "typedef struct " << n << "_workspace {\n"
    << "  int32_t refine[" << w.refine_words << "];  /* V, d, Pin term, S^T S V, S V (units 2^-"
    << m.fixed.frac_bits << ") */\n"
    << "  " << activation_ctype(m) << " act[" << w.activations
    << "];  /* activations, two regions, each of even length */\n"
    << "} " << n << "_workspace;\n\n";
  return s.str();
}

void add_fixed_tables(const LoweredModel& m, TableSet& set, bool csr_tables) {
  const FixedModel& f = m.fixed;
  {
    Table t{"kInputScale", "float", 4, "Input quantisation: q = (raw - min) * scale, per input.", {}, 6};
    for (float v : f.input_scale) t.items.push_back(float_literal(v));
    set.tables.push_back(std::move(t));
  }
  const bool q15 = m.precision == Precision::Q15;
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const LoweredLayer& l = m.layers[k];
    const FixedLayer& fl = f.layers[k];
    const std::string id = "kLayer" + std::to_string(k);
    const std::string what = "Layer " + std::to_string(k) + " '" + l.name + "' (" + std::to_string(l.in) +
                             " -> " + std::to_string(l.out) + ")";
    const std::string layout = "panels of " + std::to_string(fx::kPanel) +
                               " rows x input pairs, see minn::fx::weight_index";
    if (q15) {
      set.tables.push_back(int_table(id + "Weights", "int16_t", 2, what + ": int16 weights, " + layout + ".",
                                     fl.w16, 4));
    } else {
      set.tables.push_back(int_table(id + "Weights", "int8_t", 1, what + ": int8 weights, " + layout + ".",
                                     fl.w8, 4));
    }
    set.tables.push_back(int_table(id + "Mult", "int32_t", 4,
                                   what + ": requantisation multiplier per row (mult / 2^shift).", fl.mult));
    set.tables.push_back(int_table(id + "Shift", "int8_t", 1, what + ": requantisation shift per row.", fl.shift));
    set.tables.push_back(int_table(id + "Bias", "int32_t", 4, what + ": bias per row, output units.", fl.bias));
  }
  if (m.refine.steps > 0) {
    const IndexType ptr = narrowest_index_type(static_cast<std::int64_t>(m.s_val.size()));
    const IndexType col = narrowest_index_type(std::max(m.s_cols, m.s_rows) - 1);
    set.s_ptr_type = ptr.ctype;
    set.s_col_type = col.ctype;
    const std::string shape = "S (" + std::to_string(m.s_rows) + " x " + std::to_string(m.s_cols) + ", CSR)";
    if (csr_tables) {
      set.tables.push_back(int_table("kSRowPtr", ptr.ctype, ptr.bytes, shape + ": first entry of each row.", m.s_row_ptr));
      set.tables.push_back(int_table("kSCol", col.ctype, col.bytes, shape + ": reaction of each entry.", m.s_col));
      set.tables.push_back(int_table("kSCoef", "int32_t", 4, shape + ": coefficient, Q12.", f.s_coef));
      set.tables.push_back(int_table("kSTRowPtr", ptr.ctype, ptr.bytes, "S^T (CSR): first entry of each reaction.",
                                     m.st_row_ptr));
      set.tables.push_back(int_table("kSTCol", col.ctype, col.bytes, "S^T (CSR): metabolite of each entry.", m.st_col));
      set.tables.push_back(int_table("kSTCoef", "int32_t", 4, "S^T (CSR): coefficient, Q12.", f.st_coef));
    }
    if (!m.pin.empty()) {
      const IndexType pin = narrowest_index_type(m.s_cols - 1);
      set.pin_type = pin.ctype;
      set.tables.push_back(int_table("kPinReaction", pin.ctype, pin.bytes,
                                     "Pin rows: the reaction each bound row selects.", m.pin));
      set.tables.push_back(int_table("kVin", "int32_t", 4,
                                     "Vin per Pin row, units 2^-F, clamped to +-vlimit (vlimit = no bound).", f.vin));
    }
  }
}

std::string fixed_run_source(const LoweredModel& m, const TableSet& tables, bool written_out_s,
                             const std::vector<std::string>& metabolite_ids) {
  const FixedModel& f = m.fixed;
  const FixedWorkspace w = plan_fixed_workspace(m);
  std::ostringstream s;
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const std::string id = "kLayer" + std::to_string(k);
    s << "\nconstexpr minn::fx::Requant " << id << "Requant = {" << id << "Mult, " << id << "Shift, " << id
      << "Bias, " << f.amax << "};";
  }
  s << "\n";
  const bool refine = m.refine.steps > 0;
  if (refine) {
    if (written_out_s) {
      s << fixed_stoichiometry_source(m, metabolite_ids);
    } else {
      s << "\nconstexpr minn::fx::FixedCsr<" << tables.s_ptr_type << ", " << tables.s_col_type << "> kS = {"
        << m.s_rows << ", " << m.s_cols << ", kSRowPtr, kSCol, kSCoef};\n"
        << "constexpr minn::fx::FixedCsr<" << tables.s_ptr_type << ", " << tables.s_col_type << "> kST = {"
        << m.s_cols << ", " << m.s_rows << ", kSTRowPtr, kSTCol, kSTCoef};\n";
    }
    s << "// Refinement in int32: K, beta, eta*2/m, eta*2/n_in, eta*2/n (Q30), vlimit (units 2^-"
      << f.frac_bits << ").\n"
      << "constexpr minn::fx::FixedRefineParams kRefine = {" << f.refine.steps << ", " << f.refine.beta << ", "
      << f.refine.k_u << ", " << f.refine.k_pin << ", " << f.refine.k_neg << ", " << f.refine.vlimit << "};\n";
  }
  s << "\nWorkspace default_workspace;  // zero-initialised (.bss), used by infer(in, out)\n\n"
    << "bool same_id(const char* a, const char* b) {\n"
    << "  while (*a != '\\0' && *a == *b) {\n    ++a;\n    ++b;\n  }\n  return *a == *b;\n}\n\n"
    << "// The whole inference in fixed point (" << precision_name(m.precision) << "): "
    << w.bytes(m.precision == Precision::Q15 ? 2 : 1) << " bytes of workspace.\n"
    << "minn::Status run(const float* in, float* out, Workspace& ws) {\n"
    << "  const int code = minn::check_inputs(in, " << m.num_inputs << ", kEnvelopeLo, kEnvelopeHi);\n"
    << "  if (code < 0) return minn::Status::from_code(code);  // outputs left unchanged\n";
  s << "  // Quantised inputs: (raw - min) * kInputScale, saturated to "
    << (m.clip_inputs ? "[0, " + std::to_string(f.amax) + "] (trained with clipped inputs)"
                      : "+-" + std::to_string(f.amax))
    << ".\n"
    << "  minn::fx::quantize_inputs(in, " << m.num_inputs << ", kScalerMin, kInputScale, "
    << (m.clip_inputs ? "true" : "false") << ", " << f.amax << ", " << offset("ws.act", w.activation_offset[0])
    << ");\n";
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const LoweredLayer& l = m.layers[k];
    const std::string id = "kLayer" + std::to_string(k);
    s << "  // Layer " << k << " '" << l.name << "': " << l.in << " -> " << l.out << ", "
      << (l.act == minn::Act::Relu ? "ReLU" : "no activation") << ".\n"
      << "  minn::fx::" << (written_out_s ? "dense_q" : "dense_q_portable") << "(" << id << "Weights, " << id << "Requant, " << l.in << ", " << l.out << ", "
      << (l.act == minn::Act::Relu ? "minn::Act::Relu" : "minn::Act::None") << ", "
      << offset("ws.act", w.activation_offset[k % 2]) << ", "
      << offset("ws.act", w.activation_offset[(k + 1) % 2]) << ");\n";
  }
  const std::string last = offset("ws.act", w.activation_offset[m.layers.size() % 2]);
  const std::string u = m.flux_scale_input >= 0 ? "in[" + std::to_string(m.flux_scale_input) + "]" : "1.0f";
  s << "  // V0 = y * s_y * 2^F" << (m.flux_scale_input >= 0 ? " * max(u, 0) (uptake normalisation)" : "")
    << ", int32, saturated.\n"
    << "  minn::fx::start_fluxes(" << last << ", " << m.num_outputs << ", " << float_literal(f.v0_factor) << ", "
    << u << ", " << f.refine.vlimit << ", " << offset("ws.refine", w.v_offset) << ");\n";
  if (refine) {
    const std::string pin = m.pin.empty() ? "static_cast<const uint8_t*>(nullptr)" : "kPinReaction";
    const std::string vin = m.pin.empty() ? "nullptr" : "kVin";
    s << "  // Refinement: " << m.refine.steps << " heavy-ball steps in int32.\n"
      << (written_out_s ? "  minn::fx::fixed_refine_with(FixedStoichiometry{}, " + std::to_string(m.num_outputs) + ", "
                        : std::string("  minn::fx::fixed_refine(kS, kST, "))
      << pin << ", " << vin << ", " << m.pin.size() << ", kRefine, "
      << offset("ws.refine", w.v_offset) << ", " << offset("ws.refine", w.d_offset) << ", "
      << offset("ws.refine", w.sv_offset) << ", " << offset("ws.refine", w.pin_offset) << ", "
      << offset("ws.refine", w.u_offset) << ");\n";
  }
  s << "  minn::fx::to_float(" << offset("ws.refine", w.v_offset) << ", " << m.num_outputs << ", "
    << float_literal(f.out_scale) << ", out);  // V / 2^" << f.frac_bits << "\n"
    << "  return minn::Status::from_code(code);\n}\n";
  return s.str();
}

}  // namespace minn::emit
