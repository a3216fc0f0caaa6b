// Writes the synthetic HIL test model to a .minn file: `make_synthetic_minn out.minn [seed]`.
// Used by the HIL CTest fixtures to drive `minnc hil` end to end on generated code.
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "model/model_file.hpp"
#include "synthetic_model.hpp"

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: make_synthetic_minn out.minn [seed]\n");
    return 2;
  }
  try {
    minn::test::SyntheticModelSpec spec;
    if (argc == 3) spec.seed = static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10));
    minn::save_model(minn::test::make_synthetic_model(spec), argv[1]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_synthetic_minn: %s\n", e.what());
    return 1;
  }
  return 0;
}
