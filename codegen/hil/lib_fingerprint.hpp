// The runtime headers (lib/) the firmware compiles must be the ones minnc's host reference was
// built with, or bit-identity is lost for a reason that has nothing to do with the target.
#pragma once
#include <string>

namespace minn::hil {

// SHA-256 over lib/'s *.h/*.hpp (sorted relative paths, "<path>\n<content>\n" each).
std::string lib_fingerprint(const std::string& lib_dir);
// minn::Error naming lib_dir when it differs from the lib/ this minnc was built with.
void check_lib_matches_build(const std::string& lib_dir);

}  // namespace minn::hil
