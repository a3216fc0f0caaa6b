#include "model/model_file.hpp"

#include <zlib.h>

#include <cstdio>
#include <cstring>
#include <sstream>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/sha256.hpp"
#include "model/minn_generated.h"
#include "model/model_check.hpp"

namespace minn {
namespace {

namespace fb = minn::fb;
using flatbuffers::FlatBufferBuilder;
using flatbuffers::Offset;

// Size-prefixed layout: [u32 size of the rest][u32 root offset][identifier "MINN"]...
constexpr std::size_t kHeaderBytes = 12;
constexpr std::size_t kIdentifierAt = 8;

std::uint32_t read_u32_le(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

std::string printable(const std::uint8_t* p, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    if (p[i] >= 0x20 && p[i] < 0x7f) {
      out += static_cast<char>(p[i]);
    } else {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02x", p[i]);
      out += hex;
    }
  }
  return out;
}

std::uint32_t crc32_of(const std::vector<std::uint8_t>& bytes) {
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, bytes.data(), static_cast<uInt>(bytes.size()));
  return static_cast<std::uint32_t>(crc);
}

// ---- MinnModel -> FlatBuffers ----

flatbuffers::Offset<flatbuffers::Vector<flatbuffers::Offset<fb::NamedValue>>> named_values(
    FlatBufferBuilder& b, const std::vector<std::pair<std::string, double>>& values) {
  std::vector<Offset<fb::NamedValue>> out;
  out.reserve(values.size());
  for (const auto& [name, value] : values)
    out.push_back(fb::CreateNamedValue(b, b.CreateString(name), value));
  return b.CreateVector(out);
}

Offset<fb::Model> build(FlatBufferBuilder& b, const MinnModel& m) {
  const auto input_names = b.CreateVectorOfStrings(m.input_names);
  const auto input_units = b.CreateVectorOfStrings(m.input_units);
  const auto scaler_min = b.CreateVector(m.scaler_min);
  const auto scaler_range = b.CreateVector(m.scaler_range);
  const auto envelope_min = b.CreateVector(m.envelope_min);
  const auto envelope_max = b.CreateVector(m.envelope_max);

  // Every child is created in its own statement: the order of creation places the bytes, and
  // function arguments are evaluated in an unspecified order (gcc right to left, clang left to
  // right), so nested Create calls gave clang builds other bytes (found by the clang ASan suite).
  // The order below is the one gcc used, which wrote every .minn file so far.
  std::vector<Offset<fb::DenseLayer>> layers;
  for (const DenseLayer& l : m.layers) {
    const auto bias = b.CreateVector(l.bias);
    const auto weights = b.CreateVector(l.weights);
    const auto name = b.CreateString(l.name);
    layers.push_back(fb::CreateDenseLayer(b, name, l.in, l.out, weights, bias,
                                          static_cast<fb::Activation>(l.activation)));
  }
  const auto layer_vector = b.CreateVector(layers);

  const auto reaction_ids = b.CreateVectorOfStrings(m.reaction_ids);
  const auto metabolite_ids = b.CreateVectorOfStrings(m.metabolite_ids);
  const auto s_values = b.CreateVector(m.S.values);
  const auto s_col_index = b.CreateVector(m.S.col_index);
  const auto s_row_ptr = b.CreateVector(m.S.row_ptr);
  const auto s = fb::CreateSparseRows(b, m.S.rows, m.S.cols, s_row_ptr, s_col_index, s_values);
  const Refinement& r = m.refinement;
  const auto refinement = fb::CreateRefinement(b, r.steps, r.step_size, r.momentum, r.lambda_max,
                                               b.CreateString(r.step_rule));
  const auto pin = b.CreateVector(m.pin_reactions);
  const auto vin = b.CreateVector(m.default_vin);
  const auto pref = b.CreateVectorOfStrings(m.pref_reactions);
  const auto gem_id = b.CreateString(m.gem_id);
  const auto gem_sha = b.CreateString(m.gem_sha256);
  // Only when stored, so a model without it has the bytes it had before the field existed.
  const auto yield_offset =
      m.yield_offset.empty() ? Offset<flatbuffers::Vector<float>>() : b.CreateVector(m.yield_offset);

  const auto pin_switch = m.pin_switch_input.empty() ? Offset<flatbuffers::Vector<std::int32_t>>()
                                                     : b.CreateVector(m.pin_switch_input);
  Offset<flatbuffers::Vector<Offset<fb::GenotypeInput>>> genotype;
  if (!m.genotype_inputs.empty()) {
    std::vector<Offset<fb::GenotypeInput>> items;
    for (const GenotypeInput& g : m.genotype_inputs)
      items.push_back(fb::CreateGenotypeInput(b, g.input, b.CreateVectorOfStrings(g.genes)));
    genotype = b.CreateVector(items);
  }

  const Provenance& p = m.provenance;
  const auto command = b.CreateString(p.command);
  const auto training_metrics = named_values(b, p.training_metrics);
  const auto hyper_parameters = named_values(b, p.hyper_parameters);
  const auto variant = b.CreateString(p.variant);
  const auto dataset_sha256 = b.CreateString(p.dataset_sha256);
  const auto minn_version = b.CreateString(p.minn_version);
  const auto provenance = fb::CreateProvenance(b, minn_version, dataset_sha256, p.seed, variant,
                                               hyper_parameters, training_metrics, command);

  // fb::CreateModel's field order (same bytes as before clip_inputs existed), plus clip_inputs and
  // the normalisation fields only when set: ForceDefaults would otherwise write a false flag and a
  // -1 index and change every old file.
  fb::ModelBuilder mb(b);
  mb.add_provenance(provenance);
  mb.add_gem_sha256(gem_sha);
  mb.add_gem_id(gem_id);
  mb.add_pref_reactions(pref);
  mb.add_default_vin(vin);
  mb.add_pin_reactions(pin);
  mb.add_refinement(refinement);
  mb.add_stoichiometry(s);
  mb.add_metabolite_ids(metabolite_ids);
  mb.add_reaction_ids(reaction_ids);
  mb.add_layers(layer_vector);
  mb.add_envelope_margin(m.envelope_margin);
  mb.add_envelope_max(envelope_max);
  mb.add_envelope_min(envelope_min);
  mb.add_scaler_range(scaler_range);
  mb.add_scaler_min(scaler_min);
  mb.add_input_units(input_units);
  mb.add_input_names(input_names);
  mb.add_checksum(0);
  mb.add_schema_version(schema_version_for(m));
  if (m.clip_inputs) mb.add_clip_inputs(true);
  if (m.flux_scale_input >= 0) mb.add_flux_scale_input(m.flux_scale_input);
  if (!m.yield_offset.empty()) mb.add_yield_offset(yield_offset);
  if (!m.pin_switch_input.empty()) mb.add_pin_switch_input(pin_switch);
  if (!m.genotype_inputs.empty()) mb.add_genotype_inputs(genotype);
  return mb.Finish();
}

// ---- FlatBuffers -> MinnModel (absent vectors and strings read as empty) ----

std::string str(const flatbuffers::String* s) { return s ? s->str() : std::string(); }

std::vector<std::string> strings(const flatbuffers::Vector<Offset<flatbuffers::String>>* v) {
  std::vector<std::string> out;
  if (v) {
    out.reserve(v->size());
    for (const auto* s : *v) out.push_back(str(s));
  }
  return out;
}

template <typename T>
std::vector<T> scalars(const flatbuffers::Vector<T>* v) {
  return v ? std::vector<T>(v->begin(), v->end()) : std::vector<T>();
}

std::vector<std::pair<std::string, double>> pairs(
    const flatbuffers::Vector<Offset<fb::NamedValue>>* v) {
  std::vector<std::pair<std::string, double>> out;
  if (v)
    for (const auto* nv : *v) out.emplace_back(str(nv->name()), nv->value());
  return out;
}

MinnModel convert(const fb::Model& f) {
  MinnModel m;
  m.input_names = strings(f.input_names());
  m.input_units = strings(f.input_units());
  m.scaler_min = scalars(f.scaler_min());
  m.scaler_range = scalars(f.scaler_range());
  m.envelope_min = scalars(f.envelope_min());
  m.envelope_max = scalars(f.envelope_max());
  m.envelope_margin = f.envelope_margin();
  m.clip_inputs = f.clip_inputs();  // absent (files written before the field) = false
  m.flux_scale_input = f.flux_scale_input();  // absent = -1, no scaling
  m.yield_offset = scalars(f.yield_offset());  // absent = empty, no offset
  if (f.layers())
    for (const auto* l : *f.layers()) {
      DenseLayer layer;
      layer.name = str(l->name());
      layer.in = l->inputs();
      layer.out = l->outputs();
      layer.weights = scalars(l->weights());
      layer.bias = scalars(l->bias());
      layer.activation = static_cast<Activation>(l->activation());
      m.layers.push_back(std::move(layer));
    }
  m.reaction_ids = strings(f.reaction_ids());
  m.metabolite_ids = strings(f.metabolite_ids());
  if (const auto* s = f.stoichiometry()) {
    m.S.rows = s->rows();
    m.S.cols = s->cols();
    m.S.row_ptr = scalars(s->row_ptr());
    m.S.col_index = scalars(s->col_index());
    m.S.values = scalars(s->values());
  } else {
    m.S.row_ptr = {0};  // no S stored: an empty matrix, checked against the ids like any other
  }
  if (const auto* r = f.refinement()) {
    m.refinement.steps = r->steps();
    m.refinement.step_size = r->step_size();
    m.refinement.momentum = r->momentum();
    m.refinement.lambda_max = r->lambda_max();
    m.refinement.step_rule = str(r->step_rule());
  }
  m.pin_reactions = scalars(f.pin_reactions());
  m.default_vin = scalars(f.default_vin());
  m.pin_switch_input = scalars(f.pin_switch_input());  // absent = no switches
  if (f.genotype_inputs())
    for (const auto* g : *f.genotype_inputs()) m.genotype_inputs.push_back({g->input(), strings(g->genes())});
  m.pref_reactions = strings(f.pref_reactions());
  m.gem_id = str(f.gem_id());
  m.gem_sha256 = str(f.gem_sha256());
  if (const auto* p = f.provenance()) {
    m.provenance.minn_version = str(p->minn_version());
    m.provenance.dataset_sha256 = str(p->dataset_sha256());
    m.provenance.seed = p->seed();
    m.provenance.variant = str(p->variant());
    m.provenance.hyper_parameters = pairs(p->hyper_parameters());
    m.provenance.training_metrics = pairs(p->training_metrics());
    m.provenance.command = str(p->command());
  }
  return m;
}

}  // namespace

