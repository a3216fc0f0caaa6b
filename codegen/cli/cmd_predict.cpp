#include "cli/commands.hpp"

namespace minn::cli {

void add_predict_commands(CLI::App& /*app*/) {}

}  // namespace minn::cli
