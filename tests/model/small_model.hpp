// A small valid model built by hand: 3 inputs -> 4 hidden (ReLU) -> 5 outputs, 2 metabolites.
#pragma once
#include <cmath>

#include "model/model.hpp"

namespace minn::test {

inline MinnModel small_model() {
  MinnModel m;
  m.input_names = {"p_b0008", "t_b0114", "R_EX_glc__D_e_rev"};
  m.input_units = {"a.u.", "a.u.", "mmol/gDW/h"};
  m.scaler_min = {0.5f, 1.0f, 2.0f};
  m.scaler_range = {1.5f, 1.0f, 8.0f};
  m.envelope_min = {0.5f, 1.0f, 2.0f};
  m.envelope_max = {2.0f, 2.0f, 10.0f};
  m.envelope_margin = 0.1f;
  DenseLayer hidden{"hidden", 3, 4, {}, {}, Activation::Relu};
  for (int k = 0; k < 12; ++k) hidden.weights.push_back(0.125f * static_cast<float>(k - 6));
  hidden.bias = {0.1f, -0.2f, 0.3f, -0.0f};
  DenseLayer output{"output", 4, 5, {}, {}, Activation::None};
  for (int k = 0; k < 20; ++k) output.weights.push_back(std::ldexp(1.0f, -k) - 0.25f);
  output.bias = {1.0f, 2.0f, 3.0f, 4.0f, 5.0f};
  m.layers = {hidden, output};
  m.reaction_ids = {"R_A", "R_B_fwd", "R_C", "R_B_rev", "R_EX_glc__D_e_rev"};
  m.metabolite_ids = {"M_a_c", "M_b_c"};
  // S = [[-1 1 0 -1 1], [0 -1 1 1 0]]
  m.S.rows = 2;
  m.S.cols = 5;
  m.S.row_ptr = {0, 4, 7};
  m.S.col_index = {0, 1, 3, 4, 1, 2, 3};
  m.S.values = {-1.0f, 1.0f, -1.0f, 1.0f, -1.0f, 1.0f, 1.0f};
  m.refinement = {8, 0.0045f, 0.9f, 512.25, "auto"};
  m.pin_reactions = {1, 4};
  m.default_vin = {INFINITY, 10.5f};
  m.pref_reactions = {"R_C", "R_A"};
  m.gem_id = "tiny";
  m.gem_sha256 = std::string(64, 'a');
  m.provenance.minn_version = "0.1.0";
  m.provenance.dataset_sha256 = std::string(63, '0') + "f";
  m.provenance.seed = 18446744073709551615ull;
  m.provenance.variant = "c-balanced";
  m.provenance.hyper_parameters = {{"hidden", 4}, {"lr", 5e-4}};
  m.provenance.training_metrics = {{"r2", 0.95}, {"ne", NAN}};
  m.provenance.command = "minnc train --gem tiny.xml --data ishii -o small.minn";
  return m;
}

// The same model with uptake normalisation in residual form: outputs scaled by the raw glucose
// uptake (input 2), one yield offset per output.
inline MinnModel small_normalised_model() {
  MinnModel m = small_model();
  m.flux_scale_input = 2;
  m.yield_offset = {0.5f, -1.25f, 2.0f, 0.75f, 1.0f};
  return m;
}

// An online-style model with knockout switches: input 3 ("ko_R_B", read by the network) closes
// both halves of R_B; input 4 ("ko_R_C", not read by the network: layer 0 takes 4 inputs) closes R_C.
inline MinnModel small_knockout_model() {
  MinnModel m = small_model();
  m.input_names.insert(m.input_names.end(), {"ko_R_B", "ko_R_C"});
  m.input_units.insert(m.input_units.end(), {"0/1", "0/1"});
  for (auto* v : {&m.scaler_min, &m.envelope_min}) v->insert(v->end(), {0.0f, 0.0f});
  for (auto* v : {&m.scaler_range, &m.envelope_max}) v->insert(v->end(), {1.0f, 1.0f});
  DenseLayer& hidden = m.layers[0];
  hidden.in = 4;
  std::vector<float> weights;
  for (int r = 0; r < hidden.out; ++r) {
    for (int j = 0; j < 3; ++j) weights.push_back(hidden.weights[static_cast<std::size_t>(r * 3 + j)]);
    weights.push_back(0.5f - 0.25f * static_cast<float>(r));
  }
  hidden.weights = weights;
  m.pin_reactions = {4, 1, 3, 2};
  m.default_vin = {INFINITY, INFINITY, INFINITY, INFINITY};
  m.pin_switch_input = {-1, 3, 3, 4};
  m.genotype_inputs = {{3, {"geneB", "G_b0001"}}, {4, {"geneC", "G_b0002"}}};
  return m;
}

}  // namespace minn::test
