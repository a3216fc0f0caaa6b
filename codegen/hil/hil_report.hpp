// The HIL results as a JSON report per target and as one table over all targets.
#pragma once
#include <ostream>
#include <string>
#include <vector>

#include "hil/hil_session.hpp"

namespace minn::hil {

// Deterministic JSON (fixed key order; no timestamps or wall times). `model` names the model file.
std::string target_report_json(const TargetResult& result, const std::string& model, const std::string& data);
void write_target_report(const TargetResult& result, const std::string& model, const std::string& data,
                         const std::string& path);

// Markdown table: target, board, vectors, bit-identical, max |diff|, statuses, instructions,
// instructions per MAC and per S nonzero per step, flash, RAM, stack bound / measured.
void print_target_table(std::ostream& out, const std::vector<TargetResult>& results);
// Markdown table of the targets run with both kernel sets: portable -> fast, per inference, per
// MAC, per S nonzero per step, flash.
void print_kernel_comparison(std::ostream& out, const std::vector<TargetResult>& results);

}  // namespace minn::hil
