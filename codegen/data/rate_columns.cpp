#include "data/rate_columns.hpp"

#include "common/error.hpp"
#include "data/ishii_ids.hpp"

namespace minn {

std::vector<std::string> named_rate_columns(const std::string& name) {
  if (name == "paper") return {"R_EX_glc_e_", "R_EX_o2_e_", "R_EX_co2_e_", "R_EX_etoh_e_", "R_EX_ac_e_"};
  if (name == "online") return {"R_EX_glc_e_", "R_EX_o2_e_", "R_EX_co2_e_", "R_Ec_biomass_iAF1260_core_59p81M"};
  return {};
}

std::vector<std::string> named_rate_ids(const std::string& name, const Gem& split_gem) {
  const std::vector<std::string> columns = named_rate_columns(name);
  if (columns.empty()) throw Error("no rate set named '" + name + "' (expected paper or online)");
  std::vector<std::string> ids;
  for (const std::string& raw : columns)
    ids.push_back(map_ishii_flux(raw, split_gem, "the " + name + " rate set, measured flux '" + raw + "'").gem_id);
  return ids;
}

}  // namespace minn
