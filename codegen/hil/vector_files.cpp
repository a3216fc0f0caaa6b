#include "hil/vector_files.hpp"

#include <cstring>
#include <fstream>
#include <iterator>

#include "common/error.hpp"
#include "common/file_bytes.hpp"

namespace minn::hil {

static_assert(sizeof(float) == 4, "the wire format is IEEE-754 binary32");

void write_inputs(const std::string& path, const InputBatch& batch) {
  const std::uint32_t header[2] = {static_cast<std::uint32_t>(batch.count()),
                                   static_cast<std::uint32_t>(batch.num_inputs)};
  std::string bytes(reinterpret_cast<const char*>(header), sizeof header);
  bytes.append(reinterpret_cast<const char*>(batch.values.data()), batch.values.size() * sizeof(float));
  replace_file_bytes(path, bytes);
}

OutputBatch read_outputs(const std::string& path, int expected_count, int expected_outputs) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path + ": the harness wrote no outputs file");
  std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::uint32_t header[2];
  if (bytes.size() < sizeof header) throw Error(path + ": shorter than its 8-byte header");
  std::memcpy(header, bytes.data(), sizeof header);
  if (static_cast<int>(header[0]) != expected_count || static_cast<int>(header[1]) != expected_outputs)
    throw Error(path + ": header says " + std::to_string(header[0]) + " vectors x " + std::to_string(header[1]) +
                " outputs, expected " + std::to_string(expected_count) + " x " + std::to_string(expected_outputs));
  const std::size_t record = 4 + 4 * static_cast<std::size_t>(expected_outputs);
  const std::size_t want = sizeof header + record * static_cast<std::size_t>(expected_count);
  if (bytes.size() != want)
    throw Error(path + ": " + std::to_string(bytes.size()) + " bytes, expected " + std::to_string(want) +
                " (record " + std::to_string((bytes.size() - sizeof header) / record) + " incomplete or extra data)");
  OutputBatch batch;
  batch.num_outputs = expected_outputs;
  batch.status.resize(static_cast<std::size_t>(expected_count));
  batch.values.resize(static_cast<std::size_t>(expected_count) * static_cast<std::size_t>(expected_outputs));
  for (int i = 0; i < expected_count; ++i) {
    const char* rec = bytes.data() + sizeof header + record * static_cast<std::size_t>(i);
    std::memcpy(&batch.status[static_cast<std::size_t>(i)], rec, 4);
    std::memcpy(&batch.values[static_cast<std::size_t>(i) * static_cast<std::size_t>(expected_outputs)], rec + 4,
                record - 4);
  }
  return batch;
}

}  // namespace minn::hil
