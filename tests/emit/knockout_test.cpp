// Knockout switches in the host reference and the generated code (lib/minn/knockout_bounds.hpp):
// a genotype input >= 0.5 must give exactly what a model with those Pin rows bounded at 0 gives,
// and a 0 exactly what a model without the bounds gives. The comparison models are built by hand
// without any switch, so the switch logic is not checked against itself.
#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "../model/small_model.hpp"
#include "common/error.hpp"
#include "emit/emitter.hpp"
#include "emit/reference_predictor.hpp"

namespace {

using minn::MinnModel;
using minn::emit::Precision;

// The knockout model with its switches replaced by fixed bounds: layer 0 reads input 4 too, with
// zero weights (a scaled 0/1 input times 0 adds +0 to every sum), and the switched rows get
// default Vin 0 when `knocked_out[k]` (per genotype input 3, 4), else +inf.
MinnModel fixed_bound_model(bool ko_b, bool ko_c) {
  MinnModel m = minn::test::small_knockout_model();
  minn::DenseLayer& hidden = m.layers[0];
  std::vector<float> weights;
  for (int r = 0; r < hidden.out; ++r) {
    for (int j = 0; j < 4; ++j) weights.push_back(hidden.weights[static_cast<std::size_t>(r * 4 + j)]);
    weights.push_back(0.0f);
  }
  hidden.in = 5;
  hidden.weights = weights;
  for (std::size_t k = 0; k < m.pin_switch_input.size(); ++k) {
    const int s = m.pin_switch_input[k];
    if ((s == 3 && ko_b) || (s == 4 && ko_c)) m.default_vin[k] = 0.0f;
  }
  m.pin_switch_input.clear();
  m.genotype_inputs.clear();
  return m;
}

std::vector<float> run(const MinnModel& m, const std::vector<float>& in, Precision p = Precision::F32) {
  minn::emit::ReferencePredictor ref(m, p);
  std::vector<float> out(static_cast<std::size_t>(m.num_outputs()), NAN);
  EXPECT_EQ(ref.infer(in.data(), out.data()), 0);
  return out;
}

TEST(KnockoutSwitches, EqualFixedBoundsForEveryGenotype) {
  const MinnModel model = minn::test::small_knockout_model();
  for (const bool ko_b : {false, true})
    for (const bool ko_c : {false, true}) {
      const std::vector<float> in = {1.25f, 1.5f, 6.0f, ko_b ? 1.0f : 0.0f, ko_c ? 1.0f : 0.0f};
      for (const Precision p : {Precision::F32, Precision::Int8W}) {
        const std::vector<float> got = run(model, in, p);
        EXPECT_EQ(got, run(fixed_bound_model(ko_b, ko_c), in, p)) << ko_b << ko_c;
        // R_B_fwd (1), R_B_rev (3) and R_C (2) carry no flux when their gene is knocked out.
        if (ko_b) {
          EXPECT_EQ(got[1], 0.0f);
          EXPECT_EQ(got[3], 0.0f);
        }
        if (ko_c) {
          EXPECT_EQ(got[2], 0.0f);
        }
      }
    }
  // Without knockouts the switched rows' fluxes are the refinement's, not forced to 0.
  const std::vector<float> wild = run(model, {1.25f, 1.5f, 6.0f, 0.0f, 0.0f});
  EXPECT_NE(wild[2], 0.0f);
}

std::string generated_source(const MinnModel& m, const std::string& name) {
  for (const minn::emit::GeneratedFile& f : minn::emit::generate(m, minn::emit::EmitOptions{name, Precision::F32, ""}))
    if (f.filename == name + ".cpp") return f.content;
  ADD_FAILURE() << "no " << name << ".cpp generated";
  return "";
}

TEST(KnockoutSwitches, GeneratedCodeComputesTheBoundsAndClipsAfterTheRefinement) {
  const std::string source = generated_source(minn::test::small_knockout_model(), "ko");
  EXPECT_NE(source.find("minn::knockout_bounds(in, kPinSwitch, kVin, 4, "), std::string::npos);
  EXPECT_NE(source.find("minn::zero_closed_rows(kPinReaction, "), std::string::npos);
  EXPECT_NE(source.find("-1 for none (ko_R_B, ko_R_C)"), std::string::npos);
  // A model without switches and without a closed row (here Vin +inf and 10.5) keeps its code.
  const std::string plain = generated_source(minn::test::small_model(), "plain");
  EXPECT_EQ(plain.find("knockout_bounds"), std::string::npos);
  EXPECT_EQ(plain.find("zero_closed_rows"), std::string::npos);
}

TEST(KnockoutSwitches, AnUnreadInputIsRejectedByTheLowering) {
  MinnModel m = minn::test::small_knockout_model();
  m.pin_switch_input[3] = -1;  // input 4 is beyond layer 0 and now switches nothing
  try {
    minn::emit::ReferencePredictor ref(m, Precision::F32);
    FAIL() << "lowered a model with an unread input";
  } catch (const minn::Error& e) {
    EXPECT_NE(std::string(e.what()).find("input 4 'ko_R_C' is not read by layer 0 and switches no Pin row"),
              std::string::npos)
        << e.what();
  }
}

}  // namespace
