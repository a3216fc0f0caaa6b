#include "report/exchange_formats.hpp"

#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <tuple>

#include "common/json_text.hpp"

namespace minn::report {
namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string cobra_id(const std::string& sbml_id) { return sbml_id.rfind("R_", 0) == 0 ? sbml_id.substr(2) : sbml_id; }

std::string number(double v) {
  char b[40];
  std::snprintf(b, sizeof b, "%.9g", v);  // the model computes in float: 9 digits carry it
  return b;
}

}  // namespace

NetFluxes merge_split_fluxes(const std::vector<std::string>& split_ids, const std::vector<std::vector<float>>& rows) {
  std::map<std::string, std::size_t> index_of_split;
  for (std::size_t i = 0; i < split_ids.size(); ++i) index_of_split[split_ids[i]] = i;
  // Each net reaction: the split columns it adds (+1) and subtracts (-1).
  std::vector<std::vector<std::pair<std::size_t, double>>> terms;
  NetFluxes out;
  std::map<std::string, std::size_t> net_index;
  for (std::size_t i = 0; i < split_ids.size(); ++i) {
    const std::string& id = split_ids[i];
    std::string base = id;
    double sign = 1;
    for (const auto& [suffix, partner, s] : {std::tuple<const char*, const char*, double>{"_fwd", "_rev", 1.0},
                                              std::tuple<const char*, const char*, double>{"_rev", "_fwd", -1.0}}) {
      if (!ends_with(id, suffix)) continue;
      const std::string stem = id.substr(0, id.size() - 4);
      if (index_of_split.count(stem + partner)) {
        base = stem;
        sign = s;
      }
    }
    const std::string net = cobra_id(base);
    auto [it, inserted] = net_index.emplace(net, out.ids.size());
    if (inserted) {
      out.ids.push_back(net);
      terms.emplace_back();
    }
    terms[it->second].emplace_back(i, sign);
  }
  for (const std::vector<float>& row : rows) {
    std::vector<double> values(out.ids.size(), 0.0);
    for (std::size_t k = 0; k < out.ids.size(); ++k)
      for (const auto& [column, sign] : terms[k]) values[k] += sign * static_cast<double>(row[column]);
    out.values.push_back(std::move(values));  // a NaN half makes the net flux NaN
  }
  return out;
}

std::string escher_reaction_data(const NetFluxes& fluxes, std::size_t experiment) {
  std::string json = "{";
  bool first = true;
  for (std::size_t k = 0; k < fluxes.ids.size(); ++k) {
    const double v = fluxes.values.at(experiment)[k];
    if (!std::isfinite(v)) continue;
    json += (first ? "\n  " : ",\n  ") + json_quote(fluxes.ids[k]) + ": " + number(v);
    first = false;
  }
  return json + "\n}\n";
}

std::string cobra_flux_table(const NetFluxes& fluxes, const std::vector<std::string>& experiments) {
  std::string csv = "reaction";
  for (const std::string& e : experiments) csv += "," + e;
  csv += "\n";
  for (std::size_t k = 0; k < fluxes.ids.size(); ++k) {
    csv += fluxes.ids[k];
    for (std::size_t e = 0; e < experiments.size(); ++e) {
      const double v = fluxes.values[e][k];
      csv += "," + (std::isfinite(v) ? number(v) : std::string());
    }
    csv += "\n";
  }
  return csv;
}

}  // namespace minn::report
