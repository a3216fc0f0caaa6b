#include "pytorch_side.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace pytorch {
namespace {

template <typename T>
void list(std::ostream& o, const std::vector<T>& v) {
  o << "[";
  for (std::size_t i = 0; i < v.size(); ++i) {
    o << (i ? "," : "");
    if constexpr (std::is_floating_point_v<T>) {
      if (std::isinf(v[i])) o << "null";
      else o << static_cast<double>(v[i]);
    } else {
      o << v[i];
    }
  }
  o << "]";
}

}  // namespace

void write_model_json(const minn::MinnModel& m, const std::string& path) {
  std::ofstream o(path);
  o.precision(9);
  o << "{\"layers\": [";
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const auto& l = m.layers[k];
    o << (k ? "," : "") << "{\"in\": " << l.in << ", \"out\": " << l.out
      << ", \"relu\": " << (l.activation == minn::Activation::Relu ? "true" : "false") << ", \"w\": ";
    list(o, l.weights);
    o << ", \"b\": ";
    list(o, l.bias);
    o << "}";
  }
  o << "], \"scaler_min\": ";
  list(o, m.scaler_min);
  o << ", \"scaler_range\": ";
  list(o, m.scaler_range);
  o << ", \"clip\": " << (m.clip_inputs ? "true" : "false") << ", \"flux_scale_input\": " << m.flux_scale_input
    << ", \"yield_offset\": ";
  std::vector<float> offset = m.yield_offset;
  if (offset.empty()) offset.assign(static_cast<std::size_t>(m.num_outputs()), 0.0f);
  list(o, offset);
  std::vector<float> dense(static_cast<std::size_t>(m.S.rows) * m.S.cols, 0.0f);
  for (int r = 0; r < m.S.rows; ++r)
    for (int e = m.S.row_ptr[r]; e < m.S.row_ptr[r + 1]; ++e) dense[static_cast<std::size_t>(r) * m.S.cols + m.S.col_index[e]] = m.S.values[e];
  o << ", \"m\": " << m.S.rows << ", \"n\": " << m.S.cols << ", \"S\": ";
  list(o, dense);
  o << ", \"pin\": ";
  list(o, m.pin_reactions);
  o << ", \"vin\": ";
  list(o, m.default_vin);
  o << ", \"steps\": " << m.refinement.steps << ", \"eta\": " << m.refinement.step_size
    << ", \"beta\": " << m.refinement.momentum << "}\n";
}

void write_rows_json(const std::vector<std::vector<float>>& rows, const std::string& path) {
  std::ofstream o(path);
  o.precision(9);
  o << "[";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    o << (r ? "," : "");
    list(o, rows[r]);
  }
  o << "]\n";
}

std::optional<double> run_pytorch(const std::string& args, const std::string& key, std::string& python_used) {
  // `python3` first; Debian's python3-torch lives under /usr/bin/python3 when another python3
  // (pyenv, venv) comes first on PATH.
  for (const char* python : {"python3", "/usr/bin/python3"}) {
    const std::string command = std::string(python) + " " + MINN_PYTORCH_SCRIPT + " " + args + " 2>/dev/null";
    FILE* pipe = popen(command.c_str(), "r");
    if (pipe == nullptr) continue;
    std::string out;
    char buf[256];
    while (std::fgets(buf, sizeof buf, pipe) != nullptr) out += buf;
    if (pclose(pipe) != 0) continue;
    std::istringstream in(out);
    std::string word;
    double value = 0;
    while (in >> word) {
      if (word == key && in >> value) {
        python_used = python;
        return value;
      }
    }
  }
  return std::nullopt;
}

}  // namespace pytorch
