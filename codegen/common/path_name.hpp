// The last component of a path, trailing slashes dropped ("models/ishii/" -> "ishii"): what the
// commands recorded in models and results name, so that they do not depend on where the files were.
#pragma once
#include <string>

namespace minn {

inline std::string path_file_name(std::string path) {
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  const auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

}  // namespace minn
