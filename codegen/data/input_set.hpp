// Which measurements a MINN (or a baseline fitted on the same inputs) reads:
//   omics  = the Ishii loader's inputs: 79 transcripts, 60 proteins, the glucose and O2 uptakes
//   online = what a bioreactor measures online, the `online` rate set of data/rate_columns.hpp
//            (glucose uptake, O2 uptake, CO2 evolution, growth rate) taken from the measured fluxes
//            in split-GEM ids and units, optionally followed by the genotype indicators
//            (data/genotype_knockouts.hpp) when the genotype enters the network as well.
// An input is never scored: data/scored_fluxes.hpp leaves every target that is an input out.
#pragma once
#include <string>
#include <vector>

#include "data/genotype_knockouts.hpp"
#include "data/ishii_dataset.hpp"
#include "gem/gem.hpp"

namespace minn {

enum class InputSet { Omics, Online };
InputSet parse_input_set(const std::string& name);  // omics | online; minn::Error naming --inputs otherwise
std::string input_set_name(InputSet set);

// The dataset with its inputs replaced by the online rates (values of the measured fluxes, so the
// glucose uptake keeps its input name R_EX_glc__D_e_rev and --normalise finds it), then, when
// `genotype` is given, its indicators. Targets are unchanged. minn::Error when the dataset does not
// measure one of the rates.
Dataset with_online_inputs(const Dataset& dataset, const Gem& split_gem, const GenotypeIndicators* genotype);

// What `minnc train` and `minnc cv` build from --inputs and --genotype-input: the dataset as the model
// reads it and, for online inputs, the knockouts' bounds (their reactions become Pin rows with Vin = 0
// in the knocked-out experiments, +inf elsewhere). Omics: the dataset unchanged, no knockout rows, so
// every omics result stays as it was. minn::Error for --genotype-input without --inputs online.
struct ModelInputs {
  Dataset dataset;
  GenotypeKnockouts knockouts;  // empty for omics
  Eigen::MatrixXd omics;        // experiments x 139: the loaded transcripts and proteins, whatever the
                                // input set (targets of the training-only auxiliary head)
};
ModelInputs model_inputs(Dataset loaded, const Gem& split_gem, InputSet set, bool genotype_input);

// Appends the knockout rows: their reactions to `pin`, their upper bounds (experiments in dataset
// order) as rows of `vin` (Pin rows x experiments).
// Per input of `prepared.dataset`: the split reactions a 1 on that input closes (its knockout
// indicator's reactions, with --genotype-input); empty for every other input.
std::vector<std::vector<int>> reactions_closed_by_input(const ModelInputs& prepared, const Gem& split_gem);

// The split reactions the dataset's inputs measure (inputs named after a reaction: the online
// rates) and the opposite halves of those that are split (R_EX_glc__D_e_rev -> R_EX_glc__D_e_fwd):
// a measured rate is a net rate, so the other direction carries nothing.
struct InputReactions {
  std::vector<int> measured, opposite;
};
InputReactions input_reactions(const Dataset& dataset, const Gem& split_gem);

void append_knockout_rows(const GenotypeKnockouts& knockouts, std::vector<int>& pin, Eigen::MatrixXd& vin);

}  // namespace minn
