#include "model/model_summary.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <vector>

#include "model/json_writer.hpp"
#include "model/model_file.hpp"

namespace minn {
namespace {

const char* activation_name(Activation a) { return a == Activation::Relu ? "relu" : "none"; }

std::string number(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.6g", value);
  return buffer;
}

std::size_t unbounded_pin_rows(const MinnModel& m) {
  return static_cast<std::size_t>(std::count_if(m.default_vin.begin(), m.default_vin.end(),
                                                [](float v) { return std::isinf(v); }));
}

// Up to `count` outputs with the largest |yield_offset|, largest first (ties: lower index first).
std::vector<std::size_t> largest_yields(const MinnModel& m, std::size_t count) {
  std::vector<std::size_t> order(m.yield_offset.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::fabs(m.yield_offset[a]) > std::fabs(m.yield_offset[b]);
  });
  order.resize(std::min(count, order.size()));
  return order;
}

double yield_norm(const MinnModel& m) {
  double sum = 0.0;
  for (float v : m.yield_offset) sum += static_cast<double>(v) * v;
  return std::sqrt(sum);
}

constexpr std::size_t kLargestYieldsShown = 3;

// Two lines: which raw input scales the outputs, and the residual-form offset if one is stored.
std::string normalisation_text(const MinnModel& m) {
  if (m.flux_scale_input < 0) return "normalise  no: the network predicts the fluxes directly\n";
  const int u = m.flux_scale_input;
  std::ostringstream o;
  o << "normalise  outputs scaled by raw input " << u << " '" << m.input_names[u] << "' ("
    << m.input_units[u] << "): V0 = max(u, 0) * (network"
    << (m.yield_offset.empty() ? "" : " + yield offset") << ")\n"
    << "yield      ";
  if (m.yield_offset.empty()) return o.str() + "no offset: the network predicts the yields\n";
  o << "offset stored (residual form): " << m.yield_offset.size() << " values, L2 norm "
    << number(yield_norm(m)) << ", largest";
  for (std::size_t i : largest_yields(m, kLargestYieldsShown))
    o << " " << m.reaction_ids[i] << "=" << number(m.yield_offset[i]);
  o << "\n";
  return o.str();
}

}  // namespace

std::string model_summary_text(const MinnModel& m, const std::string& file,
                               const std::string& sha256) {
  std::ostringstream o;
  o << "model      " << file << "\n"
    << "sha256     " << sha256 << "\n"
    << "schema     version " << schema_version_for(m) << ", written by minn "
    << (m.provenance.minn_version.empty() ? "?" : m.provenance.minn_version) << "\n"
    << "GEM        " << m.gem_id << " (sha256 " << (m.gem_sha256.empty() ? "-" : m.gem_sha256)
    << ")\n\n";

  std::size_t width = 4;
  for (const auto& name : m.input_names) width = std::max(width, name.size());
  o << "inputs     " << m.num_inputs() << " (envelope margin " << number(m.envelope_margin * 100.0)
    << "% of the range)\n"
    << "clip       "
    << (m.clip_inputs ? "yes: scaled inputs saturated to [0, 1] (the training range)"
                      : "no: inputs beyond the training range are extrapolated")
    << "\n"
    << normalisation_text(m);
  char line[512];
  std::snprintf(line, sizeof line, "  %4s  %-*s  %-10s  %-27s  %s\n", "#", static_cast<int>(width),
                "name", "unit", "envelope [min, max]", "scaler min, range");
  o << line;
  for (int i = 0; i < m.num_inputs(); ++i) {
    const std::string envelope =
        "[" + number(m.envelope_min[i]) + ", " + number(m.envelope_max[i]) + "]";
    std::snprintf(line, sizeof line, "  %4d  %-*s  %-10s  %-27s  %s, %s\n", i,
                  static_cast<int>(width), m.input_names[i].c_str(), m.input_units[i].c_str(),
                  envelope.c_str(), number(m.scaler_min[i]).c_str(),
                  number(m.scaler_range[i]).c_str());
    o << line;
  }

  o << "\nlayers     " << m.layers.size() << "\n";
  for (const DenseLayer& l : m.layers)
    o << "  " << l.name << ": " << l.in << " -> " << l.out << ", " << activation_name(l.activation)
      << "\n";

  const Refinement& r = m.refinement;
  o << "\noutputs    " << m.num_outputs() << " reaction fluxes (split GEM order)\n"
    << "S          " << m.S.rows << " metabolites x " << m.S.cols << " reactions, "
    << m.S.values.size() << " nonzeros\n"
    << "refinement K = " << r.steps << ", step size " << number(r.step_size) << " ("
    << (r.step_rule.empty() ? "-" : r.step_rule) << "), momentum " << number(r.momentum)
    << ", lambda_max " << number(r.lambda_max) << "\n";
  if (r.lambda_max > 0.0)
    o << "           step size x lambda_max = " << number(r.step_size * r.lambda_max)
      << " (heavy ball is stable below 2(1 + momentum) = " << number(2.0 * (1.0 + r.momentum))
      << ")\n";
  o << "Pin        " << m.pin_reactions.size() << " rows (" << unbounded_pin_rows(m)
    << " without a default bound)\n"
    << "Pref       " << m.pref_reactions.size() << " measured fluxes\n";
  if (!m.genotype_inputs.empty()) {
    o << "genotype   " << m.genotype_inputs.size() << " knockout inputs (1 = the strain lacks a gene below: its "
      << "Pin rows get upper bound 0";
    if (m.layers.front().in < m.num_inputs()) o << "; inputs from " << m.layers.front().in << " on are not read by the network";
    o << ")\n";
    for (const GenotypeInput& g : m.genotype_inputs) {
      o << "  " << m.input_names[static_cast<std::size_t>(g.input)] << ":";
      for (const std::string& gene : g.genes) o << " " << gene;
      int rows = 0;
      for (std::int32_t s : m.pin_switch_input) rows += s == g.input;
      o << " (" << rows << " Pin rows)\n";
    }
  }

  const Provenance& p = m.provenance;
  o << "\nprovenance\n"
    << "  dataset sha256  " << (p.dataset_sha256.empty() ? "-" : p.dataset_sha256) << "\n"
    << "  seed            " << p.seed << "\n"
    << "  variant         " << (p.variant.empty() ? "-" : p.variant) << "\n";
  o << "  hyper-parameters";
  for (const auto& [name, value] : p.hyper_parameters) o << " " << name << "=" << number(value);
  o << "\n  training metrics";
  for (const auto& [name, value] : p.training_metrics) o << " " << name << "=" << number(value);
  o << "\n  command         " << (p.command.empty() ? "-" : p.command) << "\n";
  return o.str();
}

