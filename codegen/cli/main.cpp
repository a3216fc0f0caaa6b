// minnc: the host tool. Every error reaches the user as one clear line and a non-zero exit.
#include <cstdio>
#include <exception>
#include <new>

#include "cli/commands.hpp"
#include "common/error.hpp"
#include "common/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"minnc " MINN_VERSION_STRING
               ": train Metabolic-Informed Neural Networks and compile them to static-memory firmware"};
  app.require_subcommand(1);
  app.set_version_flag("--version", MINN_VERSION_STRING);
  minn::cli::add_gem_commands(app);
  minn::cli::add_lp_commands(app);
  minn::cli::add_train_commands(app);
  minn::cli::add_cv_commands(app);
  minn::cli::add_surrogate_commands(app);
  minn::cli::add_model_commands(app);
  minn::cli::add_predict_commands(app);
  minn::cli::add_compile_commands(app);
  minn::cli::add_hil_commands(app);
  minn::cli::add_plant_commands(app);
  minn::cli::add_report_commands(app);
  minn::cli::add_import_commands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  } catch (const minn::Error& e) {
    std::fprintf(stderr, "minnc: error: %s\n", e.what());
    return 1;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "minnc: error: out of memory\n");
    return 1;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "minnc: internal error: %s\n", e.what());
    return 2;
  }
  return 0;
}
