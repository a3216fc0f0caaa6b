#include "hil/hil_job.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <random>

#include "common/error.hpp"
#include "emit/batch_predict.hpp"
#include "emit/emitter.hpp"
#include "emit/reference_predictor.hpp"
#include "hil/boards.hpp"
#include "hil/firmware_build.hpp"
#include "hil/hil_report.hpp"
#include "hil/hil_session.hpp"
#include "hil/lib_fingerprint.hpp"
#include "model/model_file.hpp"

namespace minn::hil {
namespace {

namespace fs = std::filesystem;

// Central carbon metabolism in the split-GEM convention (ishii-ids.md): uptake, glycolysis, PPP,
// TCA, overflow and growth. Only the ids the model has are printed.
const std::vector<std::string> kCentralReactions = {
    "R_EX_glc__D_e_rev", "R_GLCpts", "R_GLCptspp", "R_PGI_fwd", "R_PFK", "R_FBA_fwd", "R_GAPD_fwd", "R_PYK",
    "R_G6PDH2r_fwd", "R_GND", "R_PDH", "R_CS", "R_ICDHyr_fwd", "R_AKGDH", "R_MDH_fwd", "R_PPC",
    "R_EX_ac_e", "R_EX_co2_e_fwd", "R_BIOMASS_Ecoli_core_w_GAM", "R_BIOMASS_Ec_iAF1260_core_59p81M"};

struct Subset {
  std::string label;
  int begin = 0, end = 0;
  bool finite_outputs = false;  // every row must give a non-negative status and finite outputs
};

// Rows: the data, then random rows inside the envelope, then rows far beyond it (envelope warnings;
// a model trained with clipped inputs saturates them), then one row per kind of non-finite value.
struct Workload {
  InputBatch inputs;
  std::vector<Subset> subsets;
};

Workload build_workload(const MinnModel& model, const DataRows& data, const HilJobOptions& options) {
  const int n = model.num_inputs();
  Workload w;
  w.inputs.num_inputs = n;
  if (data.inputs.count() > 0) {
    w.inputs.values = data.inputs.values;
    w.subsets.push_back({"data rows (" + options.data_path + ")", 0, data.inputs.count()});
  }
  // Deterministic: raw mt19937 output mapped by hand (std distributions differ between libraries).
  std::mt19937 rng(options.seed);
  const int first_random = w.inputs.count();
  for (int r = 0; r < options.random_rows; ++r) {
    for (int i = 0; i < n; ++i) {
      const double u = static_cast<double>(rng()) / 4294967296.0;
      const double lo = model.envelope_min[static_cast<std::size_t>(i)];
      const double hi = model.envelope_max[static_cast<std::size_t>(i)];
      w.inputs.values.push_back(static_cast<float>(lo + (hi - lo) * u));
    }
  }
  if (options.random_rows > 0)
    w.subsets.push_back({"random rows in the envelope", first_random, w.inputs.count()});
  // 37 ranges beyond an edge (about the rpiA experiment's rpiB transcript, 38x the training
  // maximum): one input below, one above, then every input above; the rest at the envelope maximum.
  const int first_beyond = w.inputs.count();
  const auto beyond = [&](int i, double direction) {
    const double lo = model.envelope_min[static_cast<std::size_t>(i)];
    const double hi = model.envelope_max[static_cast<std::size_t>(i)];
    const double span = std::max({hi - lo, std::fabs(hi), 1.0});  // a constant input has no range
    return static_cast<float>(direction < 0 ? lo - 37.0 * span : hi + 37.0 * span);
  };
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < n; ++i) {
      const bool moved = k == 2 || (k == 0 && i == 0) || (k == 1 && i == n / 2);
      w.inputs.values.push_back(moved ? beyond(i, k == 0 ? -1.0 : 1.0)
                                      : model.envelope_max[static_cast<std::size_t>(i)]);
    }
  }
  w.subsets.push_back({"rows beyond the envelope", first_beyond, w.inputs.count()});
  const int first_special = w.inputs.count();
  const float specials[3] = {std::numeric_limits<float>::quiet_NaN(), std::numeric_limits<float>::infinity(),
                             -std::numeric_limits<float>::infinity()};
  const int at[3] = {0, n / 2, n - 1};
  for (int k = 0; k < 3; ++k) {
    for (int i = 0; i < n; ++i) w.inputs.values.push_back(model.envelope_min[static_cast<std::size_t>(i)]);
    w.inputs.values[static_cast<std::size_t>(w.inputs.count() - 1) * static_cast<std::size_t>(n) +
                    static_cast<std::size_t>(at[k])] = specials[k];
  }
  w.subsets.push_back({"NaN/+Inf/-Inf rows", first_special, w.inputs.count()});
  // Finite but extreme floats at one input (the flux-scaling input of a normalised model, whose raw
  // value reaches the outputs; else input 0): the smallest denormals, +-FLT_MAX and +-1e30. Finite
  // inputs, so a defined status (ok or beyond the envelope) and finite outputs, bit for bit as the
  // host's on every core, soft float included (minn::saturate_scaled, minn::scale_by_input).
  const int first_edge = w.inputs.count();
  const float edges[6] = {std::numeric_limits<float>::denorm_min(), -std::numeric_limits<float>::denorm_min(),
                          std::numeric_limits<float>::max(), -std::numeric_limits<float>::max(), 1e30f, -1e30f};
  const int edge_at = model.flux_scale_input >= 0 ? model.flux_scale_input : 0;
  for (const float edge : edges) {
    for (int i = 0; i < n; ++i) w.inputs.values.push_back(model.envelope_min[static_cast<std::size_t>(i)]);
    w.inputs.values[static_cast<std::size_t>(w.inputs.count() - 1) * static_cast<std::size_t>(n) +
                    static_cast<std::size_t>(edge_at)] = edge;
  }
  w.subsets.push_back({"denormal/+-FLT_MAX/+-1e30 rows", first_edge, w.inputs.count(), true});
  return w;
}

