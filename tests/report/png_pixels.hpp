// Reading a PNG screenshot (libpng) into 8-bit RGBA pixels, to tell a rendered page from a blank one.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace minn::test {

struct Rgba {
  int width = 0, height = 0;
  std::vector<std::uint8_t> pixels;  // width * height * 4
};

// Empty (width 0) when the file is not a readable PNG.
Rgba read_png(const std::string& path);

}  // namespace minn::test
