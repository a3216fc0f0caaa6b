// lib/ fingerprint: the layout is hashed as "<relative path>\n<content>\n" per file in sorted
// order; the expected digest is `printf 'a.h\nint a;\n\nsub/b.hpp\nint b;\n\n' | sha256sum`.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "common/error.hpp"
#include "hil/lib_fingerprint.hpp"

namespace minn::hil {
namespace {

namespace fs = std::filesystem;

TEST(LibFingerprint, HashesSortedPathsAndContents) {
  const fs::path dir = fs::path(::testing::TempDir()) / "lib_fingerprint_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "sub");
  std::ofstream(dir / "sub" / "b.hpp") << "int b;\n";
  std::ofstream(dir / "a.h") << "int a;\n";
  std::ofstream(dir / "notes.txt") << "not a header\n";
  EXPECT_EQ(lib_fingerprint(dir.string()), "0feb8aba964c08f2f843877a2f5dcb1c9cfc2ef8de3ab8fc114549fe9e25916f");
  try {
    check_lib_matches_build(dir.string());  // surely not the lib/ minnc was built with
    FAIL() << "expected minn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(dir.string()), std::string::npos) << e.what();
    EXPECT_NE(std::string(e.what()).find("rebuild minnc"), std::string::npos) << e.what();
  }
  EXPECT_NO_THROW(check_lib_matches_build(MINN_LIB_DIR));
}

}  // namespace
}  // namespace minn::hil