OutputBatch reference_outputs(emit::ReferencePredictor& reference, const InputBatch& inputs) {
  OutputBatch out;
  out.num_outputs = reference.num_outputs();
  const std::size_t n_out = static_cast<std::size_t>(out.num_outputs);
  out.values.assign(static_cast<std::size_t>(inputs.count()) * n_out, 0.0f);  // untouched on errors, like the harness
  for (int i = 0; i < inputs.count(); ++i)
    out.status.push_back(reference.infer(&inputs.values[static_cast<std::size_t>(i) * static_cast<std::size_t>(inputs.num_inputs)],
                                         &out.values[static_cast<std::size_t>(i) * n_out]));
  return out;
}

// Rows with an error status or a non-finite output (for rows of finite inputs: a broken contract).
int rows_without_finite_outputs(const OutputBatch& b) {
  int bad = 0;
  const std::size_t n_out = static_cast<std::size_t>(b.num_outputs);
  for (std::size_t r = 0; r < b.status.size(); ++r) {
    bool finite = b.status[r] >= 0;
    for (std::size_t k = 0; k < n_out; ++k) finite = finite && std::isfinite(b.values[r * n_out + k]);
    bad += finite ? 0 : 1;
  }
  return bad;
}

OutputBatch slice(const OutputBatch& all, const Subset& s) {
  OutputBatch out;
  out.num_outputs = all.num_outputs;
  const std::size_t n = static_cast<std::size_t>(all.num_outputs);
  out.status.assign(all.status.begin() + s.begin, all.status.begin() + s.end);
  out.values.assign(all.values.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(s.begin) * n),
                    all.values.begin() + static_cast<std::ptrdiff_t>(static_cast<std::size_t>(s.end) * n));
  return out;
}

void generate_sources(const MinnModel& model, const std::string& name, const std::string& precision,
                      const std::string& kernels, const std::string& sha, const std::string& dir) {
  emit::EmitOptions eo;
  eo.name = name;
  eo.precision = emit::parse_precision(precision);
  eo.kernels = emit::parse_kernel_set(kernels);
  eo.model_sha256 = sha;
  std::vector<emit::GeneratedFile> files = emit::generate(model, eo);
  // Only the sources the harness compiles: the report/markdown files stay out of the build glob.
  files.erase(std::remove_if(files.begin(), files.end(),
                             [](const emit::GeneratedFile& f) {
                               const std::string ext = fs::path(f.filename).extension().string();
                               return ext != ".h" && ext != ".hpp" && ext != ".cpp" && ext != ".c";
                             }),
              files.end());
  emit::write_files(dir, files);
}

