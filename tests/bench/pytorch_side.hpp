// The PyTorch side of bench_infer / bench_train: writes the model as JSON for
// tests/bench/pytorch_minn.py and runs it with Debian's python3-torch (one thread). Optional: when
// no python3 with torch is found, the caller prints that and reports no ratio.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace pytorch {

// Weights, scaler, uptake scaling, S (dense), Pin rows, Vin and the refinement's constants.
void write_model_json(const minn::MinnModel& model, const std::string& path);
void write_rows_json(const std::vector<std::vector<float>>& rows, const std::string& path);

// Runs pytorch_minn.py with `args`, returns the number after `key` on its output, or nothing when
// python3 + torch are not available. `python_used` names the interpreter that worked.
std::optional<double> run_pytorch(const std::string& args, const std::string& key, std::string& python_used);

}  // namespace pytorch
