// Build-time generator for the bit-exactness tests: emits NAME.* for the random model
// (random_model.hpp, fixed spec and seed) into a directory, exactly as `minnc compile` would.
// Usage: emit_fixture_gen OUT_DIR NAME f32|int8w|q15|q7 [fixture|fixture_clip|fixture_normalised|ecoli_sized]
//        [fast|portable]
// (fixture_clip: the fixture model with clip_inputs set; fixture_normalised: with uptake
// normalisation in residual form, normalised_model.hpp)
#include <cstdio>
#include <string>

#include "common/error.hpp"
#include "emit/emitter.hpp"
#include "common/sha256.hpp"
#include "fixture_spec.hpp"
#include "normalised_model.hpp"
#include "random_model.hpp"

int main(int argc, char** argv) {
  if (argc < 4 || argc > 6) {
    std::fprintf(stderr, "usage: emit_fixture_gen OUT_DIR NAME f32|int8w|q15|q7 "
                         "[fixture|fixture_clip|fixture_normalised|ecoli_sized] [fast|portable]\n");
    return 2;
  }
  try {
    const std::string spec = argc >= 5 ? argv[4] : "fixture";
    const bool ecoli_sized = spec == "ecoli_sized";
    if (!ecoli_sized && spec != "fixture" && spec != "fixture_clip" && spec != "fixture_normalised") {
      throw minn::Error("unknown spec '" + spec + "'");
    }
    minn::MinnModel model = minn::test::make_random_model(
        ecoli_sized ? minn::test::kEcoliSizedSpec : minn::test::kFixtureSpec);
    model.clip_inputs = spec == "fixture_clip";
    if (spec == "fixture_normalised")
      model = minn::test::uptake_normalised(model, minn::test::kFixtureFluxScaleInput);
    minn::emit::EmitOptions options;
    options.name = argv[2];
    options.precision = minn::emit::parse_precision(argv[3]);
    if (argc == 6) options.kernels = minn::emit::parse_kernel_set(argv[5]);
    const std::string tag = "random model fixture";
    options.model_sha256 = minn::sha256_hex(tag.data(), tag.size());
    minn::emit::write_files(argv[1], minn::emit::generate(model, options));
  } catch (const minn::Error& e) {
    std::fprintf(stderr, "emit_fixture_gen: %s\n", e.what());
    return 1;
  }
  return 0;
}
