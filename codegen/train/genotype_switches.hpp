// The genotype of an online model, as the model file stores it: one 0/1 input per knockout
// indicator (data/genotype_knockouts.hpp) that closes the indicator's Pin rows (upper bound 0) at
// inference, so the deployed model applies a knockout exactly as training did (Pin rows, Vin = 0).
#pragma once
#include <string>
#include <vector>

#include "data/genotype_knockouts.hpp"
#include "model/model.hpp"

namespace minn::train {

// `first_knockout_row`: the Pin row of knockouts.reactions[0] (they follow in order). An indicator
// the network already reads (--genotype-input) is switched through its input; otherwise it is
// appended as a genotype input that layer 0 does not read (unit "0/1", scaler min 0 range 1,
// envelope [0, 1]). Each input lists the genes whose knockout sets it: the experiments' names
// (as the dataset names strains, e.g. "pgi") and the GEM's gene ids, so `minnc predict` can set it
// from an experiment name without the GEM.
void add_genotype_switches(MinnModel& model, const GenotypeKnockouts& knockouts, const GenotypeIndicators& indicators,
                           const std::vector<std::string>& experiments, int first_knockout_row);

}  // namespace minn::train
