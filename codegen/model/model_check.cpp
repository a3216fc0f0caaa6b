#include "model/model_check.hpp"

#include <cmath>
#include <cstdint>
#include <sstream>
#include <unordered_map>

#include "common/error.hpp"

namespace minn {
namespace {

// Collects the message prefix so every check reads as one line.
class Checker {
 public:
  explicit Checker(const std::string& origin) : origin_(origin) {}

  template <typename... Parts>
  [[noreturn]] void fail(const Parts&... parts) const {
    std::ostringstream out;
    out << origin_ << ": invalid model: ";
    (out << ... << parts);
    throw Error(out.str());
  }

  // `what` names the list (e.g. "input names"), `count` its required size.
  void size(const char* what, std::size_t actual, std::size_t expected, const char* because) const {
    if (actual != expected)
      fail(what, " has ", actual, " entries, expected ", expected, " (", because, ")");
  }

  void ids(const char* what, const std::vector<std::string>& ids) const {
    std::unordered_map<std::string, std::size_t> seen;
    for (std::size_t i = 0; i < ids.size(); ++i) {
      if (ids[i].empty()) fail(what, " ", i, " is empty");
      const auto [it, inserted] = seen.emplace(ids[i], i);
      if (!inserted) fail(what, " '", ids[i], "' appears twice (at ", it->second, " and ", i, ")");
    }
  }

  void finite(const char* what, std::size_t index, const std::string& name, double value) const {
    if (!std::isfinite(value))
      fail(what, " of ", index, " '", name, "' is ", value, ", expected a finite number");
  }

  void sha256(const char* what, const std::string& hex) const {
    if (hex.empty()) return;
    bool ok = hex.size() == 64;
    for (char c : hex) ok = ok && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
    if (!ok) fail(what, " '", hex, "' is not 64 lower-case hex digits");
  }

