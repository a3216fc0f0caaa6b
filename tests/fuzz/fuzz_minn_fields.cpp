// libFuzzer target: the .minn loader past the FlatBuffers verifier. The fuzzer's bytes do not
// form the file; they choose the fields of a structurally valid one (built with the FlatBuffers
// builder, correct CRC-32): small dimensions, each list either consistent with them or one entry
// short/long, indices in or out of range, and floats that are often arbitrary bit patterns (NaN,
// +-Inf, denormals, +-FLT_MAX). So every input exercises the semantic checks (model_check.cpp)
// rather than the verifier, and accepted models go through everything downstream of the loader.
#include <fuzzer/FuzzedDataProvider.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "fuzz_check.hpp"
#include "fuzz_model_checks.hpp"
#include "model/minn_generated.h"
#include "model/model_file.hpp"

namespace {

namespace fb = minn::fb;
using flatbuffers::FlatBufferBuilder;
using flatbuffers::Offset;

const std::string kOrigin = "fuzz_fields.minn";

class FieldSource {
 public:
  explicit FieldSource(FuzzedDataProvider& p) : p_(p) {}

  // `n`, or rarely one off (a list of the wrong length).
  std::size_t length(std::size_t n) {
    if (p_.ConsumeIntegralInRange<int>(0, 31) != 0) return n;
    return p_.ConsumeBool() ? n + 1 : (n > 0 ? n - 1 : 0);
  }
  // A value in [lo, hi], or rarely any 32-bit integer.
  int index(int lo, int hi) {
    if (p_.ConsumeIntegralInRange<int>(0, 31) == 0) return p_.ConsumeIntegral<int>();
    return p_.ConsumeIntegralInRange<int>(lo, hi);
  }
  // Usually a modest number, sometimes an arbitrary bit pattern.
  float value(float lo = -4.0f, float hi = 4.0f) {
    if (p_.ConsumeIntegralInRange<int>(0, 15) == 0) {
      const std::uint32_t bits = p_.ConsumeIntegral<std::uint32_t>();
      float f;
      std::memcpy(&f, &bits, sizeof f);
      return f;
    }
    return p_.ConsumeFloatingPointInRange<float>(lo, hi);
  }
  std::vector<float> values(std::size_t n, float lo = -4.0f, float hi = 4.0f) {
    std::vector<float> v(length(n));
    for (float& x : v) x = value(lo, hi);
    return v;
  }
  // Distinct ids "<prefix>0", "<prefix>1", ... ; rarely a duplicate or an empty one.
  std::vector<std::string> ids(const std::string& prefix, std::size_t n) {
    std::vector<std::string> v(length(n));
    for (std::size_t i = 0; i < v.size(); ++i) {
      const int pick = p_.ConsumeIntegralInRange<int>(0, 63);
      v[i] = pick == 0 ? std::string() : pick == 1 && i > 0 ? v[i - 1] : prefix + std::to_string(i);
    }
    return v;
  }
  bool rarely() { return p_.ConsumeIntegralInRange<int>(0, 15) == 0; }
  FuzzedDataProvider& provider() { return p_; }

