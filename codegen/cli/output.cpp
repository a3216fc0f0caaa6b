#include "cli/output.hpp"

#include <unistd.h>

namespace minn::cli {

bool& quiet_flag() {
  static bool quiet = false;
  return quiet;
}

bool show_progress(int file_descriptor) { return !quiet() && isatty(file_descriptor) != 0; }

}  // namespace minn::cli
