#include "cli/commands.hpp"

namespace minn::cli {

void add_hil_commands(CLI::App& /*app*/) {}

}  // namespace minn::cli
