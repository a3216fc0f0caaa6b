// Flash, RAM and heap-freedom of a linked harness, from binutils `size -A`, the linker map and `nm`.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace minn::hil {

struct Footprint {
  std::uint64_t flash_bytes = 0;     // .text + .rodata + .ARM.exidx + .data load image (bare metal);
                                     // text + data (Linux/host)
  std::uint64_t ram_bytes = 0;       // .data + .bss + reserved .stack (bare metal); data + bss otherwise
  std::uint64_t stack_reserved = 0;  // the .stack section (bare metal only)
  std::uint64_t flash_region = 0;    // linker script regions (0 when there is no linker script)
  std::uint64_t ram_region = 0;
  std::uint64_t workspace_bytes = 0;       // the model's NAME_workspace (the harness's `workspace`)
  std::uint64_t harness_buffer_bytes = 0;  // the harness's batch buffers (`inputs`, `results`), not the model's
  bool heap_free = false;                  // no heap function linked
  std::vector<std::string> heap_symbols;   // the ones found otherwise
};

// `size -A` output -> per-section sizes summed into flash/RAM. minn::Error on unparseable text.
Footprint footprint_from_size_output(const std::string& size_output, bool bare_metal, const std::string& origin);
// Adds the FLASH/RAM lengths from the map file's "Memory Configuration" table.
void read_memory_regions(const std::string& map_path, Footprint& fp);
// Heap functions in `nm` output (defined or undefined): malloc/free/_sbrk/operator new/... .
std::vector<std::string> heap_symbols_in_nm_output(const std::string& nm_output);

// Sizes of the harness's static objects from `nm -S` output (hil_main.c: workspace, inputs, results).
void harness_objects_from_nm_sizes(const std::string& nm_sizes_output, Footprint& fp);

// Runs the tools (size and nm from board.txt) and fills everything in. The heap check runs `nm` on
// `heap_check_file`: the whole ELF on bare metal (no C library startup there), the model archive
// on Linux/host (glibc's startup code itself references abort).
Footprint measure_footprint(const std::string& executable, const std::string& heap_check_file,
                            const std::string& size_tool, const std::string& nm_tool, const std::string& map_path,
                            bool bare_metal);

}  // namespace minn::hil
