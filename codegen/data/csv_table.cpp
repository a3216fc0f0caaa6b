#include "data/csv_table.hpp"

#include <charconv>
#include <cmath>
#include <unordered_map>

#include "common/error.hpp"
#include "common/file_bytes.hpp"

namespace minn {
namespace {

std::string trim(const std::string& s) {
  const auto begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  const auto end = s.find_last_not_of(" \t");
  return s.substr(begin, end - begin + 1);
}

std::vector<std::string> split_line(const std::string& line, const std::string& path, int number) {
  std::vector<std::string> cells;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = line.find(',', start);
    const std::string cell =
        line.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    if (cell.find('"') != std::string::npos)
      throw Error(path + ":" + std::to_string(number) + ", column " +
                  std::to_string(cells.size() + 1) +
                  ": quoted cells are not supported (plain comma-separated values expected)");
    cells.push_back(trim(cell));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return cells;
}

}  // namespace

int CsvTable::column(const std::string& name) const {
  for (std::size_t c = 0; c < header.size(); ++c)
    if (header[c] == name) return static_cast<int>(c);
  return -1;
}

std::string CsvTable::where(std::size_t row, std::size_t col) const {
  const std::string label = header.front() == "experiment" ? " (row '" + rows[row][0] + "')" : "";
  return path + ":" + std::to_string(lines[row]) + label + ", column " + std::to_string(col + 1) +
         " '" + header[col] + "'";
}

double CsvTable::number(std::size_t row, std::size_t col) const {
  const std::string& cell = rows[row][col];
  if (cell.empty()) throw Error(where(row, col) + ": empty cell, expected a number");
  double value = 0.0;
  const char* end = cell.data() + cell.size();
  const auto [ptr, ec] = std::from_chars(cell.data(), end, value);
  if (ec == std::errc::result_out_of_range)
    throw Error(where(row, col) + ": '" + cell + "' is out of the range of a double");
  if (ec != std::errc() || ptr != end || !std::isfinite(value))
    throw Error(where(row, col) + ": expected a finite number, got '" + cell + "'");
  return value;
}

CsvTable parse_csv(const std::string& text, const std::string& path) {
  CsvTable table;
  table.path = path;
  std::size_t pos = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
  int number = 0;
  int first_empty_line = 0;  // an empty line is fine only if nothing follows it
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (trim(line).empty()) {
      if (first_empty_line == 0) first_empty_line = number;
      continue;
    }
    if (first_empty_line != 0)
      throw Error(path + ":" + std::to_string(first_empty_line) +
                  ": empty line inside the table (only trailing empty lines are allowed)");
    std::vector<std::string> cells = split_line(line, path, number);
    if (table.header.empty() && number == 1) {
      std::unordered_map<std::string, std::size_t> seen;
      for (std::size_t c = 0; c < cells.size(); ++c) {
        if (cells[c].empty())
          throw Error(path + ":1, column " + std::to_string(c + 1) + ": empty column name");
        const auto [it, inserted] = seen.emplace(cells[c], c);
        if (!inserted)
          throw Error(path + ":1: column name '" + cells[c] + "' appears twice (columns " +
                      std::to_string(it->second + 1) + " and " + std::to_string(c + 1) + ")");
      }
      table.header = std::move(cells);
      continue;
    }
    if (cells.size() != table.header.size())
      throw Error(path + ":" + std::to_string(number) + ": " +
                  std::to_string(cells.size()) + " cells, expected " +
                  std::to_string(table.header.size()) + " as in the header");
    table.rows.push_back(std::move(cells));
    table.lines.push_back(number);
  }
  if (table.header.empty())
    throw Error(path + ": " + (number == 0 ? "empty file" : "line 1 is empty") +
                ", expected a header line with column names");
  return table;
}

CsvTable read_csv(const std::string& path) { return parse_csv(read_file_bytes(path), path); }

std::vector<std::string> experiment_keys(const CsvTable& t) {
  if (t.header.front() != "experiment")
    throw Error(t.path + ":1, column 1: expected the key column 'experiment', got '" +
                t.header.front() + "'");
  std::vector<std::string> keys;
  std::unordered_map<std::string, int> line_of;
  for (std::size_t r = 0; r < t.rows.size(); ++r) {
    const std::string& key = t.rows[r][0];
    const std::string at = t.path + ":" + std::to_string(t.lines[r]) + ", column 1 'experiment': ";
    if (key.empty()) throw Error(at + "empty experiment name");
    const auto [it, inserted] = line_of.emplace(key, t.lines[r]);
    if (!inserted)
      throw Error(at + "experiment '" + key + "' appears twice (lines " +
                  std::to_string(it->second) + " and " + std::to_string(t.lines[r]) + ")");
    keys.push_back(key);
  }
  return keys;
}

}  // namespace minn