 private:
  FuzzedDataProvider& p_;
};

Offset<flatbuffers::Vector<Offset<flatbuffers::String>>> strings(FlatBufferBuilder& b,
                                                                 const std::vector<std::string>& v) {
  return b.CreateVectorOfStrings(v);
}

std::vector<std::uint8_t> build_file(FieldSource& s) {
  FuzzedDataProvider& p = s.provider();
  const std::size_t n_in = p.ConsumeIntegralInRange<std::size_t>(1, 6);
  const std::size_t hidden = p.ConsumeIntegralInRange<std::size_t>(1, 6);
  const std::size_t n_out = p.ConsumeIntegralInRange<std::size_t>(1, 6);
  const std::size_t n_met = p.ConsumeIntegralInRange<std::size_t>(0, 4);
  const bool two_layers = !s.rarely();

  FlatBufferBuilder b(1024);
  b.ForceDefaults(true);
  const auto input_names = strings(b, s.ids("x", n_in));
  const auto input_units = strings(b, std::vector<std::string>(s.length(n_in), "u"));
  const auto scaler_min = b.CreateVector(s.values(n_in));
  const auto scaler_range = b.CreateVector(s.values(n_in, 0.01f, 8.0f));
  std::vector<float> lo = s.values(n_in), hi = s.values(n_in);
  for (std::size_t i = 0; i < lo.size() && i < hi.size(); ++i)
    if (lo[i] > hi[i] && !s.rarely()) std::swap(lo[i], hi[i]);
  const auto envelope_min = b.CreateVector(lo);
  const auto envelope_max = b.CreateVector(hi);

  std::vector<Offset<fb::DenseLayer>> layers;
  const std::size_t widths[] = {n_in, hidden, n_out};
  const std::size_t layer_count = two_layers ? 2 : 1;
  for (std::size_t k = 0; k < layer_count; ++k) {
    const std::size_t in = widths[k], out = two_layers ? widths[k + 1] : n_out;
    const auto name = b.CreateString(k + 1 == layer_count ? "output" : "hidden");
    const auto weights = b.CreateVector(s.values(in * out));
    const auto bias = b.CreateVector(s.values(out));
    const auto act = k + 1 == layer_count && !s.rarely() ? fb::Activation::None : fb::Activation::Relu;
    const int declared_in = s.index(static_cast<int>(in), static_cast<int>(in));
    const int declared_out = s.index(static_cast<int>(out), static_cast<int>(out));
    layers.push_back(fb::CreateDenseLayer(b, name, declared_in, declared_out, weights, bias, act));
  }
  const auto layer_vector = b.CreateVector(layers);
  const auto reaction_ids = strings(b, s.ids("R_", n_out));
  const auto metabolite_ids = strings(b, s.ids("M_", n_met));

  // S: each row picks increasing columns; rarely an unsorted or out-of-range column.
  std::vector<std::int32_t> row_ptr{0}, col_index;
  std::vector<float> values;
  for (std::size_t r = 0; r < n_met; ++r) {
    for (std::size_t c = 0; c < n_out; ++c)
      if (p.ConsumeBool()) {
        col_index.push_back(s.index(static_cast<int>(c), static_cast<int>(c)));
        values.push_back(s.value());
      }
    row_ptr.push_back(static_cast<std::int32_t>(col_index.size()));
  }
  if (s.rarely() && !row_ptr.empty()) row_ptr.back() = s.index(0, static_cast<int>(col_index.size()) + 1);
  // One choice per statement: argument evaluation order is unspecified, and a reproducer must
  // build the same model with every compiler.
  const int s_rows = s.index(static_cast<int>(n_met), static_cast<int>(n_met));
  const int s_cols = s.index(static_cast<int>(n_out), static_cast<int>(n_out));
  const auto row_ptr_vector = b.CreateVector(row_ptr);
  const auto col_index_vector = b.CreateVector(col_index);
  const auto values_vector = b.CreateVector(values);
  const auto stoichiometry = fb::CreateSparseRows(b, s_rows, s_cols, row_ptr_vector, col_index_vector, values_vector);
  const int steps = s.index(0, 8);
  const float step_size = s.value(0.0f, 0.05f);
  const float momentum = s.value(0.0f, 0.99f);
  const double lambda_max = s.value(0.0f, 1000.0f);
  const auto step_rule = b.CreateString(s.rarely() ? "odd" : "auto");
  const auto refinement = fb::CreateRefinement(b, steps, step_size, momentum, lambda_max, step_rule);

  std::vector<std::int32_t> pins(p.ConsumeIntegralInRange<std::size_t>(0, n_out));
  for (std::int32_t& pin : pins) pin = s.index(0, static_cast<int>(n_out) - 1);
  std::vector<float> vin(s.length(pins.size()));
  for (float& v : vin) v = s.rarely() ? std::numeric_limits<float>::infinity() : s.value(0.0f, 20.0f);
  const auto pin_reactions = b.CreateVector(pins);
  const auto default_vin = b.CreateVector(vin);
  std::vector<std::string> pref;
  for (std::size_t i = 0; i < n_out; ++i)
    if (p.ConsumeBool()) pref.push_back("R_" + std::to_string(s.index(0, static_cast<int>(n_out))));
  const auto pref_reactions = strings(b, pref);
  const auto gem_id = b.CreateString("fuzz_gem");
  const auto gem_sha = b.CreateString(s.rarely() ? "not-hex" : std::string(64, 'a'));
  const auto provenance = fb::CreateProvenance(b, b.CreateString("0.1.0"), b.CreateString(std::string(64, 'b')), 1,
                                               b.CreateString("c-balanced"));

  const bool clip = p.ConsumeBool();
  const bool normalised = p.ConsumeBool();
  const int scale_input = normalised ? s.index(0, static_cast<int>(n_in) - 1) : (s.rarely() ? s.index(-2, 8) : -1);
  const auto yield = b.CreateVector(normalised && p.ConsumeBool() ? s.values(n_out) : std::vector<float>{});
  const std::uint32_t version =
      s.rarely() ? p.ConsumeIntegralInRange<std::uint32_t>(0, 5) : (normalised ? 3u : clip ? 2u : 1u);
  const auto root = fb::CreateModel(b, version, 0, input_names, input_units, scaler_min, scaler_range, envelope_min,
                                    envelope_max, s.value(0.0f, 0.5f), layer_vector, reaction_ids, metabolite_ids,
                                    stoichiometry, refinement, pin_reactions, default_vin, pref_reactions, gem_id,
                                    gem_sha, provenance, clip, scale_input, yield);
  fb::FinishSizePrefixedModelBuffer(b, root);
  std::vector<std::uint8_t> bytes(b.GetBufferPointer(), b.GetBufferPointer() + b.GetSize());
  uLong crc = crc32(0L, Z_NULL, 0);
  crc = crc32(crc, bytes.data(), static_cast<uInt>(bytes.size()));
  fb::GetMutableSizePrefixedModel(bytes.data())->mutate_checksum(static_cast<std::uint32_t>(crc));
  return bytes;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  FuzzedDataProvider provider(data, size);
  FieldSource source(provider);
  const std::vector<std::uint8_t> bytes = build_file(source);
  std::vector<float> probe(8);
  for (float& f : probe) f = source.value(-1e3f, 1e3f);
  try {
    const minn::MinnModel model = minn::parse_model(bytes.data(), bytes.size(), kOrigin);
    minn::fuzz::check_accepted_model(model, probe);
  } catch (const minn::Error& e) {
    minn::fuzz::expect_named(e, kOrigin);
  }
  return 0;
}
