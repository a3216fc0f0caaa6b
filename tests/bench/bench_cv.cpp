// Benchmark (not a test): wall time of the paper's nested cross-validation of MINN-c-balanced
// (25 trials x 5 folds + 1 retraining per outer split, 100 epochs) per GEM, measured in one run.
// The full protocol holds out all 29 experiments; `--outer k` times the first k outer splits and
// extrapolates to 29 (every outer split trains the same number of networks on 28 rows, so the
// cost per split is the same up to noise; the one-off GEM reduction is counted in each, so with
// k < 29 the estimate errs high by about (29/k - 1) x the reduction; on iAF1260 the FBA one takes 40 s).
// Prints the numbers and writes a JSON file.
// Usage: bench_cv [out.json] [--outer k] [--threads n] [--trials t] [--folds f] [--epochs e]
//                 [--gems e_coli_core,iAF1260-fva,iAF1260-fba,iAF1260] [--precision f64|f32]
//                 [--sampler random|tpe]
//                 [--clip-inputs]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "eval/cv_job.hpp"
#include "eval/work_queue.hpp"

namespace {

struct Row {
  std::string gem;
  int reactions = 0, outer = 0, trainings = 0;
  double seconds = 0, full_protocol_seconds = 0, ne = 0;
};

const char* kExperiments[] = {"REF",  "WT_0.1h-1", "WT_0.4h-1", "WT_0.5h-1", "WT_0.7h-1", "galM", "glk", "pgm",
                              "pgi",  "pfkA",      "pfkB",      "fbp",       "fbaB",      "gapC", "gpmA", "gpmB",
                              "pykA", "pykF",      "ppsA",      "zwf",       "pgl",       "gnd",  "rpe",  "rpiA",
                              "rpiB", "tktA",      "tktB",      "talA",      "talB"};

}  // namespace

int main(int argc, char** argv) {
  std::string out = "bench_cv.json", gems = "e_coli_core,iAF1260-fva", precision = "f64", sampler = "random";
  bool clip_inputs = false;
  int outer = 1, threads = minn::eval::hardware_threads(), trials = 25, folds = 5, epochs = 100;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--outer") outer = std::atoi(next().c_str());
    else if (a == "--threads") threads = std::atoi(next().c_str());
    else if (a == "--trials") trials = std::atoi(next().c_str());
    else if (a == "--folds") folds = std::atoi(next().c_str());
    else if (a == "--epochs") epochs = std::atoi(next().c_str());
    else if (a == "--gems") gems = next();
    else if (a == "--precision") precision = next();
    else if (a == "--sampler") sampler = next();
    else if (a == "--clip-inputs") clip_inputs = true;
    else out = a;
  }
  if (outer < 1 || outer > 29) {
    std::fprintf(stderr, "--outer must be in [1, 29]\n");
    return 1;
  }
  std::vector<Row> rows;
  std::stringstream list(gems);
  std::string gem;
  while (std::getline(list, gem, ',')) {
    minn::eval::CvJob job;
    const std::string file = gem.substr(0, gem.find('-'));
    job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/" + file + ".xml.gz";
    job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
    const auto dash = gem.find('-');
    job.reduce = dash == std::string::npos ? "none" : gem.substr(dash + 1);  // iAF1260-fva -> fva
    job.trials = trials;
    job.folds = folds;
    job.epochs = epochs;
    job.threads = threads;
    job.seed = 0;
    job.precision = precision;
    job.sampler = sampler;
    job.clip_inputs = clip_inputs;
    for (int k = 0; k < outer; ++k) job.holdout.push_back(kExperiments[k]);
    const auto start = std::chrono::steady_clock::now();
    const minn::eval::CvJobResult r = minn::eval::run_cv_job(job);
    Row row;
    row.gem = gem;
    row.reactions = r.reactions;
    row.outer = outer;
    row.trainings = outer * (r.trials * folds + 1);
    row.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    row.full_protocol_seconds = row.seconds / outer * 29;
    row.ne = r.scores.flux.mean.ne;
    std::printf("%-12s %5d split reactions: %d outer split(s), %d trainings (%s, %s) in %.1f s on %d threads; "
                "full protocol (29 outer) %.1f min; held-out NE %.3f\n",
                gem.c_str(), row.reactions, outer, row.trainings, precision.c_str(), sampler.c_str(), row.seconds, threads,
                row.full_protocol_seconds / 60, row.ne);
    std::fflush(stdout);
    rows.push_back(row);
  }
  if (rows.size() >= 2)
    std::printf("%s / %s wall-time ratio: %.2f\n", rows[1].gem.c_str(), rows[0].gem.c_str(),
                rows[1].seconds / rows[0].seconds);
  std::ofstream json(out);
  json << "{\"threads\": " << threads << ", \"trials\": " << trials << ", \"folds\": " << folds
       << ", \"epochs\": " << epochs << ", \"precision\": \"" << precision << "\", \"sampler\": \"" << sampler
       << "\", \"clip_inputs\": " << (clip_inputs ? "true" : "false") << ", \"gems\": [";
  for (std::size_t i = 0; i < rows.size(); ++i)
    json << (i ? ", " : "") << "{\"gem\": \"" << rows[i].gem << "\", \"reactions\": " << rows[i].reactions
         << ", \"outer_splits\": " << rows[i].outer << ", \"trainings\": " << rows[i].trainings
         << ", \"seconds\": " << rows[i].seconds << ", \"full_protocol_seconds\": " << rows[i].full_protocol_seconds
         << "}";
  json << "]}\n";
  std::printf("wrote %s\n", out.c_str());
  return 0;
}
