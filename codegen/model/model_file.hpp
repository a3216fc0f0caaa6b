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

// The schema version this build writes and the only one it reads.
inline constexpr std::uint32_t kModelSchemaVersion = 1;

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
