// The resumable record of a cross-validation run: a signature line naming the inputs and
// settings, then one line per completed outer split (doubles as C99 hex floats, so a resumed
// run reproduces the uninterrupted one bit for bit). A line is appended and flushed as soon as
// its outer split finishes; a last line cut short by an interruption is ignored.
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
};

}  // namespace minn::eval
