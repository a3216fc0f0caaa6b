#include "surrogate/split_origins.hpp"

#include <algorithm>

#include "common/error.hpp"

namespace minn::surrogate {

std::vector<SplitOrigin> split_origins(const Gem& unsplit, const Gem& split) {
  std::vector<SplitOrigin> origins(split.reactions.size());
  std::vector<bool> seen(split.reactions.size(), false);
  const auto place = [&](const std::string& id, SplitOrigin origin) {
    const int k = split.reaction_index(id);
    if (k < 0) throw Error("model '" + split.id + "': no split reaction '" + id + "' for the unsplit GEM's reaction");
    origins[static_cast<std::size_t>(k)] = origin;
    seen[static_cast<std::size_t>(k)] = true;
  };
  for (std::size_t j = 0; j < unsplit.reactions.size(); ++j) {
    const Reaction& r = unsplit.reactions[j];
    const int index = static_cast<int>(j);
    if (r.reversible) {
      place(r.id + "_fwd", {index, +1.0, true});
      place(r.id + "_rev", {index, -1.0, true});
    } else {
      place(r.id, {index, +1.0, false});
    }
  }
  const auto missing = std::find(seen.begin(), seen.end(), false);
  if (missing != seen.end())
    throw Error("model '" + split.id + "': split reaction '" + split.reactions[missing - seen.begin()].id +
                "' has no origin in the unsplit GEM '" + unsplit.id + "'");
  return origins;
}

std::vector<double> split_fluxes(const std::vector<SplitOrigin>& origins, const std::vector<double>& v) {
  std::vector<double> out(origins.size());
  for (std::size_t k = 0; k < origins.size(); ++k) {
    const double value = v[static_cast<std::size_t>(origins[k].reaction)];
    const double directed = origins[k].half ? origins[k].sign * value : value;
    // Zero without a sign: CLP may return -0.0, which would print as "-0".
    out[k] = directed > 0 || (!origins[k].half && directed < 0) ? directed : 0.0;
  }
  return out;
}

}  // namespace minn::surrogate
