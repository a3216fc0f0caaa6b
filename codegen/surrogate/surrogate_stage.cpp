#include "surrogate/surrogate_stage.hpp"

#include <chrono>
#include <limits>

#include "common/error.hpp"
#include "train/model_builder.hpp"
#include "train/train_job.hpp"

namespace minn::surrogate {

train::Mechanics surrogate_mechanics(const Gem& split, const std::string& gem_path) {
  const int n = static_cast<int>(split.reactions.size());
  std::vector<int> every_reaction(static_cast<std::size_t>(n));
  for (int k = 0; k < n; ++k) every_reaction[static_cast<std::size_t>(k)] = k;
  const int pin = split.reaction_index(train::kDefaultPinReaction);
  if (pin < 0)
    throw Error(gem_path + ": the split GEM has no reaction '" + std::string(train::kDefaultPinReaction) +
                "' (the Pin row of the paper's MINN)");
  return train::Mechanics(split.stoichiometry(), {pin}, every_reaction);
}

SurrogateStage build_surrogate_stage(const Gem& unsplit, const Gem& split, const std::string& gem_path,
                                     const std::vector<Rate>& rates, const SamplerOptions& sampling,
                                     const train::TrainOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  SurrogateStage stage;
  stage.rates = rates;
  for (const Rate& rate : rates) stage.rate_reactions.push_back(split.reaction_index(rate.id));
  const FluxSamples samples = sample_fluxes(unsplit, rates, sampling);
  stage.samples = samples.samples();
  stage.draws = samples.draws;
  stage.infeasible = samples.infeasible;
  stage.mech = std::make_shared<const train::Mechanics>(surrogate_mechanics(split, gem_path));
  train::TrainingSet all;
  all.inputs = samples.inputs;
  all.targets = samples.fluxes;
  all.vin = Eigen::MatrixXd::Constant(1, samples.samples(), std::numeric_limits<double>::infinity());
  const train::StepChoice step = train::choose_step(*stage.mech, options);
  stage.model = std::make_shared<const train::TrainedMinn>(
      train::rounded_to_float(train::train_minn(*stage.mech, all, options, step)));
  stage.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return stage;
}

}  // namespace minn::surrogate
