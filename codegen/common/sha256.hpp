// SHA-256 digests (lower-case hex) of memory and of files, for provenance of GEMs, datasets and models.
#pragma once
#include <cstddef>
#include <string>

namespace minn {

std::string sha256_hex(const void* data, std::size_t size);
// Hashes the file's bytes as stored (a .gz file is hashed compressed). Throws minn::Error when unreadable.
std::string sha256_file_hex(const std::string& path);

}  // namespace minn
