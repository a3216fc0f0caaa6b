#include "synthetic_model.hpp"

#include <cmath>
#include <limits>
#include <random>
#include <string>

namespace minn::test {
namespace {

// Uniform in [lo, hi) from the raw engine output: the same numbers with every standard library.
struct Uniform {
  std::mt19937 engine;
  float operator()(float lo, float hi) {
    return static_cast<float>(lo + (hi - lo) * (static_cast<double>(engine()) / 4294967296.0));
  }
  std::uint32_t below(std::uint32_t n) { return engine() % n; }
};

DenseLayer layer(Uniform& rnd, const char* name, int in, int out, Activation act) {
  DenseLayer l;
  l.name = name;
  l.in = in;
  l.out = out;
  l.activation = act;
  const float bound = 1.0f / std::sqrt(static_cast<float>(in));
  for (int i = 0; i < in * out; ++i) l.weights.push_back(rnd(-bound, bound));
  for (int i = 0; i < out; ++i) l.bias.push_back(rnd(-bound, bound));
  return l;
}

}  // namespace

MinnModel make_synthetic_model(const SyntheticModelSpec& spec) {
  Uniform rnd{std::mt19937(spec.seed)};
  MinnModel m;
  for (int i = 0; i < spec.inputs; ++i) {
    m.input_names.push_back("x" + std::to_string(i));
    m.input_units.push_back("a.u.");
    const float lo = rnd(-3.0f, 3.0f);
    const float hi = lo + rnd(0.5f, 10.0f);
    m.envelope_min.push_back(lo);
    m.envelope_max.push_back(hi);
    m.scaler_min.push_back(lo);
    m.scaler_range.push_back(hi - lo);
  }
  m.layers.push_back(layer(rnd, "hidden", spec.inputs, spec.hidden, Activation::Relu));
  m.layers.push_back(layer(rnd, "output", spec.hidden, spec.reactions, Activation::None));
  for (int r = 0; r < spec.reactions; ++r) m.reaction_ids.push_back("R_r" + std::to_string(r));
  m.S.rows = spec.metabolites;
  m.S.cols = spec.reactions;
  m.S.row_ptr.push_back(0);
  static const float kCoefficients[] = {-2.0f, -1.0f, -1.0f, 1.0f, 1.0f, 0.5f};
  for (int row = 0; row < spec.metabolites; ++row) {
    m.metabolite_ids.push_back("M_m" + std::to_string(row));
    for (int c = 0; c < spec.reactions; ++c) {
      if (rnd.below(3) == 0) {
        m.S.col_index.push_back(c);
        m.S.values.push_back(kCoefficients[rnd.below(6)]);
      }
    }
    m.S.row_ptr.push_back(static_cast<std::int32_t>(m.S.col_index.size()));
  }
  m.refinement.steps = spec.steps;
  m.refinement.step_size = 0.05f;
  m.refinement.momentum = 0.9f;
  m.refinement.step_rule = "fixed";
  for (int k = 0; k < spec.pin_rows; ++k) {
    m.pin_reactions.push_back(static_cast<std::int32_t>(rnd.below(static_cast<std::uint32_t>(spec.reactions))));
    m.default_vin.push_back(k % 3 == 2 ? std::numeric_limits<float>::infinity() : rnd(0.0f, 0.5f));
  }
  m.gem_id = "synthetic";
  m.gem_sha256 = std::string(64, '0');
  m.provenance.minn_version = "test";
  m.provenance.seed = spec.seed;
  m.provenance.variant = "synthetic";
  return m;
}

}  // namespace minn::test
