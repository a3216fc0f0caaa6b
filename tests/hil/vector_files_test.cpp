// The HIL wire format: byte layout written by hand, read back, and every malformed case rejected.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <cstring>
#include <fstream>
#include <iterator>

#include "common/error.hpp"
#include "hil/vector_files.hpp"

namespace minn::hil {
namespace {

std::string temp(const char* name) { return ::testing::TempDir() + "/" + name; }

void write_bytes(const std::string& path, const std::vector<std::uint32_t>& words) {
  std::ofstream out(path, std::ios::binary);
  out.write(reinterpret_cast<const char*>(words.data()), static_cast<std::streamsize>(words.size() * 4));
}

std::uint32_t bits(float f) {
  std::uint32_t u;
  std::memcpy(&u, &f, 4);
  return u;
}

TEST(VectorFiles, InputsLayoutIsCountWidthThenRows) {
  InputBatch batch;
  batch.num_inputs = 2;
  batch.values = {1.0f, -2.5f, 0.25f, 3.0f};
  write_inputs(temp("in.bin"), batch);
  std::ifstream in(temp("in.bin"), std::ios::binary);
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  ASSERT_EQ(bytes.size(), 8u + 16u);
  std::uint32_t words[6];
  std::memcpy(words, bytes.data(), sizeof words);
  EXPECT_EQ(words[0], 2u);
  EXPECT_EQ(words[1], 2u);
  EXPECT_EQ(words[2], 0x3f800000u);  // 1.0f
  EXPECT_EQ(words[3], 0xc0200000u);  // -2.5f
}

TEST(VectorFiles, OutputsRecordsAreStatusThenValues) {
  write_bytes(temp("out.bin"), {2, 2, 0, bits(1.5f), bits(-0.0f), static_cast<std::uint32_t>(-3), 0, 0});
  OutputBatch out = read_outputs(temp("out.bin"), 2, 2);
  EXPECT_EQ(out.status, (std::vector<std::int32_t>{0, -3}));
  EXPECT_EQ(out.values[0], 1.5f);
  EXPECT_TRUE(std::signbit(out.values[1]));
}

TEST(VectorFiles, RejectsWrongHeaderAndTruncation) {
  write_bytes(temp("bad.bin"), {2, 3, 0, 0, 0, 0});
  EXPECT_THROW(read_outputs(temp("bad.bin"), 2, 2), Error);  // width 3, expected 2
  write_bytes(temp("short.bin"), {2, 2, 0, 0, 0, 0});
  try {
    read_outputs(temp("short.bin"), 2, 2);
    FAIL() << "expected minn::Error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("short.bin"), std::string::npos);
  }
  write_bytes(temp("tiny.bin"), {2});
  EXPECT_THROW(read_outputs(temp("tiny.bin"), 2, 2), Error);
  EXPECT_THROW(read_outputs(temp("missing.bin"), 2, 2), Error);
}

}  // namespace
}  // namespace minn::hil
