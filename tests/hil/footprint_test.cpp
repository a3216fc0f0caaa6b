// Flash/RAM from `size -A`, regions from the map, heap symbols from `nm`. The size/map texts are
// the formats binutils 2.40 prints; the section sizes come from an early M4F prototype
// (text 22312, bss 1152, stack 8192 -> FLASH 22312 B, RAM 9344 B of 1 MB / 256 KB).
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>

#include "common/error.hpp"
#include "hil/footprint.hpp"

namespace minn::hil {
namespace {

TEST(Footprint, BareMetalSectionsGoToFlashAndRam) {
  const char* size_a =
      "hil_fw.elf  :\n"
      "section             size        addr\n"
      ".text              22312           0\n"
      ".data                  0   536870912\n"
      ".bss                1152   536870912\n"
      ".stack              8192   536872064\n"
      ".comment              51           0\n"
      ".ARM.attributes       46           0\n"
      "Total              31753\n";
  Footprint fp = footprint_from_size_output(size_a, true, "hil_fw.elf");
  EXPECT_EQ(fp.flash_bytes, 22312u);
  EXPECT_EQ(fp.ram_bytes, 9344u);
  EXPECT_EQ(fp.stack_reserved, 8192u);
}

TEST(Footprint, InitialisedDataCountsInFlashAndRam) {
  Footprint fp = footprint_from_size_output(
      "section size addr\n.text 1000 0\n.ARM.exidx 8 1000\n.data 24 536870912\n.bss 100 536870936\n", true, "x");
  EXPECT_EQ(fp.flash_bytes, 1000u + 8u + 24u);
  EXPECT_EQ(fp.ram_bytes, 24u + 100u);
}

TEST(Footprint, RejectsTextWithoutSections) {
  EXPECT_THROW(footprint_from_size_output("arm-none-eabi-size: x: file format not recognized\n", true, "x"), Error);
}

TEST(Footprint, ReadsRegionsFromTheMap) {
  const std::string path = ::testing::TempDir() + "/footprint_test.map";
  {
    std::ofstream map(path);
    map << "Archive member included to satisfy reference by file (symbol)\n\n"
           "Memory Configuration\n\n"
           "Name             Origin             Length             Attributes\n"
           "FLASH            0x0000000000000000 0x0000000000100000 xr\n"
           "RAM              0x0000000020000000 0x0000000000030000 xrw\n"
           "*default*        0x0000000000000000 0xffffffffffffffff\n\n"
           "Linker script and memory map\n";
  }
  Footprint fp;
  read_memory_regions(path, fp);
  EXPECT_EQ(fp.flash_region, 1024u * 1024u);
  EXPECT_EQ(fp.ram_region, 192u * 1024u);
  std::remove(path.c_str());
  EXPECT_THROW(read_memory_regions(path, fp), Error);
}

TEST(Footprint, FindsHeapFunctionsInNmOutput) {
  EXPECT_TRUE(heap_symbols_in_nm_output("000000ac T minn_hil_mark_begin\n00000100 T memcpy\n").empty());
  auto found = heap_symbols_in_nm_output("000000ac T main\n         U _sbrk\n00000200 T _malloc_r\n"
                                         "         U malloc@GLIBC_2.4\n00000300 T _Znwj\n");
  EXPECT_EQ(found, (std::vector<std::string>{"_sbrk", "_malloc_r", "malloc", "_Znwj"}));
}

TEST(Footprint, SeparatesTheModelWorkspaceFromHarnessBuffers) {
  Footprint fp;
  harness_objects_from_nm_sizes("20000000 000026c0 b results\n200026c0 00002340 b inputs\n"
                                "20004a00 00000a20 b workspace\n00000100 00000010 T workspace_fn\n", fp);
  EXPECT_EQ(fp.workspace_bytes, 0xa20u);
  EXPECT_EQ(fp.harness_buffer_bytes, 0x26c0u + 0x2340u);
}

}  // namespace
}  // namespace minn::hil
