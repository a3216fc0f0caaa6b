#include "emit/reference_sensor.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "emit/sensor_inputs.hpp"

namespace minn::emit {

ReferenceSensor::ReferenceSensor(const MinnModel& model, Precision precision, const minn_sensor_config& config,
                                 const std::vector<float>& genotype)
    : predictor_(model, precision), sources_(sensor_input_sources(model)),
      num_genotype_inputs_(model.genotype_inputs.size()), inputs_(static_cast<std::size_t>(model.num_inputs()), 0.0f) {
  if (sources_.empty())
    throw Error("the model reads inputs no online signal provides (transcripts, proteins, ...): the soft sensor "
                "needs a model trained with --inputs online or a surrogate of the online rates");
  restart(config, genotype);
}

void ReferenceSensor::restart(const minn_sensor_config& config, const std::vector<float>& genotype) {
  if (genotype.size() != num_genotype_inputs_)
    throw Error("the strain's genotype has " + std::to_string(genotype.size()) + " values, the model has " +
                std::to_string(num_genotype_inputs_) + " genotype inputs");
  genotype_ = genotype;
  if (genotype_.empty()) genotype_.push_back(0.0f);  // a valid pointer; never read
  std::fill(inputs_.begin(), inputs_.end(), 0.0f);
  model_status_ = 0;
  minn::soft_sensor_init(core_, config);
}

unsigned ReferenceSensor::step(const minn_signals& signals, float* fluxes) {
  return minn::soft_sensor_step(
      core_, signals, sources_.data(), static_cast<int>(sources_.size()), genotype_.data(), inputs_.data(),
      [this](const float* in, float* out) { return predictor_.infer(in, out); }, fluxes, &model_status_);
}

}  // namespace minn::emit
