// "Never a crash": every truncation and many seeded byte mutations of a valid SBML file either read
// or raise minn::Error (run under the asan preset this also checks memory safety).
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "sbml/sbml_reader.hpp"

namespace {

const std::string kBase = std::string(MINN_TEST_DATA_DIR) + "/sbml/malformed/base.xml";

// 0 = read, 1 = minn::Error; anything else fails the test.
int outcome(const std::string& text) {
  try {
    minn::read_sbml_text(text, "mutant.xml");
    return 0;
  } catch (const minn::Error&) {
    return 1;
  }
}

TEST(Robustness, EveryTruncationReadsOrFailsCleanly) {
  const std::string text = minn::read_text_file(kBase);
  int errors = 0;
  for (std::size_t n = 0; n < text.size(); ++n) errors += outcome(text.substr(0, n));
  // The file ends in "</sbml>\n": only the cut that drops just the newline leaves a whole document.
  ASSERT_EQ(text.substr(text.size() - 8), "</sbml>\n");
  EXPECT_EQ(errors, static_cast<int>(text.size()) - 1);
}

TEST(Robustness, SeededByteMutationsReadOrFailCleanly) {
  const std::string text = minn::read_text_file(kBase);
  std::mt19937_64 rng(20250101);
  const char alphabet[] = "<>/=\"' :&;abcfgrsx0123456789-.eINFaN\n";
  int errors = 0;
  const int mutants = 3000;
  for (int i = 0; i < mutants; ++i) {
    std::string mutant = text;
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits; ++e) {
      const std::size_t at = rng() % mutant.size();
      const char c = alphabet[rng() % (sizeof alphabet - 1)];
      switch (rng() % 3) {
        case 0: mutant[at] = c; break;
        case 1: mutant.insert(mutant.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: mutant.erase(at, 1 + rng() % 8); break;
      }
    }
    errors += outcome(mutant);
  }
  // Most mutations break something; some land in ignored text. Both outcomes occur.
  EXPECT_GT(errors, mutants / 4);
  EXPECT_LT(errors, mutants);
}

}  // namespace
