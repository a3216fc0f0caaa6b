#include "model/model_equal.hpp"

#include <cstring>
#include <type_traits>

namespace minn {
namespace {

// Records the first difference; later comparisons become no-ops.
class Compare {
 public:
  explicit Compare(std::string* difference) : difference_(difference) {}
  bool equal() const { return equal_; }

  template <typename T>
  void operator()(const char* field, const T& a, const T& b) {
    if (equal_ && !same(a, b)) {
      equal_ = false;
      if (difference_) *difference_ = field;
    }
  }

 private:
  template <typename T>
  static bool same(const T& a, const T& b) {
    if constexpr (std::is_floating_point_v<T>) {
      return std::memcmp(&a, &b, sizeof(T)) == 0;  // bit for bit: NaN == NaN, -0 != +0
    } else if constexpr (std::is_same_v<T, std::vector<float>>) {
      return a.size() == b.size() &&
             (a.empty() || std::memcmp(a.data(), b.data(), a.size() * sizeof(float)) == 0);
    } else if constexpr (std::is_same_v<T, std::vector<std::pair<std::string, double>>>) {
      if (a.size() != b.size()) return false;
      for (std::size_t i = 0; i < a.size(); ++i)
        if (a[i].first != b[i].first || !same(a[i].second, b[i].second)) return false;
      return true;
    } else {
      return a == b;
    }
  }

  std::string* difference_;
  bool equal_ = true;
};

}  // namespace

bool models_equal(const MinnModel& a, const MinnModel& b, std::string* difference) {
  Compare c(difference);
  c("input_names", a.input_names, b.input_names);
  c("input_units", a.input_units, b.input_units);
  c("scaler_min", a.scaler_min, b.scaler_min);
  c("scaler_range", a.scaler_range, b.scaler_range);
  c("envelope_min", a.envelope_min, b.envelope_min);
  c("envelope_max", a.envelope_max, b.envelope_max);
  c("envelope_margin", a.envelope_margin, b.envelope_margin);
  c("clip_inputs", a.clip_inputs, b.clip_inputs);
  c("flux_scale_input", a.flux_scale_input, b.flux_scale_input);
  c("yield_offset", a.yield_offset, b.yield_offset);
  c("layers (count)", a.layers.size(), b.layers.size());
  for (std::size_t l = 0; c.equal() && l < a.layers.size(); ++l) {
    const DenseLayer &x = a.layers[l], &y = b.layers[l];
    const std::string prefix = "layers[" + std::to_string(l) + "].";
    c((prefix + "name").c_str(), x.name, y.name);
    c((prefix + "in").c_str(), x.in, y.in);
    c((prefix + "out").c_str(), x.out, y.out);
    c((prefix + "weights").c_str(), x.weights, y.weights);
    c((prefix + "bias").c_str(), x.bias, y.bias);
    c((prefix + "activation").c_str(), x.activation, y.activation);
  }
  c("reaction_ids", a.reaction_ids, b.reaction_ids);
  c("metabolite_ids", a.metabolite_ids, b.metabolite_ids);
  c("S.rows", a.S.rows, b.S.rows);
  c("S.cols", a.S.cols, b.S.cols);
  c("S.row_ptr", a.S.row_ptr, b.S.row_ptr);
  c("S.col_index", a.S.col_index, b.S.col_index);
  c("S.values", a.S.values, b.S.values);
  c("refinement.steps", a.refinement.steps, b.refinement.steps);
  c("refinement.step_size", a.refinement.step_size, b.refinement.step_size);
  c("refinement.momentum", a.refinement.momentum, b.refinement.momentum);
  c("refinement.lambda_max", a.refinement.lambda_max, b.refinement.lambda_max);
  c("refinement.step_rule", a.refinement.step_rule, b.refinement.step_rule);
  c("pin_reactions", a.pin_reactions, b.pin_reactions);
  c("default_vin", a.default_vin, b.default_vin);
  c("pin_switch_input", a.pin_switch_input, b.pin_switch_input);
  c("genotype_inputs (count)", a.genotype_inputs.size(), b.genotype_inputs.size());
  for (std::size_t g = 0; c.equal() && g < a.genotype_inputs.size(); ++g) {
    c("genotype_inputs.input", a.genotype_inputs[g].input, b.genotype_inputs[g].input);
    c("genotype_inputs.genes", a.genotype_inputs[g].genes, b.genotype_inputs[g].genes);
  }
  c("pref_reactions", a.pref_reactions, b.pref_reactions);
  c("gem_id", a.gem_id, b.gem_id);
  c("gem_sha256", a.gem_sha256, b.gem_sha256);
  const Provenance &p = a.provenance, &q = b.provenance;
  c("provenance.minn_version", p.minn_version, q.minn_version);
  c("provenance.dataset_sha256", p.dataset_sha256, q.dataset_sha256);
  c("provenance.seed", p.seed, q.seed);
  c("provenance.variant", p.variant, q.variant);
  c("provenance.hyper_parameters", p.hyper_parameters, q.hyper_parameters);
  c("provenance.training_metrics", p.training_metrics, q.training_metrics);
  c("provenance.command", p.command, q.command);
  return c.equal();
}

}  // namespace minn
