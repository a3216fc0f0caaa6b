// Round trip of models with the shapes of real split GEMs (S taken from the SBML files), to catch
// size limits of the verifier and of the writer that the small hand-made model cannot reach.
#include <gtest/gtest.h>

#include <random>

#include "model/model_equal.hpp"
#include "model/model_file.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn {
namespace {

MinnModel model_for(const std::string& gem_file) {
  const Gem gem = split_reversible(read_sbml(std::string(MINN_MODELS_DIR) + "/gems/" + gem_file));
  const CsrMatrix s = gem.stoichiometry();
  MinnModel m;
  std::mt19937 rng(12345);
  std::uniform_real_distribution<float> uniform(-1.0f, 1.0f);
  const int inputs = 141, hidden = 250, outputs = static_cast<int>(gem.reactions.size());
  for (int i = 0; i < inputs; ++i) {
    m.input_names.push_back("x" + std::to_string(i));
    m.input_units.push_back("a.u.");
    m.scaler_min.push_back(uniform(rng));
    m.scaler_range.push_back(1.0f + uniform(rng) * 0.5f);
    m.envelope_min.push_back(m.scaler_min.back());
    m.envelope_max.push_back(m.scaler_min.back() + m.scaler_range.back());
  }
  for (const auto& [in, out, act] : {std::tuple{inputs, hidden, Activation::Relu},
                                     std::tuple{hidden, outputs, Activation::None}}) {
    DenseLayer layer{act == Activation::Relu ? "hidden" : "output", in, out, {}, {}, act};
    for (int k = 0; k < in * out; ++k) layer.weights.push_back(uniform(rng));
    for (int k = 0; k < out; ++k) layer.bias.push_back(uniform(rng));
    m.layers.push_back(std::move(layer));
  }
  for (const Reaction& r : gem.reactions) m.reaction_ids.push_back(r.id);
  for (const Metabolite& x : gem.metabolites) m.metabolite_ids.push_back(x.id);
  m.S.rows = s.rows;
  m.S.cols = s.cols;
  m.S.row_ptr.assign(s.row_ptr.begin(), s.row_ptr.end());
  m.S.col_index.assign(s.col_index.begin(), s.col_index.end());
  for (double v : s.values) m.S.values.push_back(static_cast<float>(v));
  m.refinement = {8, 0.001f, 0.9f, 510.0, "auto"};
  for (int i = 0; i < outputs; ++i) {
    m.pin_reactions.push_back(i);
    m.default_vin.push_back(static_cast<float>(gem.reactions[i].upper_bound));
  }
  m.gem_id = gem.id;
  m.gem_sha256 = gem.source_sha256;
  return m;
}

void expect_round_trip(const MinnModel& m) {
  const std::vector<std::uint8_t> bytes = serialize_model(m);
  const MinnModel back = parse_model(bytes.data(), bytes.size(), "gem-sized");
  std::string difference;
  EXPECT_TRUE(models_equal(m, back, &difference)) << difference;
  EXPECT_EQ(serialize_model(back), bytes);
}

TEST(ModelFileGemSized, EColiCore) { expect_round_trip(model_for("e_coli_core.xml.gz")); }

TEST(ModelFileGemSized, FullSplitIAF1260) {
  const MinnModel m = model_for("iAF1260.xml.gz");
  ASSERT_GT(m.num_outputs(), 2900);  // 2957 reactions after splitting: ~0.75 M output weights
  expect_round_trip(m);
}

}  // namespace
}  // namespace minn
