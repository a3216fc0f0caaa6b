// minnc: the host tool. Every error reaches the user as one clear line and a non-zero exit.
#include <cstdio>
#include <exception>
#include <new>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/version.hpp"

int main(int argc, char** argv) {
  CLI::App app{"minnc " MINN_VERSION_STRING
               ": train Metabolic-Informed Neural Networks and compile them to static-memory firmware"};
  app.require_subcommand(1);
  app.set_version_flag("--version", MINN_VERSION_STRING);
  app.add_flag("-q,--quiet", minn::cli::quiet_flag(),
               "no progress and no informational lines (results, warnings and errors are still printed)");
  app.fallthrough();  // subcommands inherit it: `minnc cv ... -q` reaches the flag above
  app.footer(
      "Exit codes: 0 success; 1 error in the inputs or the run (one line on stderr naming the file or element and "
      "what was expected); 2 command-line usage error; 3 internal error (a bug in minnc).\n"
      "Results go to stdout (--json where a command prints results), warnings and errors to stderr; progress is "
      "drawn only on a terminal.");
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
    const int code = app.exit(e);  // prints help, the version or the usage error
    return code == 0 ? minn::cli::kExitOk : minn::cli::kExitUsage;
  } catch (const minn::Error& e) {
    std::fprintf(stderr, "minnc: error: %s\n", e.what());
    return minn::cli::kExitError;
  } catch (const std::bad_alloc&) {
    std::fprintf(stderr, "minnc: error: out of memory\n");
    return minn::cli::kExitError;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "minnc: internal error: %s\n", e.what());
    return minn::cli::kExitInternal;
  }
  return minn::cli::kExitOk;
}
