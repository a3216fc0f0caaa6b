// A small strict CSV reader for the dataset files: comma-separated, one header line, every row
// with the header's number of cells, no quoting. Every error names the file, line, row and column.
#pragma once
#include <string>
#include <vector>

namespace minn {

struct CsvTable {
  std::string path;                            // names the file in messages
  std::vector<std::string> header;
  std::vector<std::vector<std::string>> rows;  // each holds header.size() cells, spaces trimmed
  std::vector<int> lines;                      // file line of each row (the header is line 1)

  // Index of the column named `name`, -1 when absent.
  int column(const std::string& name) const;
  // "path:7 (row 'pgi'), column 3 'p_b0008'"; the row label (the first cell) is given when the
  // first column is the key column `experiment`.
  std::string where(std::size_t row, std::size_t column) const;
  // The cell as a finite number (decimal or exponent notation, no inf/nan); throws naming it.
  double number(std::size_t row, std::size_t column) const;
};

// `text` is the file content; `path` only names it in messages. A UTF-8 byte-order mark and CRLF
// line ends are accepted; empty lines are accepted only at the end.
CsvTable parse_csv(const std::string& text, const std::string& path);
CsvTable read_csv(const std::string& path);

// The keys of a table whose first column is `experiment`: checks the column name and that every
// key is non-empty and unique, naming the lines of a duplicate.
std::vector<std::string> experiment_keys(const CsvTable& table);

}  // namespace minn
