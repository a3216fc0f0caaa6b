// Each pipeline stage adds its own `minnc` subcommands; main.cpp calls these in order.
#pragma once
#include <CLI/CLI.hpp>

namespace minn::cli {

void add_gem_commands(CLI::App& app);      // gem info, gem split            (cmd_gem.cpp)
void add_lp_commands(CLI::App& app);       // fba, pfba, fva, reduce, fit    (cmd_lp.cpp)
void add_train_commands(CLI::App& app);    // train                          (cmd_train.cpp)
void add_cv_commands(CLI::App& app);       // cv                             (cmd_cv.cpp)
void add_surrogate_commands(CLI::App& app);  // surrogate                   (cmd_surrogate.cpp)
void add_model_commands(CLI::App& app);    // inspect                        (cmd_model.cpp)
void add_predict_commands(CLI::App& app);  // predict                        (cmd_predict.cpp)
void add_compile_commands(CLI::App& app);  // compile                        (cmd_compile.cpp)
void add_hil_commands(CLI::App& app);      // hil                            (cmd_hil.cpp)
void add_plant_commands(CLI::App& app);    // plant                          (cmd_plant.cpp)
void add_report_commands(CLI::App& app);   // report                         (cmd_report.cpp)
void add_import_commands(CLI::App& app);   // import-torch                   (cmd_import.cpp)

}  // namespace minn::cli
