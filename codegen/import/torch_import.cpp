#include "import/torch_import.hpp"

#include <cmath>
#include <cstring>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/version.hpp"
#include "gem/gem.hpp"
#include "import/pickle_reader.hpp"
#include "import/pth_archive.hpp"
#include "sbml/sbml_reader.hpp"
#include "train/mechanics.hpp"
#include "train/model_builder.hpp"
#include "train/step_size.hpp"

namespace minn::import {
namespace {

static_assert(sizeof(float) == 4 && sizeof(double) == 8, "IEEE floats expected");

struct Tensor {
  std::vector<long long> shape;
  std::vector<float> values;  // row-major
};

std::string shape_text(const std::vector<long long>& shape) {
  std::string s;
  for (std::size_t i = 0; i < shape.size(); ++i) s += (i ? " x " : "") + std::to_string(shape[i]);
  return shape.empty() ? "a scalar" : s;
}

// Row-major values of a strided tensor from its raw little-endian storage.
Tensor load_tensor(const PthArchive& archive, const TensorRecord& r) {
  std::size_t element = 0;
  if (r.storage_type == "FloatStorage") element = 4;
  else if (r.storage_type == "DoubleStorage") element = 8;
  else
    throw Error(archive.path() + ": tensor '" + r.name + "' is stored as " + r.storage_type +
                "; expected float32 (FloatStorage) or float64 (DoubleStorage)");
  const std::string bytes = archive.storage(r.storage_key);
  Tensor t;
  t.shape = r.shape;
  long long count = 1;
  for (long long d : r.shape) {
    if (d < 0) throw Error(archive.path() + ": tensor '" + r.name + "' has a negative dimension");
    count *= d;
  }
  t.values.resize(static_cast<std::size_t>(count));
  std::vector<long long> index(r.shape.size(), 0);
  const long long elements = static_cast<long long>(bytes.size() / element);
  for (long long k = 0; k < count; ++k) {
    long long at = r.offset;
    for (std::size_t d = 0; d < index.size(); ++d) at += index[d] * r.stride[d];
    if (at < 0 || at >= elements)
      throw Error(archive.path() + ": tensor '" + r.name + "' reads element " + std::to_string(at) +
                  " of a storage of " + std::to_string(elements));
    if (element == 4) {
      std::memcpy(&t.values[static_cast<std::size_t>(k)], bytes.data() + at * 4, 4);
    } else {
      double v = 0;
      std::memcpy(&v, bytes.data() + at * 8, 8);
      t.values[static_cast<std::size_t>(k)] = static_cast<float>(v);
    }
    for (std::size_t d = index.size(); d-- > 0;) {  // next row-major index
      if (++index[d] < r.shape[d]) break;
      index[d] = 0;
    }
  }
  return t;
}

template <typename T>
T get(const nlohmann::json& j, const char* key, const std::string& where) {
  if (!j.is_object() || !j.contains(key)) throw Error(where + ": no field '" + key + "'");
  try {
    return j.at(key).get<T>();
  } catch (const nlohmann::json::exception&) {
    throw Error(where + ": field '" + key + "' has the wrong type");
  }
}

double number_or_inf(const nlohmann::json& v, const std::string& where) {
  if (v.is_number()) return v.get<double>();
  if (v.is_string() && (v.get<std::string>() == "inf" || v.get<std::string>() == "+inf"))
    return std::numeric_limits<double>::infinity();
  throw Error(where + ": expected a number or \"inf\"");
}

}  // namespace

MinnModel import_torch(const std::string& pth_path, const std::string& gem_path, const std::string& manifest_path) {
  nlohmann::json manifest;
  try {
    manifest = nlohmann::json::parse(read_file_bytes(manifest_path));
  } catch (const nlohmann::json::exception& e) {
    throw Error(manifest_path + ": not valid JSON (" + e.what() + ")");
  }

  const PthArchive archive(pth_path);
  std::map<std::string, TensorRecord> records;
  std::string names;
  for (TensorRecord& r : read_state_dict_pickle(archive.pickle(), pth_path)) {
    names += (names.empty() ? "" : ", ") + r.name;
    records[r.name] = std::move(r);
  }
  auto tensor = [&](const std::string& name, std::size_t rank) {
    const auto it = records.find(name);
    if (it == records.end())
      throw Error(pth_path + ": no tensor '" + name + "' (the state_dict holds: " + (names.empty() ? "none" : names) +
                  "); expected the published MINN layers layers.0 (Linear), layers.3 (Linear)");
    if (it->second.shape.size() != rank)
      throw Error(pth_path + ": tensor '" + name + "' is " + shape_text(it->second.shape) + ", expected rank " +
                  std::to_string(rank));
    return load_tensor(archive, it->second);
  };
  const Tensor w1 = tensor("layers.0.weight", 2), b1 = tensor("layers.0.bias", 1);
  const Tensor w2 = tensor("layers.3.weight", 2), b2 = tensor("layers.3.bias", 1);
  const long long H = w1.shape[0], F = w1.shape[1], N = w2.shape[0];
  if (b1.shape[0] != H)
    throw Error(pth_path + ": layers.0.bias has " + std::to_string(b1.shape[0]) + " entries but layers.0.weight is " +
                shape_text(w1.shape) + " (expected " + std::to_string(H) + ")");
  if (w2.shape[1] != H)
    throw Error(pth_path + ": layers.3.weight is " + shape_text(w2.shape) + " but layers.0.weight is " +
                shape_text(w1.shape) + ": expected " + std::to_string(N) + " x " + std::to_string(H));
  if (b2.shape[0] != N)
    throw Error(pth_path + ": layers.3.bias has " + std::to_string(b2.shape[0]) + " entries but layers.3.weight is " +
                shape_text(w2.shape) + " (expected " + std::to_string(N) + ")");

  const Gem gem = split_reversible(read_sbml(gem_path));
  const long long n = static_cast<long long>(gem.reactions.size());
  if (N != n)
    throw Error(pth_path + ": layers.3.weight is " + shape_text(w2.shape) + " (" + std::to_string(N) +
                " outputs), but the GEM '" + gem.id + "' (" + gem_path + ") has " + std::to_string(n) +
                " split reactions: expected " + std::to_string(n) + " x " + std::to_string(H));

  const nlohmann::json inputs = get<nlohmann::json>(manifest, "inputs", manifest_path);
  if (!inputs.is_array() || static_cast<long long>(inputs.size()) != F)
    throw Error(manifest_path + ": 'inputs' lists " + std::to_string(inputs.is_array() ? inputs.size() : 0) +
                " inputs, but layers.0.weight of " + pth_path + " is " + shape_text(w1.shape) + " (" +
                std::to_string(F) + " inputs)");
  MinnModel m;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const std::string where = manifest_path + ": inputs[" + std::to_string(i) + "]";
    m.input_names.push_back(get<std::string>(inputs[i], "name", where));
    m.input_units.push_back(inputs[i].contains("unit") ? get<std::string>(inputs[i], "unit", where) : "");
    const double lo = get<double>(inputs[i], "min", where), range = get<double>(inputs[i], "range", where);
    m.scaler_min.push_back(static_cast<float>(lo));
    m.scaler_range.push_back(static_cast<float>(range));
    m.envelope_min.push_back(static_cast<float>(inputs[i].contains("envelope_min")
                                                    ? get<double>(inputs[i], "envelope_min", where) : lo));
    m.envelope_max.push_back(static_cast<float>(inputs[i].contains("envelope_max")
                                                    ? get<double>(inputs[i], "envelope_max", where) : lo + range));
  }
  m.envelope_margin = train::kEnvelopeMargin;
  m.clip_inputs = manifest.contains("clip_inputs") && get<bool>(manifest, "clip_inputs", manifest_path);

