#include "hil/lib_fingerprint.hpp"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "common/error.hpp"
#include "common/sha256.hpp"
#include "hil/lib_fingerprint_built.hpp"

namespace minn::hil {

std::string lib_fingerprint(const std::string& lib_dir) {
  namespace fs = std::filesystem;
  if (!fs::is_directory(lib_dir)) throw Error(lib_dir + ": runtime directory not found");
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(lib_dir)) {
    const std::string ext = entry.path().extension().string();
    if (entry.is_regular_file() && (ext == ".h" || ext == ".hpp"))
      files.push_back(fs::relative(entry.path(), lib_dir).generic_string());
  }
  std::sort(files.begin(), files.end());  // CMake's list(SORT): byte order, as std::string's <
  std::string text;
  for (const auto& f : files) {
    std::ifstream in(fs::path(lib_dir) / f, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    text += f + "\n" + content.str() + "\n";
  }
  return sha256_hex(text.data(), text.size());
}

void check_lib_matches_build(const std::string& lib_dir) {
  if (lib_fingerprint(lib_dir) != MINN_LIB_FINGERPRINT)
    throw Error(lib_dir + " differs from the runtime this minnc was built with (its host reference would not "
                "match the firmware): rebuild minnc, or point MINN_SOURCE_DIR at the matching source tree");
}

}  // namespace minn::hil
