// The HIL wire format (targets/common/hil_protocol.h): input vectors to the harness, statuses and
// outputs back. Little-endian f32/i32/u32, which every supported host and target is.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace minn::hil {

struct InputBatch {
  int num_inputs = 0;
  std::vector<float> values;  // count * num_inputs, row-major
  int count() const { return num_inputs == 0 ? 0 : static_cast<int>(values.size()) / num_inputs; }
};

struct OutputBatch {
  int num_outputs = 0;
  std::vector<std::int32_t> status;  // per vector
  std::vector<float> values;         // count * num_outputs
};

void write_inputs(const std::string& path, const InputBatch& batch);
// minn::Error naming the file and what is wrong (short header, wrong width, truncated record).
OutputBatch read_outputs(const std::string& path, int expected_count, int expected_outputs);

}  // namespace minn::hil
