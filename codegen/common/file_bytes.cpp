#include "common/file_bytes.hpp"

#include <unistd.h>
#include <zlib.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "common/error.hpp"

namespace minn {
namespace {

struct FileCloser {
  void operator()(std::FILE* f) const { std::fclose(f); }
};

}  // namespace

std::string read_file_bytes(const std::string& path) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "rb"));
  if (!file) {
    throw Error(path + ": cannot open file: " + std::strerror(errno));
  }
  std::string bytes;
  if (std::fseek(file.get(), 0, SEEK_END) == 0) {
    const long size = std::ftell(file.get());
    if (size > 0) bytes.reserve(static_cast<std::size_t>(size));
    std::rewind(file.get());
  }
  char buffer[1 << 16];
  std::size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, file.get())) > 0) {
    bytes.append(buffer, n);
  }
  if (std::ferror(file.get())) {
    throw Error(path + ": read error: " + std::strerror(errno));
  }
  return bytes;
}

bool is_gzip(const std::string& bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

std::string gunzip(const std::string& compressed, const std::string& path) {
  z_stream stream;
  std::memset(&stream, 0, sizeof stream);
  // 15 + 32: maximal window, automatic gzip/zlib header detection.
  if (inflateInit2(&stream, 15 + 32) != Z_OK) {
    throw Error(path + ": zlib initialisation failed");
  }
  std::string out;
  out.reserve(compressed.size() * 8);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(compressed.data()));
  stream.avail_in = static_cast<uInt>(compressed.size());
  char buffer[1 << 16];
  int status = Z_OK;
  while (true) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    if (status != Z_OK && status != Z_STREAM_END) break;
    out.append(buffer, sizeof buffer - stream.avail_out);
    if (status == Z_STREAM_END) {
      if (stream.avail_in == 0) break;
      // Another gzip member follows (as `cat a.gz b.gz` produces).
      if (inflateReset(&stream) != Z_OK) break;
    }
  }
  const std::string detail = stream.msg ? stream.msg : "truncated or corrupt data";
  inflateEnd(&stream);
  if (status != Z_STREAM_END) {
    throw Error(path + ": invalid gzip data: " + detail);
  }
  return out;
}

std::string read_text_file(const std::string& path) {
  std::string bytes = read_file_bytes(path);
  if (is_gzip(bytes)) return gunzip(bytes, path);
  return bytes;
}

}  // namespace minn

namespace minn {
namespace {

std::string gzip_compress(const std::string& bytes, const std::string& path) {
  z_stream stream;
  std::memset(&stream, 0, sizeof stream);
  // 15 + 16: gzip wrapper with a zeroed header (no name, no mtime).
  if (deflateInit2(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
    throw Error(path + ": zlib initialisation failed");
  }
  std::string out;
  out.resize(deflateBound(&stream, static_cast<uLong>(bytes.size())) + 32);
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  stream.avail_in = static_cast<uInt>(bytes.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  if (status != Z_STREAM_END) throw Error(path + ": gzip compression failed");
  return out;
}

// The bytes to store at `path`: gzip-compressed when it ends in ".gz".
std::string stored_form(const std::string& path, const std::string& bytes) {
  const bool gz = path.size() >= 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
  return gz ? gzip_compress(bytes, path) : bytes;
}

// Fault injection for tests/cli/kill_safety_test.cpp: with MINN_SLOW_WRITES set, every file is
// written in two halves 30 ms apart, so a SIGKILL at a random moment often lands mid-write.
bool slow_writes() {
  static const bool slow = std::getenv("MINN_SLOW_WRITES") != nullptr;
  return slow;
}

void write_payload(const std::string& path, const std::string& payload) {
  std::unique_ptr<std::FILE, FileCloser> file(std::fopen(path.c_str(), "wb"));
  if (!file) throw Error(path + ": cannot create file: " + std::strerror(errno));
  std::size_t written = 0;
  if (slow_writes()) {
    written = std::fwrite(payload.data(), 1, payload.size() / 2, file.get());
    std::fflush(file.get());
    usleep(30000);
  }
  // fsync: the rename must not reach the disk before the data it publishes.
  written += std::fwrite(payload.data() + written, 1, payload.size() - written, file.get());
  if (written != payload.size() || std::fflush(file.get()) != 0 || fsync(fileno(file.get())) != 0) {
    throw Error(path + ": write error: " + std::strerror(errno));
  }
  if (std::fclose(file.release()) != 0) throw Error(path + ": write error: " + std::strerror(errno));
}

}  // namespace

void replace_file_bytes(const std::string& path, const std::string& bytes) {
  const std::string temporary = path + ".tmp";
  write_payload(temporary, stored_form(path, bytes));
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    const std::string reason = std::strerror(errno);
    std::remove(temporary.c_str());
    throw Error(path + ": cannot rename '" + temporary + "' to it: " + reason);
  }
}

}  // namespace minn