void print_fluxes(std::ostream& out, const MinnModel& model, const DataRows& data, const HilJobOptions& options,
                  const TargetResult& r) {
  std::vector<int> rows;
  for (const auto& label : options.show_rows) {
    auto it = std::find(data.labels.begin(), data.labels.end(), label);
    if (it == data.labels.end()) throw Error("--show '" + label + "': no such row in " + options.data_path);
    rows.push_back(static_cast<int>(it - data.labels.begin()));
  }
  if (rows.empty()) return;
  const auto& wanted = options.show_reactions.empty() ? kCentralReactions : options.show_reactions;
  std::vector<int> columns;
  for (const auto& id : wanted) {
    auto it = std::find(model.reaction_ids.begin(), model.reaction_ids.end(), id);
    if (it != model.reaction_ids.end()) columns.push_back(static_cast<int>(it - model.reaction_ids.begin()));
    else if (!options.show_reactions.empty()) throw Error("--reactions '" + id + "': not an output of the model");
  }
  out << "\nPredicted fluxes on " << r.target.name << " (" << r.target.board << "), mmol/gDW/h (biomass 1/h):\n\n";
  out << "| reaction |";
  for (int row : rows) out << " " << data.labels[static_cast<std::size_t>(row)] << " |";
  out << "\n|---|";
  for (std::size_t i = 0; i < rows.size(); ++i) out << "---:|";
  out << "\n";
  const std::size_t n = static_cast<std::size_t>(r.outputs.num_outputs);
  for (int c : columns) {
    out << "| " << model.reaction_ids[static_cast<std::size_t>(c)] << " |";
    for (int row : rows) {
      char cell[32];
      std::snprintf(cell, sizeof cell, " %.4f |", r.outputs.values[static_cast<std::size_t>(row) * n + static_cast<std::size_t>(c)]);
      out << cell;
    }
    out << "\n";
  }
}

}  // namespace

DataRows load_data_rows(const std::string& path, const MinnModel& model) {
  const emit::InputRows loaded = emit::load_input_rows(path, model);
  DataRows rows;
  rows.labels = loaded.experiments;
  rows.inputs.num_inputs = model.num_inputs();
  for (const std::vector<float>& row : loaded.rows) rows.inputs.values.insert(rows.inputs.values.end(), row.begin(), row.end());
  return rows;
}

std::string default_model_name(const std::string& model_path) {
  std::string stem = fs::path(model_path).stem().string();
  std::string name;
  for (char c : stem) name += std::isalnum(static_cast<unsigned char>(c)) ? c : '_';
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) name = "m_" + name;
  return name;
}

