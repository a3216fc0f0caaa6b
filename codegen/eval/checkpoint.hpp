// The resumable record of a cross-validation run: a signature line naming the inputs and
// settings, then one line per completed outer split (doubles as C99 hex floats, so a resumed
// run reproduces the uninterrupted one bit for bit). The file is replaced whole (temporary +
// rename) as soon as an outer split finishes, so an interruption leaves the previous or the new
// version; a last line cut short (written by an older minnc that appended in place) is ignored.
#pragma once
#include <map>
#include <string>

#include "eval/nested_cv.hpp"

namespace minn::eval {

// Completed outer splits by held-out experiment. A missing file gives none; a file written for
// another signature, or a malformed complete line, is a minn::Error naming file and line.
std::map<int, OuterResult> read_checkpoint(const std::string& path, const std::string& signature, int reactions);

class CheckpointWriter {
 public:
  // Creates the file with the signature line when absent (or empty).
  CheckpointWriter(std::string path, const std::string& signature);
  void append(const OuterResult& result);

 private:
  std::string path_;
  std::string text_;  // the file's content so far
};

}  // namespace minn::eval
