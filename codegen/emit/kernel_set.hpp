// Which kernels generated code calls. Both compute the same bits (the host reference runs the
// portable ones); `portable` keeps the kernels from before issue 17 (plain C loops, CSR tables) so
// that benchmarks can measure the new ones against them in the same run.
#pragma once
#include <string>

namespace minn::emit {

enum class KernelSet {
  Fast,      // Arm VFP dense panels (VLDM/VMLA), S products written out by the generator
  Portable,  // minn::dense_f32_portable and minn::refine over CSR tables
};

KernelSet parse_kernel_set(const std::string& text);  // "fast" | "portable", else minn::Error
const char* kernel_set_name(KernelSet kernels);

}  // namespace minn::emit
