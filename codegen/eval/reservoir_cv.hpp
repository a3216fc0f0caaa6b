// The MINN-reservoir in `minnc cv --variant reservoir` (Tazza et al. 2025, section 2.3.1, Table 4).
// Stage one, built once per run: a flux surrogate from the paper's five exchange rates (glucose and
// O2 uptake, CO2, ethanol and acetate secretion) to every split reaction, trained on pFBA samples of
// the same GEM (surrogate/surrogate_stage.hpp), then frozen. Stage two, searched and trained per
// split like any variant: omics + uptakes -> the five rates -> the frozen surrogate -> every flux,
// loss NE on those five reactions against the run's data (train/reservoir.hpp). Then pFBA per
// held-out experiment with glucose and O2 fixed at the data's uptakes and CO2, ethanol and acetate
// fixed at the reservoir's predictions: the "MINN-reservoir + pFBA" row.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include "data/ishii_dataset.hpp"
#include "eval/nested_cv.hpp"
#include "gem/gem.hpp"
#include "surrogate/surrogate_stage.hpp"
#include "train/reservoir.hpp"

namespace minn::eval {

struct ReservoirOptions {
  int samples = 2000;      // stage one's pFBA samples (the paper's 2000)
  int epochs = 0;          // stage one's training epochs; 0: the surrogate's default (300)
  std::uint64_t seed = 0;  // stage one's sampling and training
};

struct Reservoir {
  surrogate::SurrogateStage stage;
  std::shared_ptr<const train::FrozenMinn> frozen;
  std::vector<int> loss_rows;       // target rows (Pref order) of the five rates
  std::vector<int> loss_reactions;  // their split-GEM reactions
  std::string summary;              // one line on stage one, for the run's notes
};

// `data` holds the fluxes the run trains on (measured or FBA-fit): the rates are drawn within their
// ranges over its experiments. minn::Error when the GEM or the data lack one of the five rates.
Reservoir build_reservoir(const Gem& unsplit, const Gem& split, const Dataset& data, const std::string& gem_path,
                          const std::string& data_dir, const ReservoirOptions& options);

// Stage two as the nested cross-validation's learner (thread-safe: each call trains its own copy).
FitPredict reservoir_fit_predict(std::shared_ptr<const Reservoir> reservoir);

// The reservoir's exchange predictions (CO2, ethanol, acetate: its refined fluxes at those
// reactions, clipped at 0) fixed in pFBA, with glucose and O2 fixed at `truth`'s uptakes (an input of
// the reservoir), the knockout applied (lp/pfba_predictor.hpp). One result per outer result, in
// target order: every flux but the two uptakes predicted (NaN there); a rate pFBA had to move to
// reach a steady state is noted. `truth`: targets x experiments (the run's data).
//
// Coupling::secretion_bounds is the published notebook's (gabrieletaz/MINN, MINN_reservoir_main:
// "extra upper bounds" on ethanol and acetate): every predicted rate but the uptakes and CO2
// evolution bounds its secretion from above (lp/pfba_predictor.hpp, fixed_as_upper_bounds); CO2 is
// left free. Coupling::fixed_exchanges fixes CO2, ethanol and acetate (minn's first reading).
enum class Coupling { fixed_exchanges, secretion_bounds };

std::vector<OuterResult> reservoir_pfba(const Gem& unsplit, const std::string& data_dir, const Dataset& dataset,
                                        const Eigen::MatrixXd& truth, const Reservoir& reservoir,
                                        const std::vector<OuterResult>& outer, std::vector<std::string>& notes,
                                        Coupling coupling = Coupling::fixed_exchanges);

}  // namespace minn::eval
