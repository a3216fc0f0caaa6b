// The subset of Python's pickle format (protocols 2 to 4) that torch.save uses for a state_dict:
// an OrderedDict of tensor name -> torch._utils._rebuild_tensor_v2(storage, offset, size, stride, ...),
// each storage a persistent id ('storage', torch.<Type>Storage, key, location, numel) naming an archive
// entry. Read by a small stack machine that executes no code: globals other than the few known ones
// become opaque objects, and unknown opcodes are errors naming their offset.
#pragma once
#include <string>
#include <vector>

namespace minn::import {

struct TensorRecord {
  std::string name;          // state_dict key, e.g. "layers.0.weight"
  std::string storage_type;  // e.g. "FloatStorage"
  std::string storage_key;   // archive entry data/<key>
  long long offset = 0;      // in elements
  std::vector<long long> shape, stride;
};

// The tensors of the state_dict pickled in `bytes`, in pickle order. `origin` names the file in
// messages; minn::Error when the pickle is malformed or does not hold a dict of tensors.
std::vector<TensorRecord> read_state_dict_pickle(const std::string& bytes, const std::string& origin);

}  // namespace minn::import
