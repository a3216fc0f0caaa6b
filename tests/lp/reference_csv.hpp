// Reads the COBRApy reference tables in tests/lp/reference/ (written once by make_reference.py).
#pragma once
#include <fstream>
#include <map>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace minn::test {

inline std::string reference_dir() { return std::string(MINN_LP_REFERENCE_DIR); }

// Rows of a CSV with a header; no quoting is needed for these files.
inline std::vector<std::map<std::string, std::string>> read_reference_csv(const std::string& name) {
  const std::string path = reference_dir() + "/" + name;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot open " + path);
  auto split = [](const std::string& line) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    std::string cell;
    while (std::getline(ss, cell, ',')) cells.push_back(cell);
    return cells;
  };
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = split(line);
  std::vector<std::map<std::string, std::string>> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    const std::vector<std::string> cells = split(line);
    if (cells.size() != header.size()) throw std::runtime_error("ragged row in " + path + ": " + line);
    std::map<std::string, std::string> row;
    for (std::size_t k = 0; k < header.size(); ++k) row[header[k]] = cells[k];
    rows.push_back(row);
  }
  return rows;
}

// summary.csv: (model, quantity) -> value.
inline double reference_value(const std::string& model, const std::string& quantity) {
  for (const auto& row : read_reference_csv("summary.csv")) {
    if (row.at("model") == model && row.at("quantity") == quantity) return std::stod(row.at("value"));
  }
  throw std::runtime_error("no reference value " + model + "/" + quantity);
}

}  // namespace minn::test
