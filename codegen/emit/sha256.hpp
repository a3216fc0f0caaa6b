#pragma once
#include <string>

namespace minn::emit {

// Lower-case hex SHA-256 of a byte string (OpenSSL libcrypto).
std::string sha256_hex(const std::string& bytes);

}  // namespace minn::emit
