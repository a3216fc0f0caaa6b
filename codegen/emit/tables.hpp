// The constant tables of a generated model, as printed into NAME.cpp and counted in the report.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "emit/lowered_model.hpp"

namespace minn::emit {

struct Table {
  std::string name;                // C++ identifier inside the generated namespace
  std::string ctype;               // float, int8_t, uint8_t, uint16_t, uint32_t
  int element_bytes = 4;
  std::string comment;             // what it holds, printed above it
  std::vector<std::string> items;  // exact literals
  int per_line = 8;
  int align = 0;                   // > 0: printed with alignas(align) (word loads of int16 weights)
  std::size_t bytes() const { return items.size() * static_cast<std::size_t>(element_bytes); }
};

struct TableSet {
  std::vector<Table> tables;
  std::string s_ptr_type, s_col_type, pin_type;  // narrowest index types chosen
  const Table* find(const std::string& name) const;
  std::size_t bytes() const;
};

// csr_tables: S and S^T as CSR tables (the portable refinement reads them; the fast one has S
// written out in code, emit/stoichiometry_source.hpp).
TableSet build_tables(const LoweredModel& model, bool csr_tables = true);

}  // namespace minn::emit
