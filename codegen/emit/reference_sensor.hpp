// The host reference of NAME_sensor_step: the same lib/minn/soft_sensor.hpp template around the
// host reference predictor, so a target running the generated sensor step and the host agree bit
// for bit at every sample (`minnc hil --plant`).
#pragma once
#include <cstdint>
#include <vector>

#include "emit/reference_predictor.hpp"
#include "minn/soft_sensor.hpp"
#include "model/model.hpp"

namespace minn::emit {

class ReferenceSensor {
 public:
  // minn::Error when the model has an input no online signal feeds (emit/sensor_inputs.hpp) or
  // `genotype` does not hold one value per genotype input.
  ReferenceSensor(const MinnModel& model, Precision precision, const minn_sensor_config& config,
                  const std::vector<float>& genotype);

  // A new run on the same model, as NAME_sensor_init: the policy state cleared, `config` and the
  // strain's `genotype` taken (checked as by the constructor). The lowered model is kept, so a
  // caller starting many runs (the fuzz target: one per execution) lowers it once.
  void restart(const minn_sensor_config& config, const std::vector<float>& genotype);
  // One sample, as NAME_sensor_step: `fluxes` (num_outputs) is written only when an estimate is
  // made; returns the quality word.
  unsigned step(const minn_signals& signals, float* fluxes);

  // The model inputs of the last estimate (rates, then genotype) and the infer status code.
  const std::vector<float>& model_inputs() const { return inputs_; }
  int model_status() const { return model_status_; }
  const minn::SoftSensorCore& core() const { return core_; }
  int num_outputs() const { return predictor_.num_outputs(); }

 private:
  ReferencePredictor predictor_;
  std::vector<std::int8_t> sources_;
  std::size_t num_genotype_inputs_ = 0;
  std::vector<float> genotype_;
  std::vector<float> inputs_;
  minn::SoftSensorCore core_{};
  int model_status_ = 0;
};

}  // namespace minn::emit