int run_hil_job(const HilJobOptions& options, std::ostream& out) {
  const std::vector<TargetName> targets = resolve_targets(options.targets);
  check_lib_matches_build((fs::path(default_source_dir()) / "lib").string());
  const MinnModel model = load_model(options.model_path);
  const std::string sha = model_sha256(options.model_path);
  const std::string name = options.name.empty() ? default_model_name(options.model_path) : options.name;
  const fs::path work = fs::absolute(options.work_dir) / name;
  const std::string report_dir = options.report_dir.empty() ? work.string() : options.report_dir;
  fs::create_directories(report_dir);

  generate_sources(model, name, options.precision, options.kernels, sha, (work / "src").string());
  ModelSources sources{(work / "src").string(), name};
  ModelSources dense_sources{(work / "src-dense").string(), name};
  ModelSources portable_sources{(work / "src-portable").string(), name};
  ModelSources portable_dense_sources{(work / "src-portable-dense").string(), name};
  if (options.compare_kernels)
    generate_sources(model, name, options.precision, "portable", sha, portable_sources.dir);
  ModelCost cost;
  emit::ReferencePredictor reference(model, emit::parse_precision(options.precision));
  cost.dense_macs = reference.lowered().dense_macs();
  cost.refine_steps = model.refinement.steps;
  cost.s_nonzeros = static_cast<long long>(model.S.values.size());
  const bool breakdown = options.breakdown && model.refinement.steps > 0;
  if (breakdown) {
    MinnModel dense_only = model;
    dense_only.refinement.steps = 0;
    generate_sources(dense_only, name, options.precision, options.kernels, sha, dense_sources.dir);
    if (options.compare_kernels)
      generate_sources(dense_only, name, options.precision, "portable", sha, portable_dense_sources.dir);
  }

  DataRows data;
  if (!options.data_path.empty()) data = load_data_rows(options.data_path, model);
  if (!options.show_rows.empty() && options.data_path.empty()) throw Error("--show needs --data");
  for (const auto& label : options.show_rows)  // fail before the builds, not after
    if (std::find(data.labels.begin(), data.labels.end(), label) == data.labels.end())
      throw Error("--show '" + label + "': no such row in " + options.data_path);
  for (const auto& id : options.show_reactions)
    if (std::find(model.reaction_ids.begin(), model.reaction_ids.end(), id) == model.reaction_ids.end())
      throw Error("--reactions '" + id + "': not an output of the model " + options.model_path);
  const Workload workload = build_workload(model, data, options);
  const OutputBatch expected = reference_outputs(reference, workload.inputs);

  SessionOptions session;
  session.source_dir = default_source_dir();
  session.work_dir = (work / "build").string();
  session.plugin_path = default_plugin_path();
  session.opt = options.opt;
  session.timeout_seconds = options.timeout_seconds;
  session.repeat_vectors = options.repeat_vectors;

  out << "minnc hil: " << options.model_path << " (" << name << ", " << options.precision << ", "
      << options.kernels << " kernels" << (options.compare_kernels ? " and portable" : "") << ", "
      << model.num_inputs() << " inputs, " << model.num_outputs() << " outputs, " << cost.dense_macs
      << " dense MACs, K=" << cost.refine_steps << ", nnz(S)=" << cost.s_nonzeros << "), "
      << workload.inputs.count() << " vectors per target\n";
  std::vector<TargetResult> results;
  std::vector<std::string> not_fitting;
  int failures = 0;
  for (const auto& target : targets) {
    out << "  " << target.name << " (" << target.board << "): building and running..." << std::flush;
    TargetResult r;
    try {
      r = run_target(target, sources, breakdown ? &dense_sources : nullptr, cost, workload.inputs, expected, session);
      if (options.compare_kernels) {
        SessionOptions portable_session = session;
        portable_session.work_dir = (work / "build-portable").string();
        TargetResult p = run_target(target, portable_sources, breakdown ? &portable_dense_sources : nullptr, cost,
                                    workload.inputs, expected, portable_session);
        r.portable = baseline_of(p);
        if (p.comparison.bit_identical != p.comparison.vectors) ++failures;
      }
    } catch (const Error& e) {
      const std::string what = e.what();
      if (what.find("overflowed") != std::string::npos || what.find("will not fit") != std::string::npos) {
        out << " does not fit the part (link failed: region overflowed)\n";
        not_fitting.push_back(target.name);
        continue;
      }
      out << " FAILED\n";
      throw;
    }
    out << " " << r.comparison.bit_identical << "/" << r.comparison.vectors << " bit-identical\n";
    for (const auto& s : workload.subsets) {
      Comparison c = compare_outputs(slice(r.outputs, s), slice(expected, s));
      out << "    " << s.label << ": " << c.bit_identical << "/" << c.vectors << " bit-identical";
      if (c.status_error > 0) out << ", " << c.status_error << " error statuses";
      if (c.status_envelope > 0) out << ", " << c.status_envelope << " envelope warnings";
      if (s.finite_outputs) {
        const int bad = rows_without_finite_outputs(slice(r.outputs, s));
        out << ", " << bad << " without a finite result";
        if (bad > 0) ++failures;
      }
      out << "\n";
    }
    write_target_report(r, options.model_path, options.data_path, report_dir + "/" + target.name + ".json");
    if (r.comparison.bit_identical != r.comparison.vectors || !r.instructions.identical_across_runs) ++failures;
    results.push_back(std::move(r));
  }
  out << "\n";
  print_target_table(out, results);
  if (options.compare_kernels) {
    out << "\nThe same vectors with the portable kernels (before issue 17), same host reference:\n\n";
    print_kernel_comparison(out, results);
  }
  if (!not_fitting.empty()) {
    out << "\nDoes not fit its part (link-time region overflow): ";
    for (std::size_t i = 0; i < not_fitting.size(); ++i) out << (i ? ", " : "") << not_fitting[i];
    out << "\n";
  }
  out << "\nReports: " << report_dir << "/<target>.json\n";
  if (!results.empty()) print_fluxes(out, model, data, options, results.front());
  // The headline: the data rows on the first target (e.g. "29/29 bit-identical").
  if (!results.empty() && data.inputs.count() > 0) {
    Comparison c = compare_outputs(slice(results.front().outputs, workload.subsets.front()),
                                   slice(expected, workload.subsets.front()));
    out << "\n" << results.front().target.name << " vs host reference on " << options.data_path << ": "
        << c.bit_identical << "/" << c.vectors << " bit-identical\n";
  }
  if (failures > 0) out << "\nminnc hil: " << failures << " target(s) differ from the host reference\n";
  return failures == 0 ? 0 : 1;
}

}  // namespace minn::hil
