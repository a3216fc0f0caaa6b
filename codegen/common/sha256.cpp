#include "common/sha256.hpp"

#include <openssl/evp.h>

#include <memory>

#include "common/error.hpp"
#include "common/file_bytes.hpp"

namespace minn {
namespace {

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};

std::string to_hex(const unsigned char* bytes, unsigned int size) {
  static const char digits[] = "0123456789abcdef";
  std::string hex(2 * static_cast<std::size_t>(size), '0');
  for (unsigned int i = 0; i < size; ++i) {
    hex[2 * i] = digits[bytes[i] >> 4];
    hex[2 * i + 1] = digits[bytes[i] & 0x0f];
  }
  return hex;
}

}  // namespace

std::string sha256_hex(const void* data, std::size_t size) {
  std::unique_ptr<EVP_MD_CTX, MdCtxDeleter> ctx(EVP_MD_CTX_new());
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int digest_size = 0;
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1 ||
      EVP_DigestUpdate(ctx.get(), data, size) != 1 ||
      EVP_DigestFinal_ex(ctx.get(), digest, &digest_size) != 1) {
    throw Error("SHA-256: OpenSSL EVP digest failed");
  }
  return to_hex(digest, digest_size);
}

std::string sha256_file_hex(const std::string& path) {
  const std::string bytes = read_file_bytes(path);
  return sha256_hex(bytes.data(), bytes.size());
}

}  // namespace minn
