// minnc plant SCENARIO -o DIR [--gem GEM] [--seed N]: runs the simulated bioreactor (codegen/plant)
// and writes DIR/signals.csv and DIR/truth.csv.
#include <cstdio>
#include <filesystem>
#include <memory>
#include <optional>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "plant/plant.hpp"
#include "plant/plant_csv.hpp"

namespace minn::cli {

void add_plant_commands(CLI::App& app) {
  struct Args {
    std::string scenario, out_dir, gem = "models/gems/e_coli_core.xml.gz";
    std::optional<std::uint64_t> seed;
  };
  auto args = std::make_shared<Args>();
  CLI::App* cmd = app.add_subcommand(
      "plant", "Simulate a bioreactor (dynamic FBA on a GEM): the sensor signals a controller reads and the true fluxes");
  cmd->add_option("scenario", args->scenario, "scenario file (codegen/plant/README.md)")
      ->required()
      ->check(CLI::ExistingFile);
  cmd->add_option("-o,--out", args->out_dir, "output directory (created): signals.csv, truth.csv")->required();
  cmd->add_option("--gem", args->gem, "GEM (SBML, .xml or .xml.gz)")->capture_default_str();
  cmd->add_option("--seed", args->seed, "noise seed (default: the scenario's seed)");
  cmd->callback([args]() {
    plant::Scenario scenario = plant::read_scenario(args->scenario);
    if (args->seed) scenario.seed = *args->seed;
    std::error_code ec;
    std::filesystem::create_directories(args->out_dir, ec);
    if (ec) throw Error(args->out_dir + ": cannot create the output directory: " + ec.message());
    plant::Plant plant(scenario, args->gem);
    const plant::PlantRunSummary s = plant::run_plant_to_csv(plant, args->out_dir);
    const plant::PlantState& x = s.final_state;
    std::printf("plant %s on %s (%s, seed %llu): %d samples over %.2f h in %.2f s (%.3f s per simulated hour)\n",
                args->scenario.c_str(), args->gem.c_str(),
                scenario.mode == plant::ReactorMode::chemostat ? "chemostat" : "fed-batch",
                static_cast<unsigned long long>(scenario.seed), s.samples, s.simulated_h, s.wall_seconds,
                s.simulated_h > 0.0 ? s.wall_seconds / s.simulated_h : 0.0);
    std::printf("final: X %.4g gDW/L, glucose %.4g mmol/L, acetate %.4g mmol/L, V %.4g L; mean growth %.4g 1/h\n",
                x.biomass_gdw_per_l, x.glucose_mmol_per_l, x.acetate_mmol_per_l, x.volume_l, s.mean_growth_per_h);
    std::printf("samples with faults: %d; maintenance-limited (no growth): %d\n", s.samples_with_faults,
                s.maintenance_limited_samples);
    std::printf("wrote %s/signals.csv and %s/truth.csv\n", args->out_dir.c_str(), args->out_dir.c_str());
  });
}

}  // namespace minn::cli
