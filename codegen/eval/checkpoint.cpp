#include "eval/checkpoint.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <vector>

#include "common/error.hpp"
#include "common/file_bytes.hpp"

namespace minn::eval {
namespace {

constexpr const char* kMagic = "minn-cv-checkpoint 1";

std::string hex(double v) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%a", v);
  return buffer;
}

bool read_double(std::istringstream& in, double& v) {
  std::string token;
  if (!(in >> token)) return false;
  char* end = nullptr;
  v = std::strtod(token.c_str(), &end);
  return end == token.c_str() + token.size() && !token.empty();
}

bool parse_line(const std::string& line, int reactions, OuterResult& r) {
  std::istringstream in(line);
  std::string tag;
  double hidden = 0, trials = 0, n = 0;
  if (!(in >> tag) || tag != "outer" || !(in >> r.experiment) || !read_double(in, hidden) ||
      !read_double(in, r.best.dropout) || !read_double(in, r.best.lr) || !read_double(in, r.best.weight_decay) ||
      !read_double(in, r.best.c) || !read_double(in, r.best.data_weight) || !read_double(in, r.validation_ne) ||
      !read_double(in, trials) || trials < 1 || trials > 1e6)
    return false;
  r.best.hidden = static_cast<int>(hidden);
  r.trial_ne.resize(static_cast<std::size_t>(trials));
  for (double& v : r.trial_ne)
    if (!read_double(in, v)) return false;
  if (!read_double(in, n) || static_cast<int>(n) != reactions) return false;
  r.fluxes.resize(reactions);
  for (int i = 0; i < reactions; ++i)
    if (!read_double(in, r.fluxes(i))) return false;
  std::string end;
  return (in >> end) && end == "end" && !(in >> end);
}

}  // namespace

std::map<int, OuterResult> read_checkpoint(const std::string& path, const std::string& signature, int reactions) {
  std::map<int, OuterResult> done;
  std::ifstream in(path, std::ios::binary);
  if (!in) return done;
  std::stringstream buffer;
  buffer << in.rdbuf();
  const std::string text = buffer.str();
  if (text.empty()) return done;
  std::vector<std::string> lines;
  std::size_t start = 0;
  bool last_complete = true;
  while (start < text.size()) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string::npos) {
      lines.push_back(text.substr(start));
      last_complete = false;
      break;
    }
    lines.push_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  if (lines[0] != kMagic)
    throw Error(path + ":1: not a minnc cv checkpoint (expected '" + std::string(kMagic) + "')");
  if (lines.size() < 2 || lines[1] != "signature " + signature)
    throw Error(path + ":2: the checkpoint was written by another cv run (different GEM, data, variant or "
                "settings); expected 'signature " + signature + "' — remove it or choose another --checkpoint");
  for (std::size_t i = 2; i < lines.size(); ++i) {
    const bool cut = i + 1 == lines.size() && !last_complete;  // interrupted mid-write
    OuterResult r;
    if (!parse_line(lines[i], reactions, r)) {
      if (cut) break;
      throw Error(path + ":" + std::to_string(i + 1) + ": malformed outer-split record (expected 'outer <experiment> "
                  "<hyper-parameters> <validation NE> <trial NEs> " + std::to_string(reactions) + " <fluxes> end')");
    }
    done[r.experiment] = r;
  }
  return done;
}

CheckpointWriter::CheckpointWriter(std::string path, const std::string& signature) : path_(std::move(path)) {
  std::ifstream probe(path_, std::ios::binary);
  std::stringstream existing;
  existing << probe.rdbuf();
  text_ = existing.str();
  // A line cut short by an interrupted older minnc (which appended in place) is dropped here, so
  // the next record starts on a line of its own.
  if (!text_.empty() && text_.back() != '\n') text_.erase(text_.rfind('\n') + 1);
  if (!text_.empty()) return;
  text_ = std::string(kMagic) + "\nsignature " + signature + "\n";
  replace_file_bytes(path_, text_);
}

void CheckpointWriter::append(const OuterResult& r) {
  std::string line = "outer " + std::to_string(r.experiment) + " " + std::to_string(r.best.hidden) + " " +
                     hex(r.best.dropout) + " " + hex(r.best.lr) + " " + hex(r.best.weight_decay) + " " +
                     hex(r.best.c) + " " + hex(r.best.data_weight) + " " + hex(r.validation_ne) + " " +
                     std::to_string(r.trial_ne.size());
  for (double v : r.trial_ne) line += " " + hex(v);
  line += " " + std::to_string(r.fluxes.size());
  for (Eigen::Index i = 0; i < r.fluxes.size(); ++i) line += " " + hex(r.fluxes(i));
  line += " end\n";
  // The whole file again through a temporary + rename (a few hundred kB at most, once per outer
  // split): a kill at any moment leaves the previous checkpoint or the new one, never half a line.
  text_ += line;
  replace_file_bytes(path_, text_);
}

}  // namespace minn::eval
