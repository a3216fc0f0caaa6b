#include "surrogate/samples_csv.hpp"

#include <cstdio>

namespace minn::surrogate {
namespace {

void append_number(std::string& out, double value) {
  char text[32];
  std::snprintf(text, sizeof text, ",%.17g", value);
  out += text;
}

}  // namespace

std::string samples_csv(const FluxSamples& s) {
  std::string out = "sample";
  for (const Rate& rate : s.rates) out += "," + std::string(kRateColumnPrefix) + rate.id;
  for (const std::string& id : s.reaction_ids) out += "," + id;
  out += "\n";
  for (int j = 0; j < s.samples(); ++j) {
    out += std::to_string(j + 1);
    for (Eigen::Index i = 0; i < s.inputs.rows(); ++i) append_number(out, s.inputs(i, j));
    for (Eigen::Index k = 0; k < s.fluxes.rows(); ++k) append_number(out, s.fluxes(k, j));
    out += "\n";
  }
  return out;
}

}  // namespace minn::surrogate
