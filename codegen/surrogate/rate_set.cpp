#include "surrogate/rate_set.hpp"

#include <cmath>
#include <cstdlib>

#include "common/error.hpp"
#include "data/ishii_ids.hpp"
#include "data/rate_columns.hpp"

namespace minn::surrogate {
namespace {

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> items;
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = text.find(',', start);
    items.push_back(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (comma == std::string::npos) return items;
    start = comma + 1;
  }
}

double parse_number(const std::string& text, const std::string& item) {
  char* end = nullptr;
  const double value = std::strtod(text.c_str(), &end);
  if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value))
    throw Error("--rates: '" + item + "': '" + text + "' is not a finite number (expected ID=MIN:MAX)");
  return value;
}

// The dataset's range of a measured split id; false when the dataset does not measure it.
bool measured_range(const Dataset& dataset, const std::string& id, double& min, double& max) {
  for (std::size_t c = 0; c < dataset.target_ids.size(); ++c)
    if (dataset.target_ids[c] == id) {
      const auto column = dataset.targets.col(static_cast<Eigen::Index>(c));
      min = column.minCoeff();
      max = column.maxCoeff();
      return true;
    }
  return false;
}

std::string unit_of(const Reaction& r) { return r.objective_coefficient != 0.0 ? "1/h" : "mmol/gDW/h"; }

Rate resolve_one(const std::string& item, const Gem& gem, const Dataset& dataset, const std::string& data_dir) {
  const std::size_t equals = item.find('=');
  Rate rate;
  rate.id = item.substr(0, equals);
  if (rate.id.empty()) throw Error("--rates: empty reaction id in '" + item + "' (expected ID or ID=MIN:MAX)");
  const int k = gem.reaction_index(rate.id);
  if (k < 0) {
    std::string hint;
    if (gem.reaction_index(rate.id + "_fwd") >= 0 || gem.reaction_index(rate.id + "_rev") >= 0)
      hint = "; it is reversible, so name a direction: " + rate.id + "_fwd or " + rate.id + "_rev";
    throw Error("--rates: '" + rate.id + "' is not a reaction of the split GEM '" + gem.id +
                "' (rates are split-GEM ids, e.g. R_EX_glc__D_e_rev for glucose uptake)" + hint);
  }
  rate.unit = unit_of(gem.reactions[static_cast<std::size_t>(k)]);
  if (equals != std::string::npos) {
    const std::string range = item.substr(equals + 1);
    const std::size_t colon = range.find(':');
    if (colon == std::string::npos)
      throw Error("--rates: '" + item + "': expected ID=MIN:MAX, e.g. " + rate.id + "=0:2");
    rate.min = parse_number(range.substr(0, colon), item);
    rate.max = parse_number(range.substr(colon + 1), item);
    rate.measured = false;
  } else if (!measured_range(dataset, rate.id, rate.min, rate.max)) {
    throw Error("--rates: '" + rate.id + "' is not measured in " + data_dir + "/" + kIshiiFluxomics +
                ", so it has no observed range; give one as " + rate.id + "=MIN:MAX");
  }
  if (!(rate.min >= 0 && rate.min <= rate.max))
    throw Error("--rates: '" + rate.id + "' range [" + std::to_string(rate.min) + ", " + std::to_string(rate.max) +
                "]" + (rate.measured ? " (measured)" : "") +
                ": expected 0 <= MIN <= MAX (split-GEM fluxes are non-negative)");
  return rate;
}

}  // namespace

std::vector<Rate> resolve_rates(const std::string& spec, const Gem& gem, const Dataset& dataset,
                                const std::string& data_dir) {
  std::vector<std::string> items;
  const std::vector<std::string> columns = named_rate_columns(spec);
  for (const std::string& raw : columns)
    items.push_back(map_ishii_flux(raw, gem, "--rates " + spec + ", measured flux '" + raw + "'").gem_id);
  if (columns.empty()) items = split_list(spec);
  std::vector<Rate> rates;
  for (const std::string& item : items) {
    Rate rate = resolve_one(item, gem, dataset, data_dir);
    for (const Rate& earlier : rates)
      if (earlier.id == rate.id) throw Error("--rates: '" + rate.id + "' is listed twice");
    rates.push_back(std::move(rate));
  }
  return rates;
}

}  // namespace minn::surrogate

namespace minn::surrogate {

std::vector<double> resolve_input_noise(const std::string& spec, const std::vector<Rate>& rates) {
  if (spec.empty()) return {};
  std::vector<double> sd(rates.size(), 0.0);
  std::vector<bool> named(rates.size(), false);
  for (const std::string& item : split_list(spec)) {
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0)
      throw Error("--input-noise: '" + item + "': expected ID=SD (a rate's id and a standard deviation in its unit)");
    const std::string id = item.substr(0, eq), text = item.substr(eq + 1);
    std::size_t k = 0;
    while (k < rates.size() && rates[k].id != id) ++k;
    if (k == rates.size()) throw Error("--input-noise: '" + id + "' is not one of the --rates");
    if (named[k]) throw Error("--input-noise: '" + id + "' is given twice");
    char* end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (text.empty() || end != text.c_str() + text.size() || !std::isfinite(value) || value < 0)
      throw Error("--input-noise: '" + item + "': '" + text + "' is not a standard deviation (a finite number >= 0)");
    sd[k] = value;
    named[k] = true;
  }
  return sd;
}

}  // namespace minn::surrogate
