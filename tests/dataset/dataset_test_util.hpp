// Helpers for the dataset tests: split GEMs built in memory, an independent CSV reader for
// oracle files, temporary files.
#pragma once
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "common/error.hpp"
#include "gem/gem.hpp"

namespace minn::test {

// A split GEM holding exactly these reaction ids (no metabolites: the loader only looks at ids).
inline Gem gem_with(const std::vector<std::string>& ids, const std::string& objective = "") {
  Gem gem;
  gem.id = "test_gem";
  for (const std::string& id : ids) {
    Reaction r;
    r.id = id;
    r.upper_bound = 1000;
    r.objective_coefficient = id == objective ? 1.0 : 0.0;
    gem.reactions.push_back(std::move(r));
  }
  return gem;
}

// Oracle CSV parsed without the code under test: header and numeric rows (first column dropped).
struct OracleCsv {
  std::vector<std::string> header;  // without the key column
  std::vector<std::string> keys;
  std::vector<std::vector<double>> values;
};

inline OracleCsv read_oracle(const std::string& path) {
  std::ifstream in(path);
  OracleCsv out;
  std::string line;
  bool first = true;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    std::stringstream cells(line);
    std::string cell, key;
    std::getline(cells, key, ',');
    std::vector<double> row;
    while (std::getline(cells, cell, ',')) {
      if (first) out.header.push_back(cell);
      else row.push_back(std::stod(cell));
    }
    if (!first) {
      out.keys.push_back(key);
      out.values.push_back(row);
    }
    first = false;
  }
  return out;
}

// The message of the minn::Error `f` throws ("" if none).
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

inline std::string write_temp(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + "minn_dataset_" + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

}  // namespace minn::test
