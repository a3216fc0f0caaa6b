#include "cli/commands.hpp"

namespace minn::cli {

void add_train_commands(CLI::App& /*app*/) {}

}  // namespace minn::cli
