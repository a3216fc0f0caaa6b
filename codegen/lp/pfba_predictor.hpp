// pFBA as a flux predictor for the Ishii experiments (the paper's pFBA baseline): per experiment
// the measured glucose and O2 uptakes are fixed, the knocked-out gene (the experiment's name,
// matched to the GEM's gene names) is applied, then pFBA; predictions are scored against the 45
// measured fluxes (all but the two uptakes, and any further fixed flux) in the split and in the
// signed convention.
#pragma once
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "lp/flux_scores.hpp"

namespace minn {

struct PfbaPrediction {
  std::string experiment;
  std::string knocked_out_gene;   // GEM gene id; empty for wild type or a gene the GEM lacks
  std::string note;               // e.g. "gene gapC not in the model: no knockout applied"
  double glucose_uptake = 0.0, oxygen_uptake = 0.0, growth = 0.0;
  std::vector<double> split_truth, split_predicted;    // the 45 scored fluxes, split convention
  std::vector<double> signed_truth, signed_predicted;  // the same fluxes, signed (raw) convention
};

struct PfbaPredictorReport {
  std::vector<std::string> scored_ids;       // split-GEM ids of the 45 scored fluxes
  std::vector<PfbaPrediction> experiments;
  FluxScoreSummary split, signed_convention;
};

// Values that replace the dataset's measured ones, per experiment in dataset order (split
// convention, >= 0): the two uptakes, and one value per fixed id. Used to fix the uptakes of the
// FBA-fit data (`minnc cv --score-on fit`) and the exchanges a MINN-reservoir predicts.
struct PfbaRates {
  std::vector<double> glucose, oxygen;      // empty: the measured uptakes
  std::vector<std::vector<double>> fixed;   // empty: the measured values of the fixed ids
  // The fixed values are predictions (a model's, not measurements): score the fixed ids too, at the
  // values pFBA ends up with. Otherwise they are inputs and never scored.
  bool fixed_are_predictions = false;
  // The fixed values bound their flux from above instead of fixing it (split value <= the given
  // one; the GEM's own bound on the other side): the published MINN-reservoir's coupling, whose
  // notebook hands pFBA "extra upper bounds" on ethanol and acetate secretion. When those bounds
  // admit no steady state with the fixed uptakes, the experiment runs without them (noted).
  bool fixed_as_upper_bounds = false;
};

// `gem`: the unsplit GEM (e.g. iAF1260) with its default bounds; `ishii_dir`: the dataset folder.
// `fixed_ids`: further measured fluxes (split-GEM ids, e.g. the online set's R_EX_co2_e_fwd and the
// biomass reaction) fixed as well, at the measured values (or `rates`) or, when the GEM cannot carry
// those, at the closest feasible ones (lp/closest_feasible_rates.hpp; noted per experiment); not scored.
PfbaPredictorReport predict_ishii_with_pfba(const Gem& gem, const std::string& ishii_dir,
                                            const std::string& glucose_exchange = "R_EX_glc__D_e",
                                            const std::string& oxygen_exchange = "R_EX_o2_e",
                                            const std::vector<std::string>& fixed_ids = {},
                                            const PfbaRates& rates = {});

}  // namespace minn
