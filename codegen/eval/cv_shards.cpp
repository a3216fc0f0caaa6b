#include "eval/cv_shards.hpp"

#include <filesystem>

#include "common/error.hpp"
#include "eval/checkpoint.hpp"

namespace minn::eval {

OuterShard parse_outer_shard(const std::string& text) {
  const auto slash = text.find('/');
  OuterShard s;
  std::size_t used_k = 0, used_n = 0;
  try {
    if (slash != std::string::npos) {
      s.index = std::stoi(text.substr(0, slash), &used_k);
      s.count = std::stoi(text.substr(slash + 1), &used_n);
    }
  } catch (const std::exception&) {
    used_k = used_n = 0;
  }
  if (slash == std::string::npos || used_k != slash || used_n != text.size() - slash - 1 || s.count < 1 ||
      s.index < 1 || s.index > s.count)
    throw Error("--outer-shard '" + text + "': expected K/N with 1 <= K <= N (e.g. 2/3, or $SLURM_ARRAY_TASK_ID/N)");
  return s;
}

std::vector<int> shard_outer_splits(const std::vector<int>& outer, OuterShard shard) {
  std::vector<int> mine;
  for (std::size_t i = static_cast<std::size_t>(shard.index - 1); i < outer.size();
       i += static_cast<std::size_t>(shard.count))
    mine.push_back(outer[i]);
  return mine;
}

std::string shard_checkpoint_path(const std::string& dir, const std::string& stem, OuterShard shard) {
  return (std::filesystem::path(dir) /
          (stem + ".shard-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count) + ".ckpt"))
      .string();
}

std::map<int, OuterResult> merge_shard_checkpoints(const std::vector<std::string>& paths, const std::string& signature,
                                                   int reactions, const std::vector<int>& outer,
                                                   const std::vector<std::string>& experiment_names) {
  std::map<int, OuterResult> merged;
  std::map<int, std::string> source;
  for (const std::string& path : paths) {
    if (!std::filesystem::is_regular_file(path))
      throw Error(path + ": shard file missing (run `minnc cv` with the same options and the matching "
                  "--outer-shard first)");
    for (auto& [experiment, result] : read_checkpoint(path, signature, reactions)) {
      if (merged.count(experiment))
        throw Error(path + ": outer split '" + experiment_names.at(static_cast<std::size_t>(experiment)) +
                    "' is also in " + source[experiment] + " (shards of different --outer-shard counts?)");
      merged[experiment] = std::move(result);
      source[experiment] = path;
    }
  }
  for (int e : outer)
    if (!merged.count(e))
      throw Error("cv merge: outer split '" + experiment_names.at(static_cast<std::size_t>(e)) +
                  "' is in none of the " + std::to_string(paths.size()) +
                  " shard files (a shard stopped early? rerun it; it resumes from its file)");
  return merged;
}

}  // namespace minn::eval
