// A model's inputs and targets from an Ishii-layout directory, with no GEM at hand: what
// `minnc predict`, `minnc hil` and the accuracy comparison of `minnc compile` read.
#pragma once
#include <Eigen/Core>
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "model/model.hpp"

namespace minn::emit {

// The Ishii loader maps measured fluxes by reaction id (and finds the biomass reaction through the
// objective), so the model's own ids make the GEM; the measured (Pref) reactions it was trained
// on stand in for the objective, of which the loader only considers biomass reactions.
Gem reaction_id_gem(const MinnModel& model);

struct DatasetInputs {
  std::vector<std::string> experiments;
  Eigen::MatrixXd values;  // experiments x model inputs, raw, in the model's input order
};

// Each model input, by name, from the first source that has it:
//   - the loader's inputs (transcripts, proteins, the glucose and O2 uptakes);
//   - a measured flux in split-GEM ids (an online model's rates, e.g. R_EX_co2_e_fwd);
//   - a genotype input: 1 when the experiment's name is one of the input's genes (a knockout
//     strain named after its gene, as the Ishii data names them), else 0.
// minn::Error naming the directory and the input when none has it.
DatasetInputs dataset_inputs(const std::string& dir, const MinnModel& model);

}  // namespace minn::emit
