// libFuzzer target: `read_sbml` on an arbitrary file, the path minnc takes for .xml.gz GEMs
// (gzip detected by content, inflated, then parsed). The input is written to a scratch file so
// the real file-reading path runs, gzip or not.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/file_bytes.hpp"
#include "fuzz_check.hpp"
#include "fuzz_gem_checks.hpp"
#include "fuzz_scratch.hpp"
#include "sbml/sbml_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = minn::fuzz::scratch_dir() + "/fuzz_input.xml.gz";
  minn::fuzz::write_scratch(path, data, size);
  try {
    minn::Diagnostics diagnostics;
    const minn::Gem gem = minn::read_sbml(path, &diagnostics);
    minn::fuzz::check_gem_indices(gem);
  } catch (const minn::Error& e) {
    minn::fuzz::expect_named(e, path);
  }
  return 0;
}