std::uint32_t schema_version_for(const MinnModel& model) {
  if (!model.pin_switch_input.empty() || !model.genotype_inputs.empty()) return kModelSchemaVersionKnockouts;
  if (model.flux_scale_input != -1 || !model.yield_offset.empty())
    return kModelSchemaVersionNormalisation;
  return model.clip_inputs ? kModelSchemaVersionClip : kModelSchemaVersionOriginal;
}

std::vector<std::uint8_t> serialize_model(const MinnModel& model) {
  check_model(model, "model to save");
  FlatBufferBuilder builder(1 << 16);
  builder.ForceDefaults(true);  // every scalar present: the checksum field can always be patched
  fb::FinishSizePrefixedModelBuffer(builder, build(builder, model));
  std::vector<std::uint8_t> bytes(builder.GetBufferPointer(),
                                  builder.GetBufferPointer() + builder.GetSize());
  const std::uint32_t crc = crc32_of(bytes);  // computed with checksum = 0
  fb::GetMutableSizePrefixedModel(bytes.data())->mutate_checksum(crc);
  return bytes;
}

void save_model(const MinnModel& model, const std::string& path) {
  const std::vector<std::uint8_t> bytes = serialize_model(model);
  replace_file_bytes(path, std::string(bytes.begin(), bytes.end()));
}

