#include "emit/kernel_set.hpp"

#include "common/error.hpp"

namespace minn::emit {

KernelSet parse_kernel_set(const std::string& text) {
  if (text == "fast") return KernelSet::Fast;
  if (text == "portable") return KernelSet::Portable;
  throw Error("kernels '" + text + "': expected 'fast' or 'portable'");
}

const char* kernel_set_name(KernelSet kernels) {
  return kernels == KernelSet::Fast ? "fast" : "portable";
}

}  // namespace minn::emit
