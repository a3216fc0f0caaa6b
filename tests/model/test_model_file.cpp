// Round trip, determinism and hashing of .minn files.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <iterator>

#include "common/error.hpp"
#include "model/minn_generated.h"
#include "model/model_equal.hpp"
#include "model/model_file.hpp"
#include "small_model.hpp"

namespace minn {
namespace {

std::string temp_path(const std::string& name) {
  return ::testing::TempDir() + "minn_model_" + name;
}

TEST(ModelFile, SaveLoadRoundTripIsExact) {
  const MinnModel original = test::small_model();
  const std::string path = temp_path("round_trip.minn");
  save_model(original, path);
  const MinnModel loaded = load_model(path);
  std::string difference;
  EXPECT_TRUE(models_equal(original, loaded, &difference)) << "first difference: " << difference;
  // Values the bitwise comparison must have carried: +inf bound, -0 bias, NaN metric, max seed.
  EXPECT_TRUE(std::isinf(loaded.default_vin[0]) && loaded.default_vin[0] > 0);
  EXPECT_TRUE(std::signbit(loaded.layers[0].bias[3]));
  EXPECT_TRUE(std::isnan(loaded.provenance.training_metrics[1].second));
  EXPECT_EQ(loaded.provenance.seed, 18446744073709551615ull);
  std::remove(path.c_str());
}

TEST(ModelFile, SerializationIsDeterministic) {
  const std::vector<std::uint8_t> first = serialize_model(test::small_model());
  const std::vector<std::uint8_t> second = serialize_model(test::small_model());
  EXPECT_EQ(first, second);
  // Loading and writing again gives the same bytes.
  const MinnModel reloaded = parse_model(first.data(), first.size(), "memory");
  EXPECT_EQ(serialize_model(reloaded), first);
}

TEST(ModelFile, SavedFileHoldsExactlyTheSerializedBytes) {
  const std::string path = temp_path("bytes.minn");
  save_model(test::small_model(), path);
  std::ifstream in(path, std::ios::binary);
  const std::vector<std::uint8_t> on_disk((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
  EXPECT_EQ(on_disk, serialize_model(test::small_model()));
  EXPECT_EQ(model_sha256(path), model_sha256(on_disk));
  std::remove(path.c_str());
}

TEST(ModelFile, FileStartsWithSizePrefixAndIdentifier) {
  const std::vector<std::uint8_t> bytes = serialize_model(test::small_model());
  ASSERT_GT(bytes.size(), 12u);
  const std::uint32_t declared = bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24;
  EXPECT_EQ(declared + 4u, bytes.size());
  EXPECT_EQ(std::string(bytes.begin() + 8, bytes.begin() + 12), "MINN");
}

TEST(ModelFile, Sha256MatchesTheFips180Vector) {
  // FIPS 180-2 appendix B.1: SHA-256("abc").
  EXPECT_EQ(model_sha256(std::vector<std::uint8_t>{'a', 'b', 'c'}),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(ModelFile, LoadingAMissingFileNamesIt) {
  try {
    load_model("/nonexistent/dir/model.minn");
    FAIL() << "expected minn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/model.minn"), std::string::npos);
  }
}

// clip_inputs: appended to the schema after files had shipped; written only when true.
TEST(ModelFile, ClipInputsRoundTripsWithAndWithoutTheFlag) {
  for (const bool clip : {false, true}) {
    MinnModel original = test::small_model();
    original.clip_inputs = clip;
    const std::vector<std::uint8_t> bytes = serialize_model(original);
    const MinnModel loaded = parse_model(bytes.data(), bytes.size(), "memory");
    EXPECT_EQ(loaded.clip_inputs, clip);
    std::string difference;
    EXPECT_TRUE(models_equal(original, loaded, &difference)) << "first difference: " << difference;
    EXPECT_EQ(serialize_model(loaded), bytes);
  }
  MinnModel clipped = test::small_model();
  clipped.clip_inputs = true;
  std::string difference;
  EXPECT_FALSE(models_equal(test::small_model(), clipped, &difference));
  EXPECT_EQ(difference, "clip_inputs");
}

TEST(ModelFile, WithoutClipInputsTheBytesAreThoseOfFilesWrittenBeforeTheField) {
  const std::vector<std::uint8_t> bytes = serialize_model(test::small_model());
  // SHA-256 and size of this model as written by minnc before clip_inputs existed (17a697b).
  EXPECT_EQ(model_sha256(bytes), "255c73fa0ff0890b0234b812545d96dfcbd4556c1eb7a6eeb9eef163c012ae7a");
  EXPECT_EQ(bytes.size(), 1400u);
  // The field is absent from the table (an old file), and an absent field reads as false.
  EXPECT_FALSE(flatbuffers::GetSizePrefixedRoot<flatbuffers::Table>(bytes.data())->CheckField(
      fb::Model::VT_CLIP_INPUTS));
  EXPECT_FALSE(parse_model(bytes.data(), bytes.size(), "old file").clip_inputs);
  MinnModel clipped = test::small_model();
  clipped.clip_inputs = true;
  const std::vector<std::uint8_t> with_flag = serialize_model(clipped);
  EXPECT_TRUE(flatbuffers::GetSizePrefixedRoot<flatbuffers::Table>(with_flag.data())->CheckField(
      fb::Model::VT_CLIP_INPUTS));
  // Old files say version 1; a clipping model says 2, which a version-1 minnc refuses to read.
  EXPECT_EQ(fb::GetSizePrefixedModel(bytes.data())->schema_version(), 1u);
  EXPECT_EQ(fb::GetSizePrefixedModel(with_flag.data())->schema_version(), 2u);
}

// Uptake normalisation: appended after clip_inputs; each field written only when set.
TEST(ModelFile, UptakeNormalisationRoundTrips) {
  MinnModel index_only = test::small_model();
  index_only.flux_scale_input = 0;
  for (const MinnModel& original : {test::small_normalised_model(), index_only}) {
    const std::vector<std::uint8_t> bytes = serialize_model(original);
    const MinnModel loaded = parse_model(bytes.data(), bytes.size(), "memory");
    EXPECT_EQ(loaded.flux_scale_input, original.flux_scale_input);
    EXPECT_EQ(loaded.yield_offset, original.yield_offset);
    std::string difference;
    EXPECT_TRUE(models_equal(original, loaded, &difference)) << "first difference: " << difference;
    EXPECT_EQ(serialize_model(loaded), bytes);
    // Version 3 whatever else the model holds, also when it clips (2 < 3).
    EXPECT_EQ(fb::GetSizePrefixedModel(bytes.data())->schema_version(), 3u);
    MinnModel clipped = original;
    clipped.clip_inputs = true;
    const std::vector<std::uint8_t> both = serialize_model(clipped);
    EXPECT_EQ(fb::GetSizePrefixedModel(both.data())->schema_version(), 3u);
  }
  std::string difference;
  EXPECT_FALSE(models_equal(index_only, test::small_model(), &difference));
  EXPECT_EQ(difference, "flux_scale_input");
  MinnModel other_offset = test::small_normalised_model();
  other_offset.yield_offset[3] = -0.0f;  // bit for bit: -0 is not +0.75
  EXPECT_FALSE(models_equal(test::small_normalised_model(), other_offset, &difference));
  EXPECT_EQ(difference, "yield_offset");
}

TEST(ModelFile, KnockoutSwitchesRoundTripAsVersion4) {
  const MinnModel original = test::small_knockout_model();
  const std::vector<std::uint8_t> bytes = serialize_model(original);
  EXPECT_EQ(fb::GetSizePrefixedModel(bytes.data())->schema_version(), 4u);
  const MinnModel loaded = parse_model(bytes.data(), bytes.size(), "memory");
  EXPECT_EQ(loaded.pin_switch_input, (std::vector<std::int32_t>{-1, 3, 3, 4}));
  ASSERT_EQ(loaded.genotype_inputs.size(), 2u);
  EXPECT_EQ(loaded.genotype_inputs[1].input, 4);
  EXPECT_EQ(loaded.genotype_inputs[1].genes, (std::vector<std::string>{"geneC", "G_b0002"}));
  std::string difference;
  EXPECT_TRUE(models_equal(original, loaded, &difference)) << "first difference: " << difference;
  EXPECT_EQ(serialize_model(loaded), bytes);
  MinnModel other = original;
  other.genotype_inputs[0].genes.pop_back();
  EXPECT_FALSE(models_equal(original, other, &difference));
  EXPECT_EQ(difference, "genotype_inputs.genes");
  // Without switches neither field is written (older files keep their bytes).
  const std::vector<std::uint8_t> plain = serialize_model(test::small_model());
  const auto* table = flatbuffers::GetSizePrefixedRoot<flatbuffers::Table>(plain.data());
  EXPECT_FALSE(table->CheckField(fb::Model::VT_PIN_SWITCH_INPUT));
  EXPECT_FALSE(table->CheckField(fb::Model::VT_GENOTYPE_INPUTS));
}

TEST(ModelFile, WithoutNormalisationNeitherFieldIsWritten) {
  const std::vector<std::uint8_t> bytes = serialize_model(test::small_model());
  const auto* table = flatbuffers::GetSizePrefixedRoot<flatbuffers::Table>(bytes.data());
  EXPECT_FALSE(table->CheckField(fb::Model::VT_FLUX_SCALE_INPUT));
  EXPECT_FALSE(table->CheckField(fb::Model::VT_YIELD_OFFSET));
  const MinnModel loaded = parse_model(bytes.data(), bytes.size(), "old file");
  EXPECT_EQ(loaded.flux_scale_input, -1);
  EXPECT_TRUE(loaded.yield_offset.empty());
  const std::vector<std::uint8_t> normalised = serialize_model(test::small_normalised_model());
  const auto* with = flatbuffers::GetSizePrefixedRoot<flatbuffers::Table>(normalised.data());
  EXPECT_TRUE(with->CheckField(fb::Model::VT_FLUX_SCALE_INPUT));
  EXPECT_TRUE(with->CheckField(fb::Model::VT_YIELD_OFFSET));
}

// The shipped model predates the normalisation fields: it loads and saves to its own bytes.
TEST(ModelFile, ShippedModelReSavesByteIdentically) {
  const std::string path = std::string(MINN_MODELS_DIR) + "/e_coli_core.minn";
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << path;
  const std::vector<std::uint8_t> on_disk((std::istreambuf_iterator<char>(in)),
                                          std::istreambuf_iterator<char>());
  const MinnModel m = load_model(path);
  // The shipped model is uptake-normalised (README), so this also covers the version-3 fields.
  EXPECT_GE(m.flux_scale_input, 0);
  EXPECT_EQ(m.yield_offset.size(), m.reaction_ids.size());
  EXPECT_EQ(serialize_model(m), on_disk);
}

TEST(ModelFile, SavingAnInvalidModelIsRefused) {
  MinnModel m = test::small_model();
  m.layers[1].weights[7] = NAN;
  const std::string path = temp_path("refused.minn");
  EXPECT_THROW(save_model(m, path), Error);
  std::ifstream in(path);
  EXPECT_FALSE(in.good()) << "nothing may be written for an invalid model";
}

}  // namespace
}  // namespace minn
