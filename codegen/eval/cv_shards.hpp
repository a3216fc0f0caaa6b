// Cluster scale for `minnc cv`: the outer leave-one-out splits are independent, so N processes (a
// scheduler's job array) can each run one shard, `--outer-shard K/N` (K = 1..N): the outer splits at
// positions K-1, K-1+N, K-1+2N, ... of the run's list. Each shard records its splits in the ordinary
// checkpoint format (eval/checkpoint.hpp: exact hex doubles), <out>/<stem>.shard-K-of-N.ckpt, which
// also makes it resumable. `minnc cv merge --shards N` reads the N files back as one fully resumed run
// and writes the same files as a single unsharded run, byte for byte.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "eval/nested_cv.hpp"

namespace minn::eval {

struct OuterShard {
  int index = 0;  // K, 1-based; 0 with count 0: not sharded
  int count = 0;  // N
};

// "K/N" with 1 <= K <= N; minn::Error naming the option otherwise.
OuterShard parse_outer_shard(const std::string& text);

// The outer splits of shard K/N: positions K-1, K-1+N, ... of `outer` (round robin, so shards of a
// leave-one-out run differ by at most one split).
std::vector<int> shard_outer_splits(const std::vector<int>& outer, OuterShard shard);

// <dir>/<stem>.shard-K-of-N.ckpt
std::string shard_checkpoint_path(const std::string& dir, const std::string& stem, OuterShard shard);

// The union of the N shard files of a run (each must exist and carry `signature`); every outer split of
// `outer` must be in exactly one of them. minn::Error naming the file or the missing experiment.
std::map<int, OuterResult> merge_shard_checkpoints(const std::vector<std::string>& paths, const std::string& signature,
                                                   int reactions, const std::vector<int>& outer,
                                                   const std::vector<std::string>& experiment_names);

}  // namespace minn::eval