MinnModel parse_model(const std::uint8_t* data, std::size_t size, const std::string& origin) {
  const std::string where = origin + ": ";
  if (size < kHeaderBytes)
    throw Error(where + "truncated .minn file: " + std::to_string(size) +
                " bytes, shorter than the " + std::to_string(kHeaderBytes) + "-byte header");
  if (std::memcmp(data + kIdentifierAt, fb::ModelIdentifier(), 4) != 0)
    throw Error(where + "not a .minn model file: file identifier is \"" +
                printable(data + kIdentifierAt, 4) + "\" (bytes 8-11), expected \"" +
                fb::ModelIdentifier() + "\"");
  const std::size_t declared = read_u32_le(data);
  if (declared + 4 != size)
    throw Error(where + (declared + 4 > size ? "truncated .minn file" : "corrupt .minn file") +
                ": the header declares " + std::to_string(declared) + " bytes of model data, the file holds " +
                std::to_string(size - 4) + " (truncated, or a damaged size field)");
  const std::size_t root = read_u32_le(data + 4);
  if (root < kHeaderBytes - 4 || root % 4 != 0 || root >= declared)
    throw Error(where + "corrupt .minn header: root table offset " + std::to_string(root) +
                " (bytes 4-7) does not point to an aligned table inside the " +
                std::to_string(declared) + " bytes of model data");

  // Own aligned copy: FlatBuffers reads scalars in place, and the checksum check zeroes a field.
  std::vector<std::uint8_t> bytes(data, data + size);
  flatbuffers::Verifier verifier(bytes.data(), bytes.size());
  if (!fb::VerifySizePrefixedModelBuffer(verifier))
    throw Error(where + "corrupt .minn file: the FlatBuffers verifier rejected its structure "
                        "(an offset, length or string points outside the file)");
  const fb::Model* root_table = fb::GetSizePrefixedModel(bytes.data());
  const std::uint32_t version = root_table->schema_version();
  if (version < kModelSchemaVersionOriginal || version > kModelSchemaVersion)
    throw Error(where + "unknown .minn schema version " + std::to_string(version) +
                ", this minnc reads versions " + std::to_string(kModelSchemaVersionOriginal) +
                " to " + std::to_string(kModelSchemaVersion));
  if (root_table->clip_inputs() && version < kModelSchemaVersionClip)
    throw Error(where + "corrupt .minn file: clip_inputs is set but the schema version is " +
                std::to_string(version) + " (the clip needs version " +
                std::to_string(kModelSchemaVersionClip) + ")");
  const bool normalised = root_table->flux_scale_input() != -1 ||
                          (root_table->yield_offset() && root_table->yield_offset()->size() > 0);
  if (normalised && version < kModelSchemaVersionNormalisation)
    throw Error(where + "corrupt .minn file: flux_scale_input or yield_offset is set but the schema "
                        "version is " + std::to_string(version) +
                " (uptake normalisation needs version " +
                std::to_string(kModelSchemaVersionNormalisation) + ")");

  const bool switches = (root_table->pin_switch_input() && root_table->pin_switch_input()->size() > 0) ||
                        (root_table->genotype_inputs() && root_table->genotype_inputs()->size() > 0);
  if (switches && version < kModelSchemaVersionKnockouts)
    throw Error(where + "corrupt .minn file: pin_switch_input or genotype_inputs is set but the schema "
                        "version is " + std::to_string(version) +
                " (knockout switches need version " + std::to_string(kModelSchemaVersionKnockouts) + ")");

  MinnModel model = convert(*root_table);
  check_model(model, origin);

  const std::uint32_t stored = root_table->checksum();
  if (!fb::GetMutableSizePrefixedModel(bytes.data())->mutate_checksum(0))
    throw Error(where + "corrupt .minn file: the checksum field is missing");
  const std::uint32_t computed = crc32_of(bytes);
  if (stored != computed) {
    std::ostringstream message;
    message << where << "corrupt .minn file: CRC-32 mismatch (stored 0x" << std::hex << stored
            << ", computed 0x" << computed << "): the file changed after it was written";
    throw Error(message.str());
  }
  return model;
}

MinnModel load_model(const std::string& path) {
  const std::string bytes = read_file_bytes(path);
  return parse_model(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size(), path);
}

std::string model_sha256(const std::vector<std::uint8_t>& bytes) {
  return sha256_hex(bytes.data(), bytes.size());
}

std::string model_sha256(const std::string& path) { return sha256_file_hex(path); }

}  // namespace minn
