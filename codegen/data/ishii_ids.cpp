#include "data/ishii_ids.hpp"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <vector>

#include "common/error.hpp"

namespace minn {
namespace {

// The note's sign list: the direction the measured flux takes in a split GEM.
// -1: the data's sign is opposite to the GEM's forward direction (value goes to _rev).
const std::unordered_map<std::string, double>& measured_direction() {
  static const std::unordered_map<std::string, double> signs = {
      {"R_PGK", -1},  {"R_PGM", -1},   {"R_RPI", -1},     {"R_SUCOAS", -1},  {"R_ACKr", -1},
      {"R_LDH_D", -1}, {"R_ACALD", -1}, {"R_ALCD2x", -1},  {"R_EX_glc_e_", -1}, {"R_EX_o2_e_", -1},
      {"R_PGI", 1},   {"R_FBA", 1},    {"R_TPI", 1},      {"R_GAPD", 1},     {"R_ENO", 1},
      {"R_G6PDH2r", 1}, {"R_RPE", 1},  {"R_TKT1", 1},     {"R_TALA", 1},     {"R_TKT2", 1},
      {"R_ACONTb", 1}, {"R_ACONTa", 1}, {"R_ICDHyr", 1},  {"R_FUM", 1},      {"R_MDH", 1},
      {"R_PTAr", 1},  {"R_EX_co2_e_", 1}};
  return signs;
}

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool contains_biomass(const std::string& id) {
  std::string lower(id);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return lower.find("biomass") != std::string::npos;
}

// GEM ids the raw id may go by, most literal first (the renames of the note, stated as rules).
std::vector<std::string> candidate_ids(const std::string& raw, const Gem& gem) {
  std::vector<std::string> ids = {raw};
  // Exchanges "R_EX_<met>_e_" -> "R_EX_<met>_e"; BiGG marks stereo-isomers with a double
  // underscore: "lac_D" -> "lac__D", and plain "glc" is "glc__D" in the GEMs.
  if (raw.rfind("R_EX_", 0) == 0 && ends_with(raw, "_e_")) {
    const std::string met = raw.substr(5, raw.size() - 5 - 3);
    ids.push_back("R_EX_" + met + "_e");
    if (ends_with(met, "_D") || ends_with(met, "_L"))
      ids.push_back("R_EX_" + met.substr(0, met.size() - 2) + "__" + met.back() + "_e");
    else
      for (const char* isomer : {"__D", "__L"}) ids.push_back("R_EX_" + met + isomer + "_e");
  }
  // Periplasm transport (iAF1260) has no periplasm in e_coli_core: GLCptspp -> GLCpts.
  if (ends_with(raw, "pp")) ids.push_back(raw.substr(0, raw.size() - 2));
  // Biomass: "R_Ec_biomass_<x>" is "R_BIOMASS_Ec_<x>" in iAF1260; otherwise the GEM's objective
  // biomass reaction (e_coli_core: R_BIOMASS_Ecoli_core_w_GAM).
  if (contains_biomass(raw)) {
    if (raw.rfind("R_Ec_biomass_", 0) == 0) ids.push_back("R_BIOMASS_Ec_" + raw.substr(13));
    for (const Reaction& r : gem.reactions)
      if (r.objective_coefficient != 0.0 && contains_biomass(r.id)) ids.push_back(r.id);
  }
  return ids;
}

}  // namespace

MappedFlux map_ishii_flux(const std::string& raw_id, const Gem& gem, const std::string& where) {
  std::unordered_map<std::string, int> index;
  for (std::size_t i = 0; i < gem.reactions.size(); ++i)
    index.emplace(gem.reactions[i].id, static_cast<int>(i));
  const auto find = [&](const std::string& id) {
    const auto it = index.find(id);
    return it == index.end() ? -1 : it->second;
  };

  const std::vector<std::string> candidates = candidate_ids(raw_id, gem);
  for (const std::string& id : candidates) {
    const int fwd = find(id + "_fwd"), rev = find(id + "_rev");
    if (fwd >= 0 || rev >= 0) {
      const auto sign = measured_direction().find(raw_id);
      if (sign == measured_direction().end())
        throw Error(where + ": the GEM splits " + id + " into _fwd/_rev halves, but the sign "
                    "convention of measured flux '" + raw_id + "' is not known (ishii-ids note)");
      const std::string half = id + (sign->second < 0 ? "_rev" : "_fwd");
      const int reaction = sign->second < 0 ? rev : fwd;
      if (reaction < 0)
        throw Error(where + ": the measured flux '" + raw_id + "' maps to " + half +
                    ", which is not in the GEM '" + gem.id + "' (only the other half is)");
      return {half, reaction, sign->second};
    }
    if (const int reaction = find(id); reaction >= 0) return {id, reaction, 1.0};
  }
  std::string tried;
  for (const std::string& id : candidates) tried += (tried.empty() ? "" : ", ") + id;
  throw Error(where + ": measured flux '" + raw_id + "' is absent from the GEM '" + gem.id +
              "' (looked for " + tried + ", each also with _fwd/_rev)");
}

}  // namespace minn
