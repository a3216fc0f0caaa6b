#include "cli/commands.hpp"

namespace minn::cli {

void add_gem_commands(CLI::App& /*app*/) {}

}  // namespace minn::cli
