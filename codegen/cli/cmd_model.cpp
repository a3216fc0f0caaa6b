#include "cli/commands.hpp"

namespace minn::cli {

void add_model_commands(CLI::App& /*app*/) {}

}  // namespace minn::cli
