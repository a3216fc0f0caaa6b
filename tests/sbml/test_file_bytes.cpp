// SHA-256 and (gzip) file reading. Digests are FIPS 180-2 test vectors and `sha256sum` output.
#include <gtest/gtest.h>

#include <string>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/sha256.hpp"

namespace {

TEST(Sha256, KnownVectors) {
  EXPECT_EQ(minn::sha256_hex("abc", 3), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(minn::sha256_hex("", 0), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
}

TEST(Sha256, FileDigestIsOfTheCompressedBytes) {
  // `sha256sum models/gems/e_coli_core.xml.gz`
  EXPECT_EQ(minn::sha256_file_hex(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz"),
            "01655e1a062db398b798d4eb0a19829556aff6f2b3390195a5f53b85319e5bab");
}

TEST(FileBytes, GzipIsDetectedByContentAndInflated) {
  const std::string text = minn::read_text_file(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz");
  EXPECT_EQ(text.rfind("<?xml version='1.0' encoding='UTF-8'?>", 0), 0u);
  EXPECT_NE(text.find("</sbml>"), std::string::npos);
}

TEST(FileBytes, MissingFileNamesThePath) {
  try {
    minn::read_file_bytes("/nonexistent/minn/file.xml");
    FAIL() << "expected minn::Error";
  } catch (const minn::Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/minn/file.xml: cannot open file"), std::string::npos);
  }
}

TEST(FileBytes, CorruptGzipIsAnError) {
  const std::string bad("\x1f\x8b\x08\x00garbage", 12);
  EXPECT_THROW(minn::gunzip(bad, "x.gz"), minn::Error);
}

TEST(FileBytes, ReplaceWritesTheWholeFileAndLeavesNoTemporary) {
  const std::string path = ::testing::TempDir() + "replace_file_bytes.txt";
  minn::replace_file_bytes(path, "first version, longer than the second\n");
  minn::replace_file_bytes(path, "second\n");
  EXPECT_EQ(minn::read_file_bytes(path), "second\n");
  EXPECT_THROW(minn::read_file_bytes(path + ".tmp"), minn::Error) << "temporary file left behind";
  // A .gz path is stored gzip-compressed.
  minn::replace_file_bytes(path + ".gz", "packed\n");
  EXPECT_EQ(minn::read_text_file(path + ".gz"), "packed\n");
  EXPECT_NE(minn::read_file_bytes(path + ".gz"), "packed\n");
}

TEST(FileBytes, ReplaceIntoAMissingFolderNamesTheFile) {
  try {
    minn::replace_file_bytes("/nonexistent/minn/out.csv", "x");
    FAIL() << "expected minn::Error";
  } catch (const minn::Error& e) {
    EXPECT_NE(std::string(e.what()).find("/nonexistent/minn/out.csv.tmp: cannot create file"), std::string::npos)
        << e.what();
  }
}

}  // namespace
