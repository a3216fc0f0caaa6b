#include "hil/footprint.hpp"

#include <fstream>
#include <set>
#include <sstream>

#include "common/error.hpp"
#include "hil/process.hpp"

namespace minn::hil {

Footprint footprint_from_size_output(const std::string& size_output, bool bare_metal, const std::string& origin) {
  // Format (size -A):  "section  size  addr" lines between a header and a "Total" line.
  static const std::set<std::string> flash_only = {".text", ".rodata", ".ARM.exidx", ".ARM.extab", ".init",
                                                   ".fini", ".init_array", ".fini_array", ".eh_frame"};
  Footprint fp;
  std::istringstream in(size_output);
  std::string line;
  bool any = false;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    std::string name;
    unsigned long long size = 0, addr = 0;
    if (!(fields >> name >> size >> addr) || name.empty() || name[0] != '.') continue;
    any = true;
    if (bare_metal) {
      if (flash_only.count(name) != 0) fp.flash_bytes += size;
      else if (name == ".data") { fp.flash_bytes += size; fp.ram_bytes += size; }
      else if (name == ".bss") fp.ram_bytes += size;
      else if (name == ".stack") { fp.ram_bytes += size; fp.stack_reserved = size; }
    } else if (addr != 0) {  // allocated sections only (debug/comment sections sit at address 0)
      if (name == ".bss" || name == ".tbss") fp.ram_bytes += size;
      else if (name == ".data" || name == ".got" || name == ".data.rel.ro" || name == ".dynamic") {
        fp.flash_bytes += size; fp.ram_bytes += size;
      } else fp.flash_bytes += size;
    }
  }
  if (!any) throw Error(origin + ": no sections in the `size -A` output:\n" + size_output);
  return fp;
}

void read_memory_regions(const std::string& map_path, Footprint& fp) {
  std::ifstream in(map_path);
  if (!in) throw Error(map_path + ": cannot open the linker map");
  std::string line;
  bool in_table = false;
  while (std::getline(in, line)) {
    if (line.rfind("Memory Configuration", 0) == 0) { in_table = true; continue; }
    if (!in_table) continue;
    if (line.rfind("Linker script and memory map", 0) == 0) break;
    std::istringstream fields(line);
    std::string name, origin, length;
    if (!(fields >> name >> origin >> length)) continue;
    if (name == "FLASH") fp.flash_region = std::stoull(length, nullptr, 16);
    if (name == "RAM") fp.ram_region = std::stoull(length, nullptr, 16);
  }
  if (fp.flash_region == 0 || fp.ram_region == 0)
    throw Error(map_path + ": no FLASH and RAM regions in its Memory Configuration table");
}

std::vector<std::string> heap_symbols_in_nm_output(const std::string& nm_output) {
  static const std::set<std::string> heap = {
      "malloc", "_malloc_r", "free", "_free_r", "calloc", "_calloc_r", "realloc", "_realloc_r", "_sbrk", "_sbrk_r",
      "sbrk", "_Znwj", "_Znwm", "_Znaj", "_Znam", "_ZdlPv", "_ZdaPv", "__cxa_allocate_exception", "abort"};
  std::vector<std::string> found;
  std::istringstream in(nm_output);
  std::string line;
  while (std::getline(in, line)) {
    // "<addr> <type> <name>" or "         U <name>"; the name is the last field.
    auto space = line.find_last_of(' ');
    std::string name = space == std::string::npos ? line : line.substr(space + 1);
    auto at = name.find('@');  // versioned dynamic symbols: malloc@GLIBC_2.4
    if (at != std::string::npos) name = name.substr(0, at);
    if (heap.count(name) != 0) found.push_back(name);
  }
  return found;
}

void harness_objects_from_nm_sizes(const std::string& nm_sizes_output, Footprint& fp) {
  std::istringstream in(nm_sizes_output);
  std::string line;
  while (std::getline(in, line)) {
    // "<addr> <size> <type> <name>"; only data/bss objects (b, B, d, D).
    std::istringstream fields(line);
    std::string addr, size, type, name;
    if (!(fields >> addr >> size >> type >> name) || (type != "b" && type != "B" && type != "d" && type != "D")) continue;
    const std::uint64_t bytes = std::stoull(size, nullptr, 16);
    if (name == "workspace") fp.workspace_bytes = bytes;
    if (name == "inputs" || name == "results") fp.harness_buffer_bytes += bytes;
  }
}

Footprint measure_footprint(const std::string& executable, const std::string& heap_check_file,
                            const std::string& size_tool, const std::string& nm_tool, const std::string& map_path,
                            bool bare_metal) {
  ProcessResult size = run_process({size_tool, "-A", executable}, "", 60);
  if (size.exit_code != 0) throw Error(size_tool + " -A " + executable + " failed: " + size.err);
  Footprint fp = footprint_from_size_output(size.out, bare_metal, executable);
  if (bare_metal) read_memory_regions(map_path, fp);
  ProcessResult nm = run_process({nm_tool, heap_check_file}, "", 60);
  if (nm.exit_code != 0) throw Error(nm_tool + " " + heap_check_file + " failed: " + nm.err);
  fp.heap_symbols = heap_symbols_in_nm_output(nm.out);
  ProcessResult sizes = run_process({nm_tool, "-S", executable}, "", 60);
  if (sizes.exit_code != 0) throw Error(nm_tool + " -S " + executable + " failed: " + sizes.err);
  harness_objects_from_nm_sizes(sizes.out, fp);
  fp.heap_free = fp.heap_symbols.empty();
  return fp;
}

}  // namespace minn::hil