  // Output row r of the network is reaction order[r] of the split GEM.
  std::vector<int> order(static_cast<std::size_t>(n));
  for (int r = 0; r < n; ++r) order[static_cast<std::size_t>(r)] = r;
  if (manifest.contains("outputs")) {
    const auto ids = get<std::vector<std::string>>(manifest, "outputs", manifest_path);
    if (static_cast<long long>(ids.size()) != n)
      throw Error(manifest_path + ": 'outputs' lists " + std::to_string(ids.size()) + " reactions, but the GEM '" +
                  gem.id + "' has " + std::to_string(n) + " split reactions");
    std::vector<bool> seen(static_cast<std::size_t>(n), false);
    for (std::size_t r = 0; r < ids.size(); ++r) {
      const int j = gem.reaction_index(ids[r]);
      if (j < 0) throw Error(manifest_path + ": outputs[" + std::to_string(r) + "] '" + ids[r] + "' is not a reaction of the split GEM '" + gem.id + "'");
      if (seen[static_cast<std::size_t>(j)]) throw Error(manifest_path + ": outputs lists '" + ids[r] + "' twice");
      seen[static_cast<std::size_t>(j)] = true;
      order[r] = j;
    }
  }
  DenseLayer hidden{"hidden", static_cast<int>(F), static_cast<int>(H), w1.values, b1.values, Activation::Relu};
  DenseLayer output{"output", static_cast<int>(H), static_cast<int>(n), std::vector<float>(w2.values.size()),
                    std::vector<float>(static_cast<std::size_t>(n)), Activation::None};
  for (std::size_t r = 0; r < order.size(); ++r) {  // stored in GEM order, the order of S's columns
    const auto j = static_cast<std::size_t>(order[r]);
    std::copy(w2.values.begin() + static_cast<std::ptrdiff_t>(r * H), w2.values.begin() + static_cast<std::ptrdiff_t>((r + 1) * H),
              output.weights.begin() + static_cast<std::ptrdiff_t>(j * H));
    output.bias[j] = b2.values[r];
  }
  m.layers = {std::move(hidden), std::move(output)};

