#include "data/scored_fluxes.hpp"

#include <algorithm>
#include <cctype>

#include "common/error.hpp"

namespace minn {
namespace {

bool is_input(const Dataset& d, const std::string& id) {
  return std::find(d.input_names.begin(), d.input_names.end(), id) != d.input_names.end();
}

// The biomass reaction: the GEM's objective, or (should a reduction have dropped the objective
// coefficient) an id naming biomass, as data/ishii_ids.cpp recognises it.
bool is_biomass(const Reaction& r) {
  std::string lower = r.id;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return r.objective_coefficient != 0.0 || lower.find("biomass") != std::string::npos;
}

}  // namespace

std::vector<int> metric_rows(const Dataset& d) {
  std::vector<int> rows;
  for (std::size_t i = 0; i < d.target_ids.size(); ++i)
    if (!is_input(d, d.target_ids[i])) rows.push_back(static_cast<int>(i));
  return rows;
}

std::vector<int> intracellular_rows(const Dataset& d, const Gem& gem) {
  std::vector<int> rows;
  std::string excluded;
  for (std::size_t i = 0; i < d.target_ids.size(); ++i) {
    const std::string& id = d.target_ids[i];
    const Reaction& r = gem.reactions[static_cast<std::size_t>(d.target_reactions[i])];
    if (id.rfind("R_EX_", 0) == 0 || is_biomass(r)) {
      excluded += (excluded.empty() ? "" : ", ") + id;
      continue;
    }
    if (is_input(d, id)) throw Error("intracellular flux '" + id + "' is a model input; it cannot be scored");
    rows.push_back(static_cast<int>(i));
  }
  if (static_cast<int>(rows.size()) != kIntracellularFluxes)
    throw Error("the dataset has " + std::to_string(rows.size()) + " intracellular measured fluxes, expected " +
                std::to_string(kIntracellularFluxes) + " (the " + std::to_string(d.target_ids.size()) +
                " measured minus the exchange and biomass fluxes: " + excluded + ")");
  return rows;
}

}  // namespace minn
