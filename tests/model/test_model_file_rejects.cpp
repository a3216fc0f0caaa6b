// Bad .minn bytes, built in the test from a valid file, are rejected each with its own message.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>

#include "common/error.hpp"
#include "model/minn_generated.h"
#include "model/model_file.hpp"
#include "small_model.hpp"

namespace minn {
namespace {

using Bytes = std::vector<std::uint8_t>;

Bytes good_bytes() { return serialize_model(test::small_model()); }

fb::Model* mutable_root(Bytes& bytes) { return fb::GetMutableSizePrefixedModel(bytes.data()); }

// The message of the minn::Error that parsing throws ("" when it does not throw).
std::string rejection(const Bytes& bytes) {
  try {
    parse_model(bytes.data(), bytes.size(), "bad.minn");
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

#define EXPECT_REJECTED_WITH(bytes, text)                                            \
  do {                                                                              \
    const std::string message = rejection(bytes);                                   \
    EXPECT_NE(message.find("bad.minn: "), std::string::npos) << message;            \
    EXPECT_NE(message.find(text), std::string::npos) << "message: " << message;     \
  } while (0)

TEST(ModelFileRejects, EveryTruncation) {
  const Bytes good = good_bytes();
  for (std::size_t length : {std::size_t{0}, std::size_t{3}, std::size_t{11}, std::size_t{12},
                             good.size() / 2, good.size() - 1}) {
    const Bytes cut(good.begin(), good.begin() + static_cast<std::ptrdiff_t>(length));
    EXPECT_REJECTED_WITH(cut, "truncated .minn file");
  }
}

TEST(ModelFileRejects, FlippedRootOffsetByte) {
  for (std::size_t at : {4u, 5u, 6u, 7u}) {
    Bytes bytes = good_bytes();
    bytes[at] ^= 0xff;
    EXPECT_REJECTED_WITH(bytes, "corrupt .minn header: root table offset");
  }
}

TEST(ModelFileRejects, FlippedSizeByte) {
  Bytes bytes = good_bytes();
  bytes[1] ^= 0x10;
  EXPECT_REJECTED_WITH(bytes, "the header declares");
}

TEST(ModelFileRejects, WrongIdentifier) {
  Bytes bytes = good_bytes();
  std::memcpy(bytes.data() + 8, "MINX", 4);
  EXPECT_REJECTED_WITH(bytes, "not a .minn model file: file identifier is \"MINX\"");
}

TEST(ModelFileRejects, NotAModelAtAll) {
  const std::string xml = "<?xml version=\"1.0\"?><sbml/>";
  EXPECT_REJECTED_WITH(Bytes(xml.begin(), xml.end()), "not a .minn model file");
}

TEST(ModelFileRejects, UnknownSchemaVersion) {
  for (const std::uint32_t version : {0u, kModelSchemaVersion + 1}) {
    Bytes bytes = good_bytes();
    ASSERT_TRUE(mutable_root(bytes)->mutate_schema_version(version));
    EXPECT_REJECTED_WITH(bytes, "unknown .minn schema version " + std::to_string(version) +
                                    ", this minnc reads versions 1 to 4");
  }
}

// A version-1 reader would ignore the clip, so a clipping model must never claim version 1.
TEST(ModelFileRejects, ClipInputsUnderTheOriginalSchemaVersion) {
  MinnModel clipped = test::small_model();
  clipped.clip_inputs = true;
  Bytes bytes = serialize_model(clipped);
  ASSERT_TRUE(mutable_root(bytes)->mutate_schema_version(kModelSchemaVersionOriginal));
  EXPECT_REJECTED_WITH(bytes, "clip_inputs is set but the schema version is 1");
}

// An older reader would ignore the normalisation and predict yields as fluxes: a model that sets
// either field must never claim a version below 3.
TEST(ModelFileRejects, UptakeNormalisationUnderAnOlderSchemaVersion) {
  MinnModel index_only = test::small_model();
  index_only.flux_scale_input = 1;
  for (const MinnModel& m : {test::small_normalised_model(), index_only}) {
    for (const std::uint32_t version : {1u, 2u}) {
      Bytes bytes = serialize_model(m);
      ASSERT_TRUE(mutable_root(bytes)->mutate_schema_version(version));
      EXPECT_REJECTED_WITH(bytes, "flux_scale_input or yield_offset is set but the schema version is " +
                                      std::to_string(version) +
                                      " (uptake normalisation needs version 3)");
    }
  }
}

// A version-3 reader would ignore the switches and bound no knocked-out reaction.
TEST(ModelFileRejects, KnockoutSwitchesUnderAnOlderSchemaVersion) {
  for (const std::uint32_t version : {1u, 2u, 3u}) {
    Bytes bytes = serialize_model(test::small_knockout_model());
    ASSERT_TRUE(mutable_root(bytes)->mutate_schema_version(version));
    EXPECT_REJECTED_WITH(bytes, "pin_switch_input or genotype_inputs is set but the schema version is " +
                                    std::to_string(version) + " (knockout switches need version 4)");
  }
}

TEST(ModelFileRejects, UptakeNormalisationIndexOutOfRange) {
  Bytes bytes = serialize_model(test::small_normalised_model());
  ASSERT_TRUE(mutable_root(bytes)->mutate_flux_scale_input(3));
  EXPECT_REJECTED_WITH(bytes,
                       "flux_scale_input is 3, expected -1 (no scaling) or an input index 0..2");
  ASSERT_TRUE(mutable_root(bytes)->mutate_flux_scale_input(-1));  // the offset left without it
  EXPECT_REJECTED_WITH(bytes, "yield_offset is stored but flux_scale_input is -1");
}

TEST(ModelFileRejects, NonFiniteYieldOffset) {
  Bytes bytes = serialize_model(test::small_normalised_model());
  mutable_root(bytes)->mutable_yield_offset()->Mutate(2, std::numeric_limits<float>::quiet_NaN());
  EXPECT_REJECTED_WITH(bytes, "yield_offset of 2 'R_C' is nan, expected a finite number");
}

TEST(ModelFileRejects, VectorLengthPointingOutsideTheFile) {
  Bytes bytes = good_bytes();
  // The u32 length in front of the first layer's weights.
  const auto* weights = mutable_root(bytes)->mutable_layers()->GetMutableObject(0)->weights();
  const std::size_t length_at = static_cast<std::size_t>(weights->Data() - bytes.data()) - 4;
  const std::uint32_t huge = 0x00ffffff;
  std::memcpy(bytes.data() + length_at, &huge, 4);
  EXPECT_REJECTED_WITH(bytes, "FlatBuffers verifier rejected");
}

TEST(ModelFileRejects, MismatchedLayerDimensions) {
  Bytes bytes = good_bytes();
  ASSERT_TRUE(mutable_root(bytes)->mutable_layers()->GetMutableObject(1)->mutate_inputs(3));
  EXPECT_REJECTED_WITH(bytes, "layer 1 'output' takes 3 inputs, expected 4");
}

TEST(ModelFileRejects, MismatchedStoichiometryRows) {
  Bytes bytes = good_bytes();
  ASSERT_TRUE(mutable_root(bytes)->mutable_stoichiometry()->mutate_rows(3));
  EXPECT_REJECTED_WITH(bytes, "S has 3 rows, expected 2 (one per metabolite id)");
}

TEST(ModelFileRejects, NanWeight) {
  Bytes bytes = good_bytes();
  auto* weights = mutable_root(bytes)->mutable_layers()->GetMutableObject(0)->mutable_weights();
  weights->Mutate(7, std::numeric_limits<float>::quiet_NaN());  // row 7 / 3 = 2, column 1
  EXPECT_REJECTED_WITH(bytes, "layer 0 'hidden' weight [2][1] is nan, expected a finite number");
}

TEST(ModelFileRejects, InfiniteBias) {
  Bytes bytes = good_bytes();
  mutable_root(bytes)->mutable_layers()->GetMutableObject(1)->mutable_bias()->Mutate(
      2, std::numeric_limits<float>::infinity());
  EXPECT_REJECTED_WITH(bytes, "layer 1 'output' bias [2] is inf");
}

TEST(ModelFileRejects, CsrColumnsNotIncreasing) {
  Bytes bytes = good_bytes();
  // Row 0 holds columns 0 1 3 4; make it 0 3 3 4.
  mutable_root(bytes)->mutable_stoichiometry()->mutable_col_index()->Mutate(1, 3);
  EXPECT_REJECTED_WITH(bytes, "S columns in row 0 ('M_a_c') are not strictly increasing: 3 then 3");
}

TEST(ModelFileRejects, CsrColumnOutOfRange) {
  Bytes bytes = good_bytes();
  mutable_root(bytes)->mutable_stoichiometry()->mutable_col_index()->Mutate(6, 5);
  EXPECT_REJECTED_WITH(bytes, "S entry 6 (row 1) has column 5, expected 0..4");
}

TEST(ModelFileRejects, CsrRowPointerDecreasing) {
  Bytes bytes = good_bytes();
  mutable_root(bytes)->mutable_stoichiometry()->mutable_row_ptr()->Mutate(1, 8);
  EXPECT_REJECTED_WITH(bytes, "S row_ptr decreases at row 1 ('M_b_c'): 8 then 7");
}

TEST(ModelFileRejects, CsrRowPointerNotStartingAtZero) {
  Bytes bytes = good_bytes();
  mutable_root(bytes)->mutable_stoichiometry()->mutable_row_ptr()->Mutate(0, 1);
  EXPECT_REJECTED_WITH(bytes, "S row_ptr[0] is 1, expected 0");
}

TEST(ModelFileRejects, PinIndexOutOfRange) {
  Bytes bytes = good_bytes();
  mutable_root(bytes)->mutable_pin_reactions()->Mutate(1, 5);
  EXPECT_REJECTED_WITH(bytes, "Pin row 1 selects reaction 5, expected 0..4");
}

TEST(ModelFileRejects, FlippedByteInsideAWeightCaughtByChecksum) {
  Bytes bytes = good_bytes();
  auto* weights = mutable_root(bytes)->mutable_layers()->GetMutableObject(1)->mutable_weights();
  weights->Mutate(0, weights->Get(0) * 2.0f);  // still finite: only the checksum can tell
  EXPECT_REJECTED_WITH(bytes, "CRC-32 mismatch");
}

}  // namespace
}  // namespace minn
