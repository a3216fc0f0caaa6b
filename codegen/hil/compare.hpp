// Target outputs against the host reference: bit-identity per vector, largest |difference|,
// status agreement and a status histogram.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "hil/vector_files.hpp"

namespace minn::hil {

struct Comparison {
  int vectors = 0;
  int bit_identical = 0;        // status equal and, for status >= 0, every output bit-identical
  int status_mismatches = 0;
  double max_abs_diff = 0;      // over vectors with equal, non-error status (inf if a NaN differs)
  int status_ok = 0;            // target statuses: 0
  int status_envelope = 0;      //                  1000 + i
  int status_error = 0;         //                  -(1 + i)
  std::vector<int> first_mismatches;  // up to 5 vector indices, for messages
};

// Outputs of error statuses are not compared: the contract leaves them unchanged, not defined.
Comparison compare_outputs(const OutputBatch& target, const OutputBatch& reference);

}  // namespace minn::hil
