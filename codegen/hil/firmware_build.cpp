#include "hil/firmware_build.hpp"

#include <cstdlib>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/sha256.hpp"
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

// CMake reads a toolchain file's *_FLAGS_INIT only on the first configure of a build directory, so
// a reused directory would keep stale CPU flags. Hash what decides the flags and start the
// directory afresh when it changed.
std::string configuration_stamp(const fs::path& source_dir, const std::string& board) {
  std::vector<fs::path> files = {source_dir / "targets" / board / "board.cmake",
                                 source_dir / "targets" / "firmware" / "CMakeLists.txt"};
  for (const auto& entry : fs::directory_iterator(source_dir / "toolchains"))
    if (entry.path().extension() == ".cmake") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  std::string text;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream content;
    content << in.rdbuf();
    text += f.filename().string() + "\n" + content.str();
  }
  return sha256_hex(text.data(), text.size());
}

void refresh_if_configuration_changed(const FirmwareRequest& request) {
  const fs::path stamp_path = fs::path(request.build_dir) / "minn_configuration.sha256";
  const std::string stamp = configuration_stamp(request.source_dir, request.board);
  std::ifstream old_in(stamp_path);
  std::string old;
  old_in >> old;
  if (old != stamp) {
    fs::remove(fs::path(request.build_dir) / "CMakeCache.txt");
    fs::remove_all(fs::path(request.build_dir) / "CMakeFiles");
  }
  fs::create_directories(request.build_dir);
  replace_file_bytes(stamp_path.string(), stamp + "\n");
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
  refresh_if_configuration_changed(request);
  std::vector<std::string> configure = {
      "cmake", "-S", (targets / "firmware").string(), "-B", request.build_dir, "-G", "Ninja",
      "-DCMAKE_BUILD_TYPE=Release", "-DMINN_BOARD=" + request.board,
      "-DMINN_MODEL_DIR=" + fs::absolute(request.model_dir).string(), "-DMINN_MODEL_NAME=" + request.model_name,
      "-DMINN_LIB_DIR=" + (fs::path(request.source_dir) / "lib").string(), "-DMINN_HIL_OPT=" + request.opt,
      "-DMINN_HIL_HARNESS=" + request.harness};
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
