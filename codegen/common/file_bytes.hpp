// Reading whole files: raw bytes, and text that may be gzip-compressed (.xml.gz, .csv.gz).
#pragma once
#include <string>

namespace minn {

// The file's bytes exactly as stored. Throws minn::Error naming the file when it cannot be read.
std::string read_file_bytes(const std::string& path);

// True when the bytes start with the gzip magic number (1f 8b).
bool is_gzip(const std::string& bytes);

// Inflates gzip data (concatenated members allowed). `path` only names the source in error messages.
std::string gunzip(const std::string& compressed, const std::string& path);

// The file's content, decompressed when it is gzip (detected by content, not by the extension).
std::string read_text_file(const std::string& path);

}  // namespace minn

namespace minn {

// Writes `bytes` to `path` (replacing it), whole or not at all: written to `path`.tmp in the same
// directory, flushed to disk, then renamed over `path`, so an interrupted run (SIGKILL, power
// loss) never leaves a truncated file that a later step would read as complete. Every file minnc
// writes goes through here. gzip-compressed when `path` ends in ".gz" (gzip header without a
// timestamp, so equal input gives equal files). Throws minn::Error naming the file.
void replace_file_bytes(const std::string& path, const std::string& bytes);

}  // namespace minn