  for (const Reaction& r : gem.reactions) m.reaction_ids.push_back(r.id);
  for (const Metabolite& met : gem.metabolites) m.metabolite_ids.push_back(met.id);
  const CsrMatrix S = gem.stoichiometry();
  m.S.rows = S.rows;
  m.S.cols = S.cols;
  m.S.row_ptr.assign(S.row_ptr.begin(), S.row_ptr.end());
  m.S.col_index.assign(S.col_index.begin(), S.col_index.end());
  for (double v : S.values) m.S.values.push_back(static_cast<float>(v));

  std::vector<int> pin;
  if (manifest.contains("pin")) {
    const nlohmann::json rows = get<nlohmann::json>(manifest, "pin", manifest_path);
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const std::string where = manifest_path + ": pin[" + std::to_string(k) + "]";
      const std::string id = get<std::string>(rows[k], "reaction", where);
      const int j = gem.reaction_index(id);
      if (j < 0) throw Error(where + ": '" + id + "' is not a reaction of the split GEM '" + gem.id + "'");
      pin.push_back(j);
      m.pin_reactions.push_back(j);
      m.default_vin.push_back(static_cast<float>(number_or_inf(get<nlohmann::json>(rows[k], "vin", where), where + ".vin")));
    }
  }
  const nlohmann::json refinement = get<nlohmann::json>(manifest, "refinement", manifest_path);
  const std::string rwhere = manifest_path + ": refinement";
  m.refinement.steps = get<int>(refinement, "steps", rwhere);
  m.refinement.momentum = static_cast<float>(get<double>(refinement, "momentum", rwhere));
  const train::Mechanics mech(S, pin, {});
  const nlohmann::json step = get<nlohmann::json>(refinement, "step_size", rwhere);
  if (step.is_string() && step.get<std::string>() == "auto") {
    const train::StepChoice c = train::choose_step_auto(mech, m.refinement.momentum, m.refinement.steps);
    m.refinement.step_size = static_cast<float>(c.eta);
    m.refinement.lambda_max = c.lambda_max;
    m.refinement.step_rule = "auto";
  } else if (step.is_number()) {
    m.refinement.step_size = static_cast<float>(step.get<double>());
    m.refinement.lambda_max = train::lambda_max_sts(mech);
    m.refinement.step_rule = "fixed";
  } else {
    throw Error(rwhere + ": 'step_size' must be a number or \"auto\"");
  }

  m.gem_id = gem.id;
  m.gem_sha256 = gem.source_sha256;
  m.provenance.minn_version = MINN_VERSION_STRING;
  m.provenance.variant = "imported";
  m.provenance.hyper_parameters = {{"hidden", static_cast<double>(H)}};
  auto file_name = [](const std::string& p) { return p.substr(p.find_last_of('/') + 1); };
  m.provenance.command = "minnc import-torch " + file_name(pth_path) + " --gem " + file_name(gem_path) +
                         " --manifest " + file_name(manifest_path);
  return m;
}

}  // namespace minn::import
