// Predicted fluxes for other tools. Models speak split-GEM ids (a reversible reaction R gives R_fwd,
// v > 0, and R_rev, v < 0; gem/gem.hpp, split_reversible); Escher maps and COBRApy speak the original
// reactions, so each pair is merged back to the net flux v = v_fwd - v_rev, and ids lose the SBML "R_"
// prefix as COBRApy's SBML reader drops it (R_PGI -> PGI, the BiGG id Escher maps use).
#pragma once
#include <string>
#include <vector>

namespace minn::report {

struct NetFluxes {
  std::vector<std::string> ids;                  // COBRApy / BiGG ids, in first-appearance order
  std::vector<std::vector<double>> values;       // per experiment, per id (NaN where not predicted)
};

// `split_ids` are a model's reaction ids; `rows` one flux vector per experiment in that order.
// A half whose partner is absent keeps its own id.
NetFluxes merge_split_fluxes(const std::vector<std::string>& split_ids, const std::vector<std::vector<float>>& rows);

// Escher's reaction data: one JSON object {"PGI": 4.86, ...} (9 significant digits; NaN omitted).
std::string escher_reaction_data(const NetFluxes& fluxes, std::size_t experiment);

// A flux table as pandas reads COBRApy results: `pd.read_csv(path, index_col=0)` gives one column per
// experiment, indexed by reaction id, like solution.fluxes; a failed prediction is an empty cell (NaN).
std::string cobra_flux_table(const NetFluxes& fluxes, const std::vector<std::string>& experiments);

}  // namespace minn::report
