// Semantic checks on models in memory (the same checks run before saving and after loading).
#include <gtest/gtest.h>

#include <cmath>
#include <functional>

#include "common/error.hpp"
#include "model/model_check.hpp"
#include "small_model.hpp"

namespace minn {
namespace {

// Applies `damage` to a valid model and returns the check's message ("" when it passes).
std::string check_after(const std::function<void(MinnModel&)>& damage) {
  MinnModel m = test::small_model();
  damage(m);
  try {
    check_model(m, "m.minn");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

#define EXPECT_CHECK_FAILS(damage, text)                                        \
  do {                                                                         \
    const std::string message = check_after(damage);                           \
    EXPECT_NE(message.find("m.minn: invalid model: " text), std::string::npos) \
        << "message: " << message;                                             \
  } while (0)

TEST(ModelCheck, TheSmallModelIsValid) { EXPECT_EQ(check_after([](MinnModel&) {}), ""); }

TEST(ModelCheck, InputListsMustAgree) {
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.input_units.pop_back(); },
                     "input units has 2 entries, expected 3");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.scaler_range.push_back(1); },
                     "scaler range has 4 entries, expected 3");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.envelope_max.clear(); },
                     "envelope max has 0 entries, expected 3");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.input_names[2] = m.input_names[0]; },
                     "input name 'p_b0008' appears twice (at 0 and 2)");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.input_names.clear(); }, "the model has no inputs");
}

TEST(ModelCheck, ScalerAndEnvelopeValues) {
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.scaler_range[1] = 0; },
                     "scaler range of input 1 't_b0114' is 0, expected > 0");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.scaler_min[0] = NAN; },
                     "scaler min of 0 'p_b0008' is nan");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.envelope_min[2] = 11; },
                     "envelope of input 2 'R_EX_glc__D_e_rev' is [11, 10], expected min <= max");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.envelope_margin = -0.5f; },
                     "envelope margin is -0.5");
}

TEST(ModelCheck, LayerShapes) {
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.layers[0].weights.pop_back(); },
                     "layer 0 'hidden' has 11 weights, expected 12 (4 x 3)");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.layers[1].bias.push_back(0); },
                     "layer 1 'output' has 6 biases, expected 5");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.reaction_ids.push_back("R_D"); },
                     "the last layer has 5 outputs but the model lists 6 reaction ids");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.layers[0].activation = static_cast<Activation>(7); },
                     "layer 0 'hidden' has unknown activation code 7");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.layers.clear(); }, "the model has no layers");
}

TEST(ModelCheck, OutputsMustMatchTheLastLayer) {
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m.layers[1].out = 4;
        m.layers[1].weights.resize(16);
        m.layers[1].bias.resize(4);
      },
      "the last layer has 4 outputs but the model lists 5 reaction ids");
}

TEST(ModelCheck, StoichiometryShape) {
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.metabolite_ids.push_back("M_c_c"); },
                     "S has 2 rows, expected 3 (one per metabolite id)");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.S.values.pop_back(); },
                     "S has 7 column indices but 6 values");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.S.row_ptr.back() = 6; },
                     "S row_ptr[2] is 6, expected the number of nonzeros 7");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.S.values[3] = INFINITY; },
                     "S value at row 0, column 4 is inf");
}

TEST(ModelCheck, RefinementSettings) {
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.refinement.steps = -1; }, "refinement steps K is -1");
  // Found by fuzz_minn_fields: a count of 2^31 - 1 passed and stalled infer() for hours.
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.refinement.steps = 2147483647; },
                     "refinement steps K is 2147483647, expected 0 to 10000");
  EXPECT_EQ(check_after([](MinnModel& m) { m.refinement.steps = minn::kMaxRefinementSteps; }), "");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.refinement.momentum = 1.0f; },
                     "refinement momentum is 1, expected 0 <= momentum < 1");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.refinement.step_size = 0; },
                     "refinement step size is 0");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.refinement.step_rule = "magic"; },
                     "refinement step rule is 'magic', expected 'auto' or 'fixed'");
  // Found by fuzz_minn_fields: steps with an empty S loaded, then the code generator refused it
  // with a message that did not name the file.
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m.S.rows = 0;
        m.metabolite_ids.clear();
        m.S.row_ptr = {0};
        m.S.col_index.clear();
        m.S.values.clear();
      },
      "S has 0 rows but the refinement has 8 steps, expected at least one metabolite row");
  // A pure network (K = 0) needs no rule.
  EXPECT_EQ(check_after([](MinnModel& m) {
              m.refinement.steps = 0;
              m.refinement.step_rule.clear();
            }),
            "");
}

