// libFuzzer target: the .minn loader on arbitrary bytes, through the FlatBuffers verifier.
// Each input is loaded twice: as it is (the loader minnc runs, whose CRC-32 rejects nearly every
// mutation at the end), and -- when the verifier accepts the structure -- with its checksum
// field recomputed, so mutated weights, sizes and indices reach the semantic checks and, when
// accepted, everything downstream of the loader (fuzz_model_checks.hpp).
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include <zlib.h>

#include "fuzz_check.hpp"
#include "fuzz_model_checks.hpp"
#include "model/minn_generated.h"
#include "model/model_file.hpp"

namespace {

const std::string kOrigin = "fuzz_input.minn";

// Loads `bytes`; an accepted model must pass every downstream check.
void load(const std::vector<std::uint8_t>& bytes) {
  try {
    const minn::MinnModel model = minn::parse_model(bytes.data(), bytes.size(), kOrigin);
    // Probe inputs: the last bytes of the file, as floats (arbitrary bit patterns).
    std::vector<float> probe(model.input_names.size());
    const std::size_t n = std::min(probe.size() * sizeof(float), bytes.size());
    std::memcpy(probe.data(), bytes.data() + bytes.size() - n, n);
    minn::fuzz::check_accepted_model(model, probe);
  } catch (const minn::Error& e) {
    minn::fuzz::expect_named(e, kOrigin);
  }
}

// `bytes` with the checksum field set to the CRC-32 of the buffer, when the structure verifies.
bool with_valid_checksum(std::vector<std::uint8_t>& bytes) {
  flatbuffers::Verifier verifier(bytes.data(), bytes.size());
  if (bytes.size() < 12 || !minn::fb::VerifySizePrefixedModelBuffer(verifier)) return false;
  minn::fb::Model* root = minn::fb::GetMutableSizePrefixedModel(bytes.data());
  if (!root->mutate_checksum(0)) return false;
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, bytes.data(), static_cast<uInt>(bytes.size()));
  root->mutate_checksum(static_cast<std::uint32_t>(crc));
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::uint8_t> bytes(data, data + size);
  load(bytes);
  if (with_valid_checksum(bytes)) load(bytes);
  return 0;
}