 private:
  const std::string& origin_;
};

void check_inputs(const Checker& c, const MinnModel& m) {
  const std::size_t n = m.input_names.size();
  if (n == 0) c.fail("the model has no inputs");
  c.ids("input name", m.input_names);
  const char* per_input = "one per input name";
  c.size("input units", m.input_units.size(), n, per_input);
  c.size("scaler min", m.scaler_min.size(), n, per_input);
  c.size("scaler range", m.scaler_range.size(), n, per_input);
  c.size("envelope min", m.envelope_min.size(), n, per_input);
  c.size("envelope max", m.envelope_max.size(), n, per_input);
  for (std::size_t i = 0; i < n; ++i) {
    const std::string& name = m.input_names[i];
    c.finite("scaler min", i, name, m.scaler_min[i]);
    c.finite("scaler range", i, name, m.scaler_range[i]);
    if (!(m.scaler_range[i] > 0.0f))
      c.fail("scaler range of input ", i, " '", name, "' is ", m.scaler_range[i],
             ", expected > 0 (1 for a constant input)");
    c.finite("envelope min", i, name, m.envelope_min[i]);
    c.finite("envelope max", i, name, m.envelope_max[i]);
    if (m.envelope_min[i] > m.envelope_max[i])
      c.fail("envelope of input ", i, " '", name, "' is [", m.envelope_min[i], ", ",
             m.envelope_max[i], "], expected min <= max");
  }
  if (!std::isfinite(m.envelope_margin) || m.envelope_margin < 0.0f)
    c.fail("envelope margin is ", m.envelope_margin, ", expected a finite number >= 0");
}

void check_layers(const Checker& c, const MinnModel& m) {
  if (m.layers.empty()) c.fail("the model has no layers");
  int expected_in = m.num_inputs();
  for (std::size_t l = 0; l < m.layers.size(); ++l) {
    const DenseLayer& layer = m.layers[l];
    const auto where = [&] { return "layer " + std::to_string(l) + " '" + layer.name + "'"; };
    // Layer 0 may read fewer than all inputs: the rest are genotype inputs (check_knockouts).
    if (l == 0 ? (layer.in <= 0 || layer.in > expected_in) : layer.in != expected_in)
      c.fail(where(), " takes ", layer.in, " inputs, expected ", l == 0 ? "1.." : "", expected_in,
             l == 0 ? " (the model's inputs, genotype inputs last)" : " (the outputs of the previous layer)");
    if (layer.out <= 0) c.fail(where(), " has ", layer.out, " outputs, expected at least 1");
    const auto weights = static_cast<std::int64_t>(layer.in) * layer.out;
    if (static_cast<std::int64_t>(layer.weights.size()) != weights)
      c.fail(where(), " has ", layer.weights.size(), " weights, expected ", weights, " (", layer.out,
             " x ", layer.in, ")");
    if (layer.bias.size() != static_cast<std::size_t>(layer.out))
      c.fail(where(), " has ", layer.bias.size(), " biases, expected ", layer.out);
    if (layer.activation != Activation::None && layer.activation != Activation::Relu)
      c.fail(where(), " has unknown activation code ", static_cast<int>(layer.activation),
             ", expected 0 (none) or 1 (relu)");
    for (std::size_t k = 0; k < layer.weights.size(); ++k)
      if (!std::isfinite(layer.weights[k]))
        c.fail(where(), " weight [", k / layer.in, "][", k % layer.in, "] is ", layer.weights[k],
               ", expected a finite number");
    for (std::size_t k = 0; k < layer.bias.size(); ++k)
      if (!std::isfinite(layer.bias[k]))
        c.fail(where(), " bias [", k, "] is ", layer.bias[k], ", expected a finite number");
    expected_in = layer.out;
  }
  if (m.layers.back().out != m.num_outputs())
    c.fail("the last layer has ", m.layers.back().out, " outputs but the model lists ",
           m.num_outputs(), " reaction ids");
}

// Uptake normalisation: V0 = max(u, 0) * (output layer + yield_offset), u = raw input
// flux_scale_input. The offset is a yield per unit of u, so it means nothing without the index.
void check_normalisation(const Checker& c, const MinnModel& m) {
  const int scale = m.flux_scale_input;
  if (scale != -1 && (scale < 0 || scale >= m.num_inputs()))
    c.fail("flux_scale_input is ", scale, ", expected -1 (no scaling) or an input index 0..",
           m.num_inputs() - 1);
  if (m.yield_offset.empty()) return;
  if (m.yield_offset.size() != m.reaction_ids.size())
    c.fail("yield_offset has ", m.yield_offset.size(), " entries, expected ", m.reaction_ids.size(),
           " (one per output reaction id) or none");
  for (std::size_t i = 0; i < m.yield_offset.size(); ++i)
    c.finite("yield_offset", i, m.reaction_ids[i], m.yield_offset[i]);
  if (scale == -1)
    c.fail("yield_offset is stored but flux_scale_input is -1, expected the index of the input "
           "the offset is a yield of (the residual form scales the outputs by that input)");
}

void check_stoichiometry(const Checker& c, const MinnModel& m) {
  const SparseRows& s = m.S;
  if (s.rows != static_cast<int>(m.metabolite_ids.size()))
    c.fail("S has ", s.rows, " rows, expected ", m.metabolite_ids.size(), " (one per metabolite id)");
  if (s.cols != m.num_outputs())
    c.fail("S has ", s.cols, " columns, expected ", m.num_outputs(), " (one per reaction id)");
  if (s.row_ptr.size() != static_cast<std::size_t>(s.rows) + 1)
    c.fail("S row_ptr has ", s.row_ptr.size(), " entries, expected ", s.rows + 1, " (rows + 1)");
  if (s.col_index.size() != s.values.size())
    c.fail("S has ", s.col_index.size(), " column indices but ", s.values.size(), " values");
  if (s.row_ptr.front() != 0) c.fail("S row_ptr[0] is ", s.row_ptr.front(), ", expected 0");
  if (static_cast<std::size_t>(s.row_ptr.back()) != s.values.size())
    c.fail("S row_ptr[", s.rows, "] is ", s.row_ptr.back(), ", expected the number of nonzeros ",
           s.values.size());
  // Monotone from 0 to nnz first, so the entry loop below never reads out of range.
  for (int r = 0; r < s.rows; ++r)
    if (s.row_ptr[r + 1] < s.row_ptr[r])
      c.fail("S row_ptr decreases at row ", r, " ('", m.metabolite_ids[r], "'): ", s.row_ptr[r],
             " then ", s.row_ptr[r + 1]);
  for (int r = 0; r < s.rows; ++r) {
    const std::int32_t begin = s.row_ptr[r], end = s.row_ptr[r + 1];
    for (std::int32_t k = begin; k < end; ++k) {
      const std::int32_t col = s.col_index[k];
      if (col < 0 || col >= s.cols)
        c.fail("S entry ", k, " (row ", r, ") has column ", col, ", expected 0..", s.cols - 1);
      if (k > begin && col <= s.col_index[k - 1])
        c.fail("S columns in row ", r, " ('", m.metabolite_ids[r], "') are not strictly increasing: ",
               s.col_index[k - 1], " then ", col);
      if (!std::isfinite(s.values[k]))
        c.fail("S value at row ", r, ", column ", col, " is ", s.values[k],
               ", expected a finite number");
    }
  }
}

void check_refinement(const Checker& c, const MinnModel& m) {
  const Refinement& r = m.refinement;
  if (r.steps < 0 || r.steps > kMaxRefinementSteps)
    c.fail("refinement steps K is ", r.steps, ", expected 0 to ", kMaxRefinementSteps);
  if (!std::isfinite(r.step_size) || r.step_size < 0.0f || (r.steps > 0 && r.step_size == 0.0f))
    c.fail("refinement step size is ", r.step_size, ", expected a finite number > 0");
  if (!std::isfinite(r.momentum) || r.momentum < 0.0f || r.momentum >= 1.0f)
    c.fail("refinement momentum is ", r.momentum, ", expected 0 <= momentum < 1");
  if (!std::isfinite(r.lambda_max) || r.lambda_max < 0.0)
    c.fail("refinement lambda_max is ", r.lambda_max, ", expected a finite number >= 0");
  const bool known = r.step_rule == "auto" || r.step_rule == "fixed";
  if (!known && !(r.steps == 0 && r.step_rule.empty()))
    c.fail("refinement step rule is '", r.step_rule, "', expected 'auto' or 'fixed'");
  // The refinement's gradient is S^T S V: with steps and no metabolite row it has nothing to refine
  // (the code generator refuses such a model; the loader says so first, naming the file).
  if (r.steps > 0 && m.S.rows == 0)
    c.fail("S has 0 rows but the refinement has ", r.steps, " steps, expected at least one metabolite row");
}

void check_bounds_and_references(const Checker& c, const MinnModel& m) {
  c.size("default Vin", m.default_vin.size(), m.pin_reactions.size(), "one per Pin row");
  for (std::size_t i = 0; i < m.pin_reactions.size(); ++i) {
    const std::int32_t reaction = m.pin_reactions[i];
    if (reaction < 0 || reaction >= m.num_outputs())
      c.fail("Pin row ", i, " selects reaction ", reaction, ", expected 0..", m.num_outputs() - 1);
    const float vin = m.default_vin[i];
    if (std::isnan(vin) || vin == -INFINITY)
      c.fail("default Vin of Pin row ", i, " ('", m.reaction_ids[reaction], "') is ", vin,
             ", expected a finite number or +inf (no bound)");
  }
  std::unordered_map<std::string, int> outputs;
  for (int i = 0; i < m.num_outputs(); ++i) outputs.emplace(m.reaction_ids[i], i);
  c.ids("Pref id", m.pref_reactions);
  for (std::size_t i = 0; i < m.pref_reactions.size(); ++i)
    if (outputs.count(m.pref_reactions[i]) == 0)
      c.fail("Pref id ", i, " '", m.pref_reactions[i], "' is not one of the output reaction ids");
}

// Knockout switches: a genotype input closes its Pin rows (bound 0) when >= 0.5. Inputs beyond
// layer 0's must be genotype inputs, or nothing would read them.
void check_knockouts(const Checker& c, const MinnModel& m) {
  std::vector<int> genotype_of(static_cast<std::size_t>(m.num_inputs()), 0);
  for (std::size_t g = 0; g < m.genotype_inputs.size(); ++g) {
    const GenotypeInput& in = m.genotype_inputs[g];
    if (in.input < 0 || in.input >= m.num_inputs())
      c.fail("genotype input ", g, " names input ", in.input, ", expected 0..", m.num_inputs() - 1);
    if (genotype_of[static_cast<std::size_t>(in.input)]++ > 0)
      c.fail("input ", in.input, " '", m.input_names[static_cast<std::size_t>(in.input)],
             "' is listed twice as a genotype input");
    if (in.genes.empty())
      c.fail("genotype input '", m.input_names[static_cast<std::size_t>(in.input)], "' lists no gene");
    for (const std::string& gene : in.genes)
      if (gene.empty()) c.fail("genotype input '", m.input_names[static_cast<std::size_t>(in.input)], "' lists an empty gene");
  }
  if (!m.pin_switch_input.empty()) {
    c.size("pin_switch_input", m.pin_switch_input.size(), m.pin_reactions.size(), "one per Pin row, or none");
    for (std::size_t k = 0; k < m.pin_switch_input.size(); ++k) {
      const std::int32_t in = m.pin_switch_input[k];
      if (in != -1 && (in < 0 || in >= m.num_inputs() || genotype_of[static_cast<std::size_t>(in)] == 0))
        c.fail("Pin row ", k, " is switched by input ", in, ", expected -1 or a genotype input");
    }
  }
  const int network_inputs = m.layers.empty() ? m.num_inputs() : m.layers.front().in;
  for (int i = network_inputs; i < m.num_inputs(); ++i)
    if (genotype_of[static_cast<std::size_t>(i)] == 0)
      c.fail("input ", i, " '", m.input_names[static_cast<std::size_t>(i)], "' is beyond layer 0's ", network_inputs,
             " inputs but is not a genotype input, so nothing reads it");
}

void check_provenance(const Checker& c, const MinnModel& m) {
  c.sha256("GEM SHA-256", m.gem_sha256);
  c.sha256("dataset SHA-256", m.provenance.dataset_sha256);
  for (const auto& [name, value] : m.provenance.hyper_parameters)
    if (name.empty()) c.fail("a hyper-parameter has an empty name");
  for (const auto& [name, value] : m.provenance.training_metrics)
    if (name.empty()) c.fail("a training metric has an empty name");
}

}  // namespace

void check_model(const MinnModel& model, const std::string& origin) {
  const Checker c(origin);
  check_inputs(c, model);
  c.ids("reaction id", model.reaction_ids);
  c.ids("metabolite id", model.metabolite_ids);
  check_layers(c, model);
  check_normalisation(c, model);
  check_stoichiometry(c, model);
  check_refinement(c, model);
  check_bounds_and_references(c, model);
  check_knockouts(c, model);
  check_provenance(c, model);
}

}  // namespace minn
