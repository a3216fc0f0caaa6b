// libFuzzer target: the SBML reader on arbitrary bytes, as `read_sbml` reads a plain .xml file.
// A rejected document must be a minn::Error naming the file; an accepted one must be a GEM whose
// indices all point inside it (what every later stage assumes without checking again).
#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_check.hpp"
#include "fuzz_gem_checks.hpp"
#include "sbml/sbml_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string origin = "fuzz_input.xml";
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    minn::Diagnostics diagnostics;
    const minn::Gem gem = minn::read_sbml_text(text, origin, &diagnostics);
    minn::fuzz::check_gem_indices(gem);
  } catch (const minn::Error& e) {
    minn::fuzz::expect_named(e, origin);
  }
  return 0;
}
