// Which measured fluxes are scored. An input is never scored as a prediction: the omics MINN reads
// the glucose and O2 uptakes (45 of the 47 fluxes scored), an online one also CO2 and growth (43).
// Online models take exchange rates as inputs, so every model is also scored on the 37
// intracellular fluxes: the 47 minus the ten exchange (R_EX_*) and biomass fluxes.
#pragma once
#include <string>
#include <vector>

#include "data/ishii_dataset.hpp"
#include "gem/gem.hpp"

namespace minn {

inline constexpr int kIntracellularFluxes = 37;

// Target rows (dataset order) whose id is not one of the dataset's input names.
std::vector<int> metric_rows(const Dataset& dataset);

// Target rows that are neither an exchange (id R_EX_*) nor the GEM's biomass reaction (a nonzero
// objective coefficient, or "biomass" in the id). minn::Error unless there are exactly kIntracellularFluxes of them (the
// Ishii layout), or when one of them is an input.
std::vector<int> intracellular_rows(const Dataset& dataset, const Gem& split_gem);

}  // namespace minn
