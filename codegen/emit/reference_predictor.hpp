// The host reference: runs the lib/ kernels on the same lowered tables the emitter prints, in the
// same order as the generated infer(), so generated code and `minnc predict` agree bit for bit.
#pragma once
#include <vector>

#include "emit/lowered_model.hpp"
#include "emit/precision.hpp"
#include "model/model.hpp"

namespace minn::emit {

class ReferencePredictor {
 public:
  ReferencePredictor(const MinnModel& model, Precision precision);  // minn::Error on a bad model

  // Same contract and status encoding as the generated NAME_infer (minn/status.h):
  // 0 ok, 1000 + i input i beyond the envelope (outputs computed), -(1 + i) input i non-finite
  // (outputs untouched). `in` holds num_inputs() raw values, `out` num_outputs() fluxes.
  int infer(const float* in, float* out);

  int num_inputs() const { return lowered_.num_inputs; }
  int num_outputs() const { return lowered_.num_outputs; }
  const LoweredModel& lowered() const { return lowered_; }

 private:
  LoweredModel lowered_;
  std::vector<float> workspace_;
};

}  // namespace minn::emit
