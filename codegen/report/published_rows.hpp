// The published scores the report compares with: Tazza et al., CSBJ 2025, Table 2 (nested
// leave-one-out on the 29 Ishii experiments, iAF1260 FVA-reduced, 45 fluxes; mean over experiments).
// The same rows as docs/results.md (scripts/results_table.py, PAPER).
#pragma once
#include <vector>

#include "report/report_data.hpp"

namespace minn::report {

inline std::vector<ComparisonRow> published_rows() {
  return {
      {"MINN-c-balanced (paper, Table 2)", 0.950, 0.473, 0.678, 0.272, false},
      {"random forest (paper, Table 2)", 0.970, 0.507, 0.729, 0.271, false},
      {"pFBA (paper, Table 2)", 0.823, 0.692, 1.058, 0.381, false},
  };
}

}  // namespace minn::report
