// Reading and writing .minn model files (FlatBuffers, schema/minn.fbs).
// Writing validates the model first, so a file that saves always loads again; loading verifies
// the structure (flatbuffers::Verifier), identifier, schema version, every semantic invariant
// (model_check.hpp) and a CRC-32 of the whole file, and throws minn::Error naming the origin.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace minn {

// Schema versions. 1: the original fields. 2: adds clip_inputs. 3: adds uptake normalisation
// (flux_scale_input, yield_offset). 4: adds knockout switches (pin_switch_input, genotype_inputs).
// A model is written with the lowest version that holds it, so
// files without the newer fields keep their bytes, and an older minnc refuses a model that uses a
// field it does not know instead of silently computing something else. This build reads 1 to 4.
inline constexpr std::uint32_t kModelSchemaVersionOriginal = 1;
inline constexpr std::uint32_t kModelSchemaVersionClip = 2;
inline constexpr std::uint32_t kModelSchemaVersionNormalisation = 3;
inline constexpr std::uint32_t kModelSchemaVersionKnockouts = 4;
inline constexpr std::uint32_t kModelSchemaVersion = 4;  // the newest this build reads and writes

// The version `model` is written with.
std::uint32_t schema_version_for(const MinnModel& model);

// Deterministic: the same model gives byte-identical output.
std::vector<std::uint8_t> serialize_model(const MinnModel& model);
// Writes through a temporary file and renames it, so a crash never leaves half a model at `path`.
void save_model(const MinnModel& model, const std::string& path);

// `origin` names the bytes in error messages (usually the path).
MinnModel parse_model(const std::uint8_t* data, std::size_t size, const std::string& origin);
MinnModel load_model(const std::string& path);

// Lower-case hex SHA-256 of a model file / of serialized bytes.
std::string model_sha256(const std::string& path);
std::string model_sha256(const std::vector<std::uint8_t>& bytes);

}  // namespace minn
