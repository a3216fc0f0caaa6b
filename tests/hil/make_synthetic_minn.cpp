// Writes the synthetic HIL test model to a .minn file:
//   make_synthetic_minn out.minn [seed [inputs hidden reactions metabolites steps]]
// (e.g. 141 250 154 72 8 has the shapes of the e_coli_core MINN, for timing the boards).
// Used by the HIL CTest fixtures to drive `minnc hil` end to end on generated code.
#include <cstdio>
#include <cstdlib>
#include <exception>

#include "model/model_file.hpp"
#include "synthetic_model.hpp"

int main(int argc, char** argv) {
  if (argc != 2 && argc != 3 && argc != 8) {
    std::fprintf(stderr, "usage: make_synthetic_minn out.minn [seed [inputs hidden reactions metabolites steps]]\n");
    return 2;
  }
  try {
    minn::test::SyntheticModelSpec spec;
    if (argc >= 3) spec.seed = static_cast<std::uint32_t>(std::strtoul(argv[2], nullptr, 10));
    if (argc == 8) {
      int* shape[5] = {&spec.inputs, &spec.hidden, &spec.reactions, &spec.metabolites, &spec.steps};
      for (int i = 0; i < 5; ++i) {
        *shape[i] = std::atoi(argv[3 + i]);
        if (*shape[i] < 1) {
          std::fprintf(stderr, "make_synthetic_minn: argument %d ('%s') must be a positive integer\n", 3 + i, argv[3 + i]);
          return 2;
        }
      }
    }
    minn::save_model(minn::test::make_synthetic_model(spec), argv[1]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "make_synthetic_minn: %s\n", e.what());
    return 1;
  }
  return 0;
}
