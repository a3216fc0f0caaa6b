#include "emit/tables.hpp"

#include <algorithm>

#include "emit/c_source.hpp"
#include "emit/fixed_source.hpp"

namespace minn::emit {
namespace {

Table float_table(std::string name, std::string comment, const std::vector<float>& values) {
  Table t{std::move(name), "float", 4, std::move(comment), {}, 6};
  for (float v : values) t.items.push_back(float_literal(v));
  return t;
}

template <typename T>
Table int_table(std::string name, std::string comment, const std::vector<T>& values,
                IndexType type) {
  Table t{std::move(name), type.ctype, type.bytes, std::move(comment), {}, 16};
  for (T v : values) t.items.push_back(std::to_string(static_cast<long long>(v)));
  return t;
}

const char* act_name(minn::Act act) { return act == minn::Act::Relu ? "ReLU" : "no activation"; }

}  // namespace

const Table* TableSet::find(const std::string& name) const {
  for (const Table& t : tables) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

std::size_t TableSet::bytes() const {
  std::size_t total = 0;
  for (const Table& t : tables) total += t.bytes();
  return total;
}

TableSet build_tables(const LoweredModel& m, bool csr_tables) {
  TableSet set;
  auto& t = set.tables;
  t.push_back(float_table("kScalerMin", "Input scaler: min per input (raw units).", m.scaler_min));
  if (!is_fixed_point(m.precision)) {  // fixed point folds the range into kInputScale
    t.push_back(float_table("kScalerRange", "Input scaler: max - min per input (raw units).",
                            m.scaler_range));
  }
  t.push_back(float_table("kEnvelopeLo",
                          "Guard: lowest accepted raw input (training min - margin * range).",
                          m.envelope_lo));
  t.push_back(float_table("kEnvelopeHi",
                          "Guard: highest accepted raw input (training max + margin * range).",
                          m.envelope_hi));
  if (is_fixed_point(m.precision)) {
    add_fixed_tables(m, set, csr_tables);
    return set;
  }
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const LoweredLayer& l = m.layers[k];
    const std::string id = "kLayer" + std::to_string(k);
    const std::string what = "Layer " + std::to_string(k) + " '" + l.name + "' (" +
                             std::to_string(l.in) + " -> " + std::to_string(l.out) + ", " +
                             act_name(l.act) + ")";
    const int padded = (l.out + kPanelRows - 1) / kPanelRows * kPanelRows;
    const std::string layout = "row panels of " + std::to_string(kPanelRows) + " (" +
                               std::to_string(padded) + " rows incl. zero padding) x " +
                               std::to_string(l.in) + ", see minn/dense.hpp.";
    if (m.precision == Precision::F32) {
      t.push_back(float_table(id + "Weights", what + ": weights, " + layout, l.weights));
    } else {
      Table q{id + "Weights", "int8_t", 1, what + ": int8 weights (W ~ scale * q), " + layout, {},
              24};
      for (std::int8_t v : l.qweights) q.items.push_back(std::to_string(static_cast<int>(v)));
      t.push_back(std::move(q));
      t.push_back(float_table(id + "Scale", what + ": weight scale per output row.", l.scale));
    }
    const bool with_offset = m.yield_offset_in_bias && k + 1 == m.layers.size();
    t.push_back(float_table(id + "Bias",
                            what + (with_offset ? ": bias + yield offset (residual form, added in "
                                                  "float) per output row."
                                                : ": bias per output row."),
                            l.bias));
  }
  if (m.refine.steps > 0) {
    const IndexType ptr = narrowest_index_type(static_cast<std::int64_t>(m.s_val.size()));
    const IndexType col = narrowest_index_type(std::max(m.s_cols, m.s_rows) - 1);
    set.s_ptr_type = ptr.ctype;
    set.s_col_type = col.ctype;
    const std::string shape = "S (" + std::to_string(m.s_rows) + " metabolites x " +
                              std::to_string(m.s_cols) + " reactions, " +
                              std::to_string(m.s_val.size()) + " nonzeros, CSR)";
    if (csr_tables) {
      t.push_back(int_table("kSRowPtr", shape + ": first entry of each row.", m.s_row_ptr, ptr));
      t.push_back(int_table("kSCol", shape + ": reaction (column) of each entry.", m.s_col, col));
      t.push_back(float_table("kSVal", shape + ": stoichiometric coefficient of each entry.",
                              m.s_val));
      const std::string tshape = "S^T (CSR by reaction, for S^T w)";
      t.push_back(int_table("kSTRowPtr", tshape + ": first entry of each reaction.", m.st_row_ptr, ptr));
      t.push_back(int_table("kSTCol", tshape + ": metabolite of each entry.", m.st_col, col));
      t.push_back(float_table("kSTVal", tshape + ": coefficient of each entry.", m.st_val));
    }
    if (!m.pin.empty()) {
      const IndexType pin = narrowest_index_type(m.s_cols - 1);
      set.pin_type = pin.ctype;
      t.push_back(int_table("kPinReaction", "Pin rows: the reaction each bound row selects.",
                            m.pin, pin));
      t.push_back(float_table("kVin", "Vin: upper bound per Pin row (inf = no bound).", m.vin));
      if (!m.pin_switch.empty()) {
        std::string names;
        for (std::int32_t in : m.pin_switch)
          if (in >= 0 && names.find(m.input_names[static_cast<std::size_t>(in)]) == std::string::npos)
            names += (names.empty() ? "" : ", ") + m.input_names[static_cast<std::size_t>(in)];
        t.push_back(int_table("kPinSwitch",
                              "Knockouts: the genotype input that closes each Pin row (Vin 0 when >= 0.5), "
                              "-1 for none (" + names + ").",
                              m.pin_switch, IndexType{"int16_t", 2}));
      }
    }
  }
  return set;
}

}  // namespace minn::emit
