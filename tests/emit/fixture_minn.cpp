// Build-time tool: saves the random fixture model (fixture_spec.hpp) as a .minn file, so the
// acceptance test can run the real `minnc compile` / `minnc predict` path before a trained model ships.
// Usage: emit_fixture_minn OUT.minn [normalised]   (normalised: uptake-normalised, residual form)
#include <cstdio>
#include <string>

#include "common/error.hpp"
#include "fixture_spec.hpp"
#include "model/model_file.hpp"
#include "normalised_model.hpp"
#include "random_model.hpp"

int main(int argc, char** argv) {
  const bool normalised = argc == 3 && std::string(argv[2]) == "normalised";
  if (argc != 2 && !normalised) {
    std::fprintf(stderr, "usage: emit_fixture_minn OUT.minn [normalised]\n");
    return 2;
  }
  try {
    minn::MinnModel model = minn::test::make_random_model(minn::test::kFixtureSpec);
    if (normalised) model = minn::test::uptake_normalised(model, minn::test::kFixtureFluxScaleInput);
    minn::save_model(model, argv[1]);
  } catch (const minn::Error& e) {
    std::fprintf(stderr, "emit_fixture_minn: %s\n", e.what());
    return 1;
  }
  return 0;
}
