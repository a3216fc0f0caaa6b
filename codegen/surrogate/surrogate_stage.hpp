// A flux surrogate built inside another run (stage one of the MINN-reservoir, `minnc cv --variant
// reservoir`): pFBA samples of the GEM at rates drawn in the data's ranges (surrogate/flux_sampler.hpp)
// and a MINN from those rates to every split reaction, trained on every sample with the surrogate's
// defaults (surrogate/surrogate_job.hpp, where `minnc surrogate` also scores it on held-out samples).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "surrogate/flux_sampler.hpp"
#include "train/trainer.hpp"

namespace minn::surrogate {

// The surrogate's mechanics on a split GEM: Pin = CO2 evolution with no bound (Vin = +inf, as
// `minnc train`: the model file holds one constant Vin per Pin row, so a per-sample bound from the
// inputs could not be reproduced at inference), Pref = every reaction. minn::Error naming `gem_path`
// when the GEM has no CO2 exchange.
train::Mechanics surrogate_mechanics(const Gem& split, const std::string& gem_path);

struct SurrogateStage {
  std::vector<Rate> rates;
  std::vector<int> rate_reactions;          // split-GEM index of each rate, in the order of `rates`
  std::shared_ptr<const train::Mechanics> mech;
  std::shared_ptr<const train::TrainedMinn> model;  // float32-rounded, as a stored model
  int samples = 0;
  long long draws = 0, infeasible = 0;
  double seconds = 0;
};

// `unsplit`: the GEM the LPs run on; `split` = split_reversible(unsplit); `rates` already resolved
// (surrogate/rate_set.hpp). Deterministic for sampling.seed and options.seed.
SurrogateStage build_surrogate_stage(const Gem& unsplit, const Gem& split, const std::string& gem_path,
                                     const std::vector<Rate>& rates, const SamplerOptions& sampling,
                                     const train::TrainOptions& options);

}  // namespace minn::surrogate
