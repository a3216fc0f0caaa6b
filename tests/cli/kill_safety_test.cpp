// SIGKILL at random moments of `minnc train`, `reduce`, `compile` and `cv`: every output file is
// afterwards either absent or complete (byte-identical to an uninterrupted run); the only other
// file allowed is a "<output>.tmp" temporary, which the next run replaces. `cv` then resumes
// from its checkpoint to results byte-identical to the uninterrupted run. Kill times come from a
// fixed seed: half anywhere in the run, half near its end, where the files are written.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "killed_run.hpp"

namespace minn::test {
namespace {

namespace fs = std::filesystem;
using Snapshot = std::map<std::string, std::string>;  // file name -> bytes

const std::string kModels = MINN_MODELS_DIR;

Snapshot snapshot(const fs::path& dir) {
  Snapshot files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    files[entry.path().filename().string()] =
        std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  return files;
}

fs::path fresh_dir(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("minn_kill_" + name + "_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

// After a kill: each file is a complete output or the temporary of one.
void expect_no_partial_output(const Snapshot& after, const Snapshot& complete, const std::string& when) {
  for (const auto& [name, bytes] : after) {
    const auto it = complete.find(name);
    if (it != complete.end()) {
      EXPECT_TRUE(bytes == it->second) << name << " is partial or different " << when;
      continue;
    }
    const bool temporary = name.size() > 4 && name.compare(name.size() - 4, 4, ".tmp") == 0 &&
                           complete.count(name.substr(0, name.size() - 4)) == 1;
    EXPECT_TRUE(temporary) << "unexpected file " << name << " " << when;
  }
}

// Kill times in seconds, from a fixed seed: even draws anywhere in the run, odd ones in its last
// 15 % (and a little beyond), where the files are written. The run time is an estimate that
// shrinks to the shortest run seen, so a loaded machine (a slow reference run) or a resumed cv
// (shorter each time) still gets killed mid-run.
class KillClock {
 public:
  KillClock(double full_run, unsigned seed) : estimate_(full_run), engine_(seed) {}
  double next() {
    const bool late = draws_++ % 2 == 1;
    std::uniform_real_distribution<double> d(late ? 0.85 * estimate_ : 0.0, late ? 1.05 * estimate_ : estimate_);
    return d(engine_);
  }
  void finished_in(double seconds) { estimate_ = std::min(estimate_, seconds); }

 private:
  double estimate_;
  std::mt19937 engine_;
  int draws_ = 0;
};

// Runs killed at `clock` moments until `kills` of them were killed (at most 5 tries each);
// `check` inspects the directory after every run.
template <typename Check>
void kill_repeatedly(const std::vector<std::string>& args, KillClock& clock, int kills, Check check) {
  int killed = 0;
  for (int attempt = 0; killed < kills && attempt < 5 * kills; ++attempt) {
    const double t = clock.next();
    const RunOutcome r = run_minnc(args, t);
    if (r.killed) {
      ++killed;
    } else {
      EXPECT_EQ(r.exit_status, 0) << "a run that was not killed failed";
      clock.finished_in(r.elapsed.count());
    }
    check(t);
  }
  EXPECT_EQ(killed, kills) << "too few runs were killed mid-run to prove anything";
}

// Runs `args` to completion in `dir`, then `kills` times from scratch killed at random moments.
void check_command(const std::string& name, const std::vector<std::string>& args, const fs::path& dir,
                   int kills, unsigned seed) {
  const RunOutcome full = run_minnc(args);
  ASSERT_EQ(full.exit_status, 0) << name << " failed uninterrupted";
  const Snapshot complete = snapshot(dir);
  ASSERT_FALSE(complete.empty()) << name << " wrote nothing";
  fs::remove_all(dir);
  fs::create_directories(dir);
  KillClock clock(full.elapsed.count(), seed);
  kill_repeatedly(args, clock, kills, [&](double t) {
    expect_no_partial_output(snapshot(dir), complete, "after killing " + name + " at " + std::to_string(t) + " s");
    fs::remove_all(dir);
    fs::create_directories(dir);
  });
}

TEST(KillSafety, Train) {
  const fs::path dir = fresh_dir("train");
  check_command("train",
                {"train", "--gem", kModels + "/gems/e_coli_core.xml.gz", "--data", kModels + "/ishii", "--epochs",
                 "20", "--seed", "4", "-o", (dir / "model.minn").string()},
                dir, 6, 1);
  fs::remove_all(dir);
}

TEST(KillSafety, Reduce) {
  const fs::path dir = fresh_dir("reduce");
  check_command("reduce",
                {"reduce", "fva", kModels + "/gems/e_coli_core.xml.gz", "-o", (dir / "reduced.xml").string()}, dir,
                6, 2);
  fs::remove_all(dir);
}

TEST(KillSafety, Compile) {
  const fs::path dir = fresh_dir("compile");
  check_command("compile", {"compile", kModels + "/e_coli_core.minn", "--name", "killed", "--out", dir.string()},
                dir, 6, 3);
  fs::remove_all(dir);
}

// cv: killed repeatedly without cleaning up, each run resuming from the checkpoint the last one
// left; then run to the end, giving the uninterrupted run's files byte for byte.
TEST(KillSafety, CvResumesToIdenticalResults) {
  const fs::path dir = fresh_dir("cv");
  const std::vector<std::string> args = {
      "cv", "--gem", kModels + "/gems/e_coli_core.xml.gz", "--data", kModels + "/ishii", "--trials", "1",
      "--folds", "2", "--epochs", "2", "--threads", "2", "--seed", "7", "--holdout", "glk", "--holdout", "tktA",
      "--holdout", "pgi", "--checkpoint", (dir / "cv.ckpt").string(), "-o", dir.string()};
  const RunOutcome full = run_minnc(args);
  ASSERT_EQ(full.exit_status, 0) << "cv failed uninterrupted";
  const Snapshot complete = snapshot(dir);
  ASSERT_EQ(complete.size(), 4u) << "predictions, metrics, table and checkpoint";
  Snapshot complete_results = complete;

  fs::remove_all(dir);
  fs::create_directories(dir);
  // The checkpoint grows between kills; the result files are absent or final.
  Snapshot results = complete;
  results.erase("cv.ckpt");
  KillClock clock(full.elapsed.count(), 4);
  kill_repeatedly(args, clock, 6, [&](double t) {
    Snapshot seen = snapshot(dir);
    seen.erase("cv.ckpt");
    seen.erase("cv.ckpt.tmp");
    expect_no_partial_output(seen, results, "after killing cv at " + std::to_string(t) + " s");
  });
  const RunOutcome resumed = run_minnc(args);
  ASSERT_EQ(resumed.exit_status, 0) << "cv did not resume";
  // The results byte for byte. (The checkpoint lists the outer splits in the order they finished,
  // which with 2 threads may differ between any two runs; the results do not depend on it.)
  Snapshot final_files = snapshot(dir);
  for (Snapshot* files : {&final_files, &complete_results})
    for (const char* name : {"cv.ckpt", "cv.ckpt.tmp"}) files->erase(name);
  EXPECT_FALSE(final_files.empty());
  EXPECT_TRUE(final_files == complete_results) << "the resumed cv differs from the uninterrupted one";
  fs::remove_all(dir);
}

}  // namespace
}  // namespace minn::test
