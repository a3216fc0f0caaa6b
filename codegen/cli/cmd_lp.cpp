#include "cli/commands.hpp"

namespace minn::cli {

void add_lp_commands(CLI::App& /*app*/) {}

}  // namespace minn::cli
