// bench_fva: FVA of iAF1260 (fraction 0 and 1, every reaction) with minn (CLP, two fixed halves on
// two threads when the machine has two cores) next to COBRApy + GLPK (its default process count)
// in the same run. Prints seconds, ratios and the largest |difference| of the bounds; writes JSON.
//   bench_fva [out.json] [--no-cobra]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "lp/fva.hpp"
#include "lp/json_writer.hpp"
#include "sbml/sbml_reader.hpp"

namespace {

struct CobraRun {
  bool ok = false;
  double seconds = 0.0;
  std::vector<double> minimum, maximum;
};

// COBRApy in a child Python; times only flux_variability_analysis (not start-up, import or load).
// Output: "RESULT seconds" then one "min max" line per reaction in model order.
CobraRun time_cobrapy(const std::string& python, const std::string& path, double fraction) {
  const std::string script =
      "import time, sys, logging\n"
      "import cobra\n"
      "from cobra.flux_analysis import flux_variability_analysis\n"
      "logging.getLogger('cobra').setLevel(logging.ERROR)\n"
      "m = cobra.io.read_sbml_model(sys.argv[1])\n"
      "m.solver = 'glpk'\n"
      "t = time.perf_counter()\n"
      "r = flux_variability_analysis(m, fraction_of_optimum=float(sys.argv[2]))\n"
      "print('RESULT %.6f' % (time.perf_counter() - t))\n"
      "for x in m.reactions: print('ROW %r %r' % (float(r.at[x.id, 'minimum']), float(r.at[x.id, 'maximum'])))\n";
  const std::string command =
      python + " -c \"" + script + "\" '" + path + "' " + std::to_string(fraction) + " 2>/dev/null";
  CobraRun run;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return run;
  char line[512];
  while (std::fgets(line, sizeof line, pipe) != nullptr) {
    const std::string s(line);
    if (s.rfind("RESULT ", 0) == 0) run.seconds = std::strtod(line + 7, nullptr);
    if (s.rfind("ROW ", 0) == 0) {
      char* end = nullptr;
      run.minimum.push_back(std::strtod(line + 4, &end));
      run.maximum.push_back(std::strtod(end, nullptr));
    }
  }
  run.ok = pclose(pipe) == 0 && run.seconds > 0.0;
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  std::string out_path = "bench_fva.json";
  bool cobra = true;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--no-cobra") {
      cobra = false;
    } else {
      out_path = a;
    }
  }
  const std::string gem_path = std::string(MINN_MODELS_DIR) + "/gems/iAF1260.xml.gz";
  const minn::Gem gem = minn::read_sbml(gem_path);
  std::string runs = "[";
  for (double fraction : {0.0, 1.0}) {
    minn::FvaOptions o;
    o.fraction_of_optimum = fraction;
    const auto t0 = std::chrono::steady_clock::now();
    const minn::FvaResult r = minn::fva(gem, o);
    const double minn_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    std::printf("iAF1260 FVA fraction %g: minn %.3f s (%lld LP solves, %d reactions structurally zero)\n", fraction,
                minn_s, r.lp_solves, r.structurally_zero);
    minn::json::Object run;
    run.add("fraction_of_optimum", minn::json::number(fraction))
        .add("reactions", minn::json::number(static_cast<long long>(r.reactions.size())))
        .add("minn_seconds", minn::json::number(minn_s))
        .add("minn_lp_solves", minn::json::number(r.lp_solves));
    CobraRun c;
    if (cobra) {
      for (const char* python : {"/usr/bin/python3", "python3"}) {
        c = time_cobrapy(python, gem_path, fraction);
        if (c.ok) break;
      }
    }
    if (c.ok && c.minimum.size() == r.reactions.size()) {
      double worst = 0.0;
      std::size_t at = 0;
      for (std::size_t k = 0; k < r.reactions.size(); ++k) {
        const double d = std::max(std::fabs(r.minimum[k] - c.minimum[k]), std::fabs(r.maximum[k] - c.maximum[k]));
        if (d > worst) {
          worst = d;
          at = k;
        }
      }
      std::printf("  COBRApy+GLPK %.3f s; minn is %.1fx faster; max |bound difference| %.3g (%s: minn [%.10g, %.10g],"
                  " COBRApy [%.10g, %.10g])\n",
                  c.seconds, c.seconds / minn_s, worst, gem.reactions[r.reactions[at]].id.c_str(), r.minimum[at],
                  r.maximum[at], c.minimum[at], c.maximum[at]);
      run.add("cobrapy_seconds", minn::json::number(c.seconds))
          .add("speedup", minn::json::number(c.seconds / minn_s))
          .add("max_abs_difference", minn::json::number(worst));
    } else {
      std::printf("  COBRApy: %s; no ratio\n", cobra ? "not available or failed" : "skipped (--no-cobra)");
    }
    runs += std::string(runs.size() > 1 ? ", " : "") + run.str();
  }
  runs += "]";
  minn::json::Object doc;
  doc.add("benchmark", minn::json::quote("bench_fva")).add("model", minn::json::quote("iAF1260")).add("runs", runs);
  std::ofstream(out_path) << doc.str() << "\n";
  std::printf("-> %s\n", out_path.c_str());
  return 0;
}
