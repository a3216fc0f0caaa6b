#include "hil/firmware_build.hpp"

#include <cstdlib>
#include <filesystem>

#include "common/error.hpp"
#include "hil/process.hpp"

namespace minn::hil {
namespace {

namespace fs = std::filesystem;

constexpr double kConfigureSeconds = 120;
constexpr double kBuildSeconds = 600;

std::string tail(const std::string& text, std::size_t max_chars) {
  return text.size() <= max_chars ? text : "..." + text.substr(text.size() - max_chars);
}

void run_or_throw(const std::vector<std::string>& argv, double seconds, const std::string& what,
                  std::string* log) {
  ProcessResult r = run_process(argv, "", seconds);
  if (log != nullptr) *log = r.out + r.err;
  if (r.timed_out) throw Error(what + " timed out after " + std::to_string(static_cast<int>(seconds)) + " s: " +
                               shell_quote(argv));
  if (r.exit_code != 0)
    throw Error(what + " failed (exit " + std::to_string(r.exit_code) + "): " + shell_quote(argv) + "\n" +
                tail(r.out + r.err, 4000));
}

}  // namespace

std::string default_source_dir() {
  if (const char* env = std::getenv("MINN_SOURCE_DIR"); env != nullptr && *env != '\0') return env;
  return MINN_SOURCE_DIR;
}

Firmware build_firmware(const FirmwareRequest& request) {
  const fs::path targets = fs::path(request.source_dir) / "targets";
  if (!fs::exists(targets / request.board / "board.cmake"))
    throw Error((targets / request.board / "board.cmake").string() + ": no such board (is MINN_SOURCE_DIR right?)");
  fs::create_directories(request.build_dir);
  std::vector<std::string> configure = {
      "cmake", "-S", (targets / "firmware").string(), "-B", request.build_dir, "-G", "Ninja",
      "-DCMAKE_BUILD_TYPE=Release", "-DMINN_BOARD=" + request.board,
      "-DMINN_MODEL_DIR=" + fs::absolute(request.model_dir).string(), "-DMINN_MODEL_NAME=" + request.model_name,
      "-DMINN_LIB_DIR=" + (fs::path(request.source_dir) / "lib").string(), "-DMINN_HIL_OPT=" + request.opt};
  run_or_throw(configure, kConfigureSeconds, "configuring the " + request.board + " firmware", nullptr);
  Firmware fw;
  run_or_throw({"cmake", "--build", request.build_dir}, kBuildSeconds, "building the " + request.board + " firmware",
               &fw.link_log);
  fw.facts = read_board_facts((fs::path(request.build_dir) / "board.txt").string());
  fw.executable = fw.facts.get("executable");
  if (!fs::exists(fw.executable)) throw Error(fw.executable + ": the build reported success but wrote no executable");
  return fw;
}

}  // namespace minn::hil
