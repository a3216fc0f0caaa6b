// `minnc cv --outer-shard K/N` + `minnc cv merge --shards N` against one unsharded run: three shard
// processes run at once, the merge writes the same three files byte for byte. Tiny budget (2 trials,
// 2 folds, 2 epochs, 5 held-out experiments), so seconds.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "cli_run.hpp"

namespace {

using minn::test::minnc;
using minn::test::read_file;

const std::string kArgs = std::string("cv --gem ") + MINN_MODELS_DIR + "/gems/e_coli_core.xml.gz --data " +
                          MINN_MODELS_DIR +
                          "/ishii --variant c-balanced --trials 2 --folds 2 --epochs 2 --threads 1 --seed 3 "
                          "--holdout glk --holdout tktA --holdout pgi --holdout REF --holdout zwf";

std::string fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  return dir.string();
}

TEST(CvShards, ThreeShardProcessesMergeToTheUnshardedFilesByteForByte) {
  const std::string single = fresh_dir("minn_cv_shards_single"), sharded = fresh_dir("minn_cv_shards_sharded");
  const auto whole = minnc(kArgs + " -o " + single);
  ASSERT_EQ(whole.status, 0) << whole.output;

  // Three separate processes at the same time, as a job array would run them.
  std::vector<FILE*> shards;
  for (int k = 1; k <= 3; ++k)
    shards.push_back(popen((std::string(MINNC_PATH) + " " + kArgs + " --outer-shard " + std::to_string(k) +
                            "/3 -o " + sharded + " 2>&1")
                               .c_str(),
                           "r"));
  for (int k = 0; k < 3; ++k) {
    ASSERT_NE(shards[k], nullptr);
    std::string out;
    char buffer[512];
    while (std::fgets(buffer, sizeof buffer, shards[k])) out += buffer;
    EXPECT_EQ(pclose(shards[k]), 0) << out;
    // Round robin over the 5 held-out experiments: 2, 2 and 1 outer splits.
    EXPECT_NE(out.find("shard " + std::to_string(k + 1) + "/3: " + (k < 2 ? "2" : "1") + " outer splits"),
              std::string::npos)
        << out;
  }
  const std::string stem = "e_coli_core-c-balanced-seed3";
  EXPECT_FALSE(std::filesystem::exists(sharded + "/" + stem + ".metrics.json"));  // shards score nothing

  const auto merged = minnc(kArgs + " -o " + sharded + " merge --shards 3");
  ASSERT_EQ(merged.status, 0) << merged.output;
  EXPECT_NE(merged.output.find("merged 5 outer splits from 3 shard files"), std::string::npos) << merged.output;
  for (const char* ext : {".predictions.csv", ".metrics.json", ".md"}) {
    const std::string a = read_file(single + "/" + stem + ext), b = read_file(sharded + "/" + stem + ext);
    EXPECT_FALSE(a.empty()) << ext;
    EXPECT_TRUE(a == b) << ext << " differs between the single run and the merged shards";
  }
}

TEST(CvShards, MissingShardAndBadShardAreClearErrors) {
  const std::string dir = fresh_dir("minn_cv_shards_missing");
  const auto one = minnc(kArgs + " --outer-shard 1/2 -o " + dir);
  ASSERT_EQ(one.status, 0) << one.output;
  const auto merged = minnc(kArgs + " -o " + dir + " merge --shards 2");
  EXPECT_EQ(merged.status, 1);
  EXPECT_NE(merged.output.find("e_coli_core-c-balanced-seed3.shard-2-of-2.ckpt: shard file missing"),
            std::string::npos)
      << merged.output;

  const auto bad = minnc(kArgs + " --outer-shard 4/3 -o " + dir);
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.output.find("--outer-shard '4/3': expected K/N with 1 <= K <= N"), std::string::npos) << bad.output;

  const auto baseline = minnc(std::string("cv --gem ") + MINN_MODELS_DIR + "/gems/e_coli_core.xml.gz --data " +
                              MINN_MODELS_DIR + "/ishii --variant mean-profile --outer-shard 1/2 -o " + dir);
  EXPECT_EQ(baseline.status, 1);
  EXPECT_NE(baseline.output.find("trains nothing"), std::string::npos) << baseline.output;
}

}  // namespace
