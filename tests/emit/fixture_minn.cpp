// Build-time tool: saves the random fixture model (fixture_spec.hpp) as a .minn file, so the
// acceptance test can run the real `minnc compile` / `minnc predict` path before a trained model ships.
// Usage: emit_fixture_minn OUT.minn
#include <cstdio>

#include "common/error.hpp"
#include "fixture_spec.hpp"
#include "model/model_file.hpp"
#include "random_model.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: emit_fixture_minn OUT.minn\n");
    return 2;
  }
  try {
    minn::save_model(minn::test::make_random_model(minn::test::kFixtureSpec), argv[1]);
  } catch (const minn::Error& e) {
    std::fprintf(stderr, "emit_fixture_minn: %s\n", e.what());
    return 1;
  }
  return 0;
}
