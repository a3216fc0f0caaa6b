// Benchmark (not a test): loading iAF1260.xml.gz with minn::read_sbml vs COBRApy's
// cobra.io.read_sbml_model, side by side in one run. Prints milliseconds (median of several loads)
// and the speed-up; writes JSON (default bench_sbml_load.json, or the first argument).
//   build-<name>/tests/bench/bench_sbml_load [out.json]
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"

namespace {

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

double cpu_ms() { return 1000.0 * static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

// Wall-clock ms per load; `cpu` gets process CPU ms per load (less sensitive to a busy machine).
std::vector<double> time_minn(const std::string& path, int repeats, std::size_t& reactions,
                              std::vector<double>& cpu) {
  std::vector<double> ms;
  cpu.clear();
  for (int i = 0; i < repeats; ++i) {
    const double cpu_start = cpu_ms();
    const auto start = std::chrono::steady_clock::now();
    const minn::Gem gem = minn::read_sbml(path);
    const auto stop = std::chrono::steady_clock::now();
    cpu.push_back(cpu_ms() - cpu_start);
    reactions = gem.reactions.size();
    ms.push_back(std::chrono::duration<double, std::milli>(stop - start).count());
  }
  return ms;
}

// Runs COBRApy in a child Python that times only read_sbml_model (not interpreter start-up or the
// import), and prints one line "RESULT wall_ms... cpu_ms... reactions".
bool time_cobrapy(const std::string& python, const std::string& path, int repeats, std::vector<double>& ms,
                  std::vector<double>& cpu, std::size_t& reactions) {
  const std::string script =
      "import time, logging, sys\n"
      "import cobra\n"
      "logging.getLogger('cobra').setLevel(logging.ERROR)\n"
      "out = []\n"
      "cpu = []\n"
      "for _ in range(" + std::to_string(repeats) + "):\n"
      "    t = time.perf_counter()\n"
      "    c = time.process_time()\n"
      "    m = cobra.io.read_sbml_model(sys.argv[1])\n"
      "    cpu.append((time.process_time() - c) * 1000.0)\n"
      "    out.append((time.perf_counter() - t) * 1000.0)\n"
      "print('RESULT', ' '.join('%.3f' % x for x in out + cpu), len(m.reactions))\n";
  const std::string command = python + " -c \"" + script + "\" '" + path + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return false;
  // The LP back end COBRApy builds prints to stdout too ("Scaling..."): read only the RESULT line.
  std::vector<double> values;
  char line[4096];
  while (std::fgets(line, sizeof line, pipe) != nullptr) {
    if (std::string(line).rfind("RESULT ", 0) != 0) continue;
    char* cursor = line + 7;
    char* end = nullptr;
    for (double v = std::strtod(cursor, &end); end != cursor; v = std::strtod(cursor, &end)) {
      values.push_back(v);
      cursor = end;
    }
  }
  const int status = pclose(pipe);
  const std::size_t n = static_cast<std::size_t>(repeats);
  if (status != 0 || values.size() != 2 * n + 1) return false;
  reactions = static_cast<std::size_t>(values.back());
  ms.assign(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(n));
  cpu.assign(values.begin() + static_cast<std::ptrdiff_t>(n), values.end() - 1);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string out_path = argc > 1 ? argv[1] : "bench_sbml_load.json";
  const std::string gem_path = std::string(MINN_MODELS_DIR) + "/gems/iAF1260.xml.gz";
  const int minn_repeats = 9;
  const int cobra_repeats = 3;

  std::size_t minn_reactions = 0;
  std::vector<double> minn_cpu;
  time_minn(gem_path, 1, minn_reactions, minn_cpu);  // warm the page cache
  const std::vector<double> minn_ms = time_minn(gem_path, minn_repeats, minn_reactions, minn_cpu);
  const double minn_median = median(minn_ms);
  const double minn_cpu_median = median(minn_cpu);
  std::printf("minn read_sbml(iAF1260.xml.gz): %.2f ms (median of %d; min %.2f, max %.2f), %zu reactions\n",
              minn_median, minn_repeats, *std::min_element(minn_ms.begin(), minn_ms.end()),
              *std::max_element(minn_ms.begin(), minn_ms.end()), minn_reactions);
  std::printf("  CPU time: %.2f ms (median)\n", minn_cpu_median);

  // `python3` first (as the README says); Debian's python3-cobra lives under /usr/bin/python3 when a
  // different interpreter shadows it on PATH.
  std::vector<double> cobra_ms;
  std::vector<double> cobra_cpu;
  std::size_t cobra_reactions = 0;
  std::string python_used;
  for (const char* python : {"python3", "/usr/bin/python3"}) {
    if (time_cobrapy(python, gem_path, cobra_repeats, cobra_ms, cobra_cpu, cobra_reactions)) {
      python_used = python;
      break;
    }
  }
  double cobra_median = 0.0;
  double cobra_cpu_median = 0.0;
  double ratio = 0.0;
  double cpu_ratio = 0.0;
  if (python_used.empty()) {
    std::printf("COBRApy: not available (python3 -c 'import cobra' failed); no ratio\n");
  } else {
    cobra_median = median(cobra_ms);
    cobra_cpu_median = median(cobra_cpu);
    ratio = cobra_median / minn_median;
    cpu_ratio = cobra_cpu_median / minn_cpu_median;
    std::printf("COBRApy read_sbml_model (%s): %.2f ms (median of %d), %zu reactions\n", python_used.c_str(),
                cobra_median, cobra_repeats, cobra_reactions);
    std::printf("  CPU time: %.2f ms (median)\n", cobra_cpu_median);
    std::printf("speed-up minn / COBRApy: %.1fx wall clock, %.1fx CPU time (goal >= 10x)\n", ratio, cpu_ratio);
  }

  FILE* json = std::fopen(out_path.c_str(), "w");
  if (json == nullptr) {
    std::fprintf(stderr, "bench_sbml_load: cannot write %s\n", out_path.c_str());
    return 1;
  }
  std::fprintf(json, "{\n  \"benchmark\": \"sbml_load\",\n  \"file\": \"models/gems/iAF1260.xml.gz\",\n");
  std::fprintf(json, "  \"minn_ms_median\": %.3f,\n  \"minn_repeats\": %d,\n  \"minn_ms\": [", minn_median,
               minn_repeats);
  for (std::size_t i = 0; i < minn_ms.size(); ++i) std::fprintf(json, "%s%.3f", i ? ", " : "", minn_ms[i]);
  std::fprintf(json, "],\n  \"minn_cpu_ms_median\": %.3f,\n  \"reactions\": %zu,\n", minn_cpu_median,
               minn_reactions);
  if (python_used.empty()) {
    std::fprintf(json, "  \"cobrapy_available\": false\n}\n");
  } else {
    std::fprintf(json, "  \"cobrapy_available\": true,\n  \"cobrapy_ms_median\": %.3f,\n  \"cobrapy_repeats\": %d,\n",
                 cobra_median, cobra_repeats);
    std::fprintf(json, "  \"cobrapy_cpu_ms_median\": %.3f,\n  \"cobrapy_reactions\": %zu,\n", cobra_cpu_median,
                 cobra_reactions);
    std::fprintf(json, "  \"speedup\": %.2f,\n  \"speedup_cpu\": %.2f\n}\n", ratio, cpu_ratio);
  }
  std::fclose(json);
  std::printf("wrote %s\n", out_path.c_str());
  return 0;
}