TEST(ModelCheck, PinPrefAndHashes) {
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.default_vin.pop_back(); },
                     "default Vin has 1 entries, expected 2 (one per Pin row)");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.pin_reactions[0] = -1; },
                     "Pin row 0 selects reaction -1, expected 0..4");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.default_vin[1] = NAN; },
                     "default Vin of Pin row 1 ('R_EX_glc__D_e_rev') is nan");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.default_vin[1] = -INFINITY; },
                     "default Vin of Pin row 1 ('R_EX_glc__D_e_rev') is -inf");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.pref_reactions.push_back("R_Z"); },
                     "Pref id 2 'R_Z' is not one of the output reaction ids");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.gem_sha256 = "abc"; },
                     "GEM SHA-256 'abc' is not 64 lower-case hex digits");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.reaction_ids[3] = "R_A"; },
                     "reaction id 'R_A' appears twice (at 0 and 3)");
}

TEST(ModelCheck, KnockoutSwitches) {
  EXPECT_EQ(check_after([](MinnModel& m) { m = test::small_knockout_model(); }), "");
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m = test::small_knockout_model();
        m.pin_switch_input[1] = 2;  // the glucose uptake is no genotype input
      },
      "Pin row 1 is switched by input 2, expected -1 or a genotype input");
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m = test::small_knockout_model();
        m.pin_switch_input.pop_back();
      },
      "pin_switch_input has 3 entries, expected 4 (one per Pin row, or none)");
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m = test::small_knockout_model();
        m.genotype_inputs.pop_back();  // input 4 is beyond layer 0 and no longer a genotype input
        m.pin_switch_input[3] = -1;
      },
      "input 4 'ko_R_C' is beyond layer 0's 4 inputs but is not a genotype input, so nothing reads it");
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m = test::small_knockout_model();
        m.genotype_inputs[1].input = 3;
      },
      "input 3 'ko_R_B' is listed twice as a genotype input");
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m = test::small_knockout_model();
        m.genotype_inputs[0].genes.clear();
      },
      "genotype input 'ko_R_B' lists no gene");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.layers[0].in = 4; },
                     "layer 0 'hidden' takes 4 inputs, expected 1..3");
}

TEST(ModelCheck, UptakeNormalisation) {
  EXPECT_EQ(check_after([](MinnModel& m) { m = test::small_normalised_model(); }), "");
  EXPECT_EQ(check_after([](MinnModel& m) { m.flux_scale_input = 0; }), "");  // no offset: fine
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.flux_scale_input = 3; },
                     "flux_scale_input is 3, expected -1 (no scaling) or an input index 0..2");
  EXPECT_CHECK_FAILS([](MinnModel& m) { m.flux_scale_input = -2; },
                     "flux_scale_input is -2, expected -1 (no scaling) or an input index 0..2");
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m = test::small_normalised_model();
        m.yield_offset.pop_back();
      },
      "yield_offset has 4 entries, expected 5 (one per output reaction id) or none");
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m = test::small_normalised_model();
        m.yield_offset[1] = NAN;
      },
      "yield_offset of 1 'R_B_fwd' is nan, expected a finite number");
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m = test::small_normalised_model();
        m.yield_offset[4] = -INFINITY;
      },
      "yield_offset of 4 'R_EX_glc__D_e_rev' is -inf");
  EXPECT_CHECK_FAILS(
      [](MinnModel& m) {
        m = test::small_normalised_model();
        m.flux_scale_input = -1;
      },
      "yield_offset is stored but flux_scale_input is -1, expected the index of the input");
}

}  // namespace
}  // namespace minn