std::string model_summary_json(const MinnModel& m, const std::string& file,
                               const std::string& sha256) {
  JsonWriter j;
  j.begin_object();
  j.key("file").value(file).key("sha256").value(sha256);
  j.key("schema_version").value(static_cast<long long>(schema_version_for(m)));
  j.key("gem").begin_object().key("id").value(m.gem_id).key("sha256").value(m.gem_sha256).end_object();

  j.key("inputs").begin_array();
  for (int i = 0; i < m.num_inputs(); ++i)
    j.begin_object()
        .key("name").value(m.input_names[i])
        .key("unit").value(m.input_units[i])
        .key("scaler_min").value(m.scaler_min[i])
        .key("scaler_range").value(m.scaler_range[i])
        .key("envelope_min").value(m.envelope_min[i])
        .key("envelope_max").value(m.envelope_max[i])
        .end_object();
  j.end_array();
  j.key("envelope_margin").value(m.envelope_margin);
  j.key("clip_inputs").value(m.clip_inputs);
  // Uptake normalisation: null when the outputs are not scaled / no offset is stored.
  j.key("flux_scale_input");
  if (m.flux_scale_input < 0) {
    j.null();
  } else {
    j.begin_object()
        .key("index").value(m.flux_scale_input)
        .key("name").value(m.input_names[m.flux_scale_input])
        .end_object();
  }
  j.key("yield_offset");
  if (m.yield_offset.empty()) {
    j.null();
  } else {
    j.begin_object().key("count").value(static_cast<long long>(m.yield_offset.size()));
    j.key("l2_norm").value(yield_norm(m)).key("largest").begin_array();
    for (std::size_t i : largest_yields(m, kLargestYieldsShown))
      j.begin_object()
          .key("reaction").value(m.reaction_ids[i])
          .key("value").value(m.yield_offset[i])
          .end_object();
    j.end_array().end_object();
  }

  j.key("layers").begin_array();
  for (const DenseLayer& l : m.layers)
    j.begin_object()
        .key("name").value(l.name)
        .key("in").value(l.in)
        .key("out").value(l.out)
        .key("activation").value(activation_name(l.activation))
        .end_object();
  j.end_array();

  j.key("outputs").begin_array();
  for (const auto& id : m.reaction_ids) j.value(id);
  j.end_array();
  j.key("stoichiometry").begin_object()
      .key("rows").value(m.S.rows)
      .key("cols").value(m.S.cols)
      .key("nonzeros").value(static_cast<unsigned long long>(m.S.values.size()))
      .end_object();

  const Refinement& r = m.refinement;
  j.key("refinement").begin_object()
      .key("steps").value(r.steps)
      .key("step_size").value(r.step_size)
      .key("momentum").value(r.momentum)
      .key("lambda_max").value(r.lambda_max)
      .key("step_rule").value(r.step_rule)
      .end_object();

  // default_vin null = no bound (+inf).
  j.key("pin").begin_array();
  for (std::size_t i = 0; i < m.pin_reactions.size(); ++i) {
    j.begin_object()
        .key("reaction").value(m.reaction_ids[m.pin_reactions[i]])
        .key("default_vin").value(m.default_vin[i]);
    // The knockout input that closes this row; only models with switches have the key.
    if (!m.pin_switch_input.empty())
      j.key("switch_input").value(m.pin_switch_input[i] < 0 ? std::string()
                                  : m.input_names[static_cast<std::size_t>(m.pin_switch_input[i])]);
    j.end_object();
  }
  j.end_array();
  if (!m.genotype_inputs.empty()) {  // only models with knockout switches have the key
    j.key("genotype_inputs").begin_array();
    for (const GenotypeInput& g : m.genotype_inputs) {
      j.begin_object().key("input").value(m.input_names[static_cast<std::size_t>(g.input)]).key("genes").begin_array();
      for (const std::string& gene : g.genes) j.value(gene);
      j.end_array().end_object();
    }
    j.end_array();
  }
  j.key("pref").begin_array();
  for (const auto& id : m.pref_reactions) j.value(id);
  j.end_array();

  const Provenance& p = m.provenance;
  j.key("provenance").begin_object()
      .key("minn_version").value(p.minn_version)
      .key("dataset_sha256").value(p.dataset_sha256)
      .key("seed").value(static_cast<unsigned long long>(p.seed))
      .key("variant").value(p.variant)
      .key("command").value(p.command);
  j.key("hyper_parameters").begin_object();
  for (const auto& [name, value] : p.hyper_parameters) j.key(name).value(value);
  j.end_object();
  j.key("training_metrics").begin_object();
  for (const auto& [name, value] : p.training_metrics) j.key(name).value(value);
  j.end_object();
  j.end_object();

  j.end_object();
  return j.str();
}

}  // namespace minn
