#include "cli/commands.hpp"

namespace minn::cli {

void add_compile_commands(CLI::App& /*app*/) {}

}  // namespace minn::cli
