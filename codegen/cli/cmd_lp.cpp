// `minnc fba | pfba | fva | reduce fva|fba | fit`: constraint-based analysis on COIN-OR CLP.
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <tuple>
#include <vector>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "data/ishii_dataset.hpp"
#include "gem/gem.hpp"
#include "lp/fba.hpp"
#include "lp/fit_projection.hpp"
#include "lp/fva.hpp"
#include "lp/json_writer.hpp"
#include "lp/knockout.hpp"
#include "lp/pfba_predictor.hpp"
#include "lp/reduce.hpp"
#include "sbml/sbml_reader.hpp"
#include "sbml/sbml_writer.hpp"

namespace minn::cli {
namespace {

Gem load_gem(const std::string& path) {
  Diagnostics diagnostics;
  Gem gem = read_sbml(path, &diagnostics);
  for (const std::string& w : diagnostics.warnings) std::fprintf(stderr, "minnc: warning: %s\n", w.c_str());
  return gem;
}

// "label 123/2382" rewritten in place on a terminal; nothing when stderr is a file or pipe.
std::function<void(int, int)> tty_progress(const std::string& label) {
  if (!show_progress(fileno(stderr))) return {};
  return [label](int done, int total) {
    if (done != total && done % 25 != 0) return;
    std::fprintf(stderr, "\r%s %d/%d", label.c_str(), done, total);
    if (done == total) std::fprintf(stderr, "\n");
    std::fflush(stderr);
  };
}

std::vector<BoundChange> knockouts(const Gem& gem, const std::vector<std::string>& genes) {
  // Accept gene ids as written (G_b0001) or without the SBML prefix, or gene names (pgi).
  std::vector<std::string> ids;
  for (const std::string& g : genes) {
    std::string found;
    for (const Gene& gene : gem.genes) {
      if (gene.id == g || gene.id == "G_" + g || gene.name == g) found = gene.id;
    }
    if (found.empty()) throw Error("model '" + gem.id + "': --ko '" + g + "': no gene with this id or name");
    ids.push_back(found);
  }
  return knockout_changes(gem, ids);
}

std::string flux_object(const Gem& gem, const std::vector<double>& v) {
  json::Object o;
  for (std::size_t j = 0; j < v.size(); ++j) o.add(gem.reactions[j].id, json::number(v[j]));
  return o.str();
}

void write_text(const std::string& path, const std::string& text) { replace_file_bytes(path, text); }

std::string report_path_for(const std::string& out) {
  for (const char* ext : {".xml.gz", ".xml", ".sbml"}) {
    const std::string e(ext);
    if (out.size() > e.size() && out.compare(out.size() - e.size(), e.size(), e) == 0) {
      return out.substr(0, out.size() - e.size()) + ".json";
    }
  }
  return out + ".json";
}

struct FbaArgs {
  std::string gem;
  std::vector<std::string> ko;
  bool json = false, fluxes = false;
};

void run_fba(const FbaArgs& a) {
  const Gem gem = load_gem(a.gem);
  const FbaSolution s = fba(gem, knockouts(gem, a.ko));
  if (a.json) {
    json::Object o;
    o.add("model", json::quote(gem.id)).add("objective", json::number(s.objective));
    o.add("knockouts", json::array_of_strings(a.ko)).add("fluxes", flux_object(gem, s.fluxes));
    std::printf("%s\n", o.str().c_str());
    return;
  }
  std::printf("model %s: FBA objective %.9f\n", gem.id.c_str(), s.objective);
  if (a.fluxes) {
    for (std::size_t j = 0; j < s.fluxes.size(); ++j) std::printf("%s\t%.9g\n", gem.reactions[j].id.c_str(), s.fluxes[j]);
  }
}

struct PfbaArgs {
  std::string gem, ishii;
  std::vector<std::string> ko;
  double fraction = 1.0;
  bool json = false, fluxes = false;
};

std::string score_json(const FluxScore& s) {
  return json::Object()
      .add("r2", json::number(s.r2))
      .add("mae", json::number(s.mae))
      .add("rmse", json::number(s.rmse))
      .add("ne", json::number(s.ne))
      .str();
}

void run_predictor(const Gem& gem, const PfbaArgs& a) {
  const PfbaPredictorReport r = predict_ishii_with_pfba(gem, a.ishii);
  if (a.json) {
    std::string rows = "[";
    for (std::size_t e = 0; e < r.experiments.size(); ++e) {
      const PfbaPrediction& p = r.experiments[e];
      json::Object o;
      o.add("experiment", json::quote(p.experiment))
          .add("knocked_out_gene", json::quote(p.knocked_out_gene))
          .add("note", json::quote(p.note))
          .add("glucose_uptake", json::number(p.glucose_uptake))
          .add("oxygen_uptake", json::number(p.oxygen_uptake))
          .add("growth", json::number(p.growth))
          .add("split", score_json(r.split.per_experiment[e]))
          .add("signed", score_json(r.signed_convention.per_experiment[e]))
          .add("predicted_split", json::array_of_numbers(p.split_predicted));
      rows += (e ? ", " : "") + o.str();
    }
    rows += "]";
    json::Object o;
    o.add("model", json::quote(gem.id))
        .add("scored_ids", json::array_of_strings(r.scored_ids))
        .add("split_mean", score_json(r.split.mean))
        .add("split_sd", score_json(r.split.sd))
        .add("signed_mean", score_json(r.signed_convention.mean))
        .add("signed_sd", score_json(r.signed_convention.sd))
        .add("paper_pfba_signed", score_json({0.823, 0.692, 1.058, 0.381}))
        .add("experiments", rows);
    std::printf("%s\n", o.str().c_str());
    return;
  }
  std::printf("pFBA predictor, %s, %zu experiments, %zu scored fluxes\n", gem.id.c_str(), r.experiments.size(),
              r.scored_ids.size());
  for (std::size_t e = 0; e < r.experiments.size(); ++e) {
    const PfbaPrediction& p = r.experiments[e];
    std::printf("  %-10s growth %.4f  split R2 %.3f NE %.3f  signed R2 %.3f NE %.3f  %s\n", p.experiment.c_str(),
                p.growth, r.split.per_experiment[e].r2, r.split.per_experiment[e].ne,
                r.signed_convention.per_experiment[e].r2, r.signed_convention.per_experiment[e].ne, p.note.c_str());
  }
  auto line = [](const char* name, const FluxScoreSummary& s) {
    std::printf("%-8s R2 %.3f±%.3f  MAE %.3f±%.3f  RMSE %.3f±%.3f  NE %.3f±%.3f\n", name, s.mean.r2, s.sd.r2,
                s.mean.mae, s.sd.mae, s.mean.rmse, s.sd.rmse, s.mean.ne, s.sd.ne);
  };
  line("split", r.split);
  line("signed", r.signed_convention);
  std::printf("paper    R2 0.823        MAE 0.692        RMSE 1.058        NE 0.381 (signed)\n");
}

void run_pfba(const PfbaArgs& a) {
  const Gem gem = load_gem(a.gem);
  if (!a.ishii.empty()) {
    run_predictor(gem, a);
    return;
  }
  const PfbaSolution s = pfba(gem, a.fraction, knockouts(gem, a.ko));
  if (a.json) {
    json::Object o;
    o.add("model", json::quote(gem.id))
        .add("fraction_of_optimum", json::number(a.fraction))
        .add("objective", json::number(s.objective))
        .add("total_flux", json::number(s.total_flux))
        .add("fluxes", flux_object(gem, s.fluxes));
    std::printf("%s\n", o.str().c_str());
    return;
  }
  std::printf("model %s: pFBA objective %.9f, total flux %.9f (fraction %g)\n", gem.id.c_str(), s.objective,
              s.total_flux, a.fraction);
  if (a.fluxes) {
    for (std::size_t j = 0; j < s.fluxes.size(); ++j) std::printf("%s\t%.9g\n", gem.reactions[j].id.c_str(), s.fluxes[j]);
  }
}

struct FvaArgs {
  std::string gem, out;
  std::vector<std::string> ko;
  double fraction = 1.0;
  int threads = 0;
  bool json = false;
};

void run_fva(const FvaArgs& a) {
  const Gem gem = load_gem(a.gem);
  FvaOptions o;
  o.fraction_of_optimum = a.fraction;
  o.threads = a.threads;
  o.changes = knockouts(gem, a.ko);
  o.progress = tty_progress("fva");
  const FvaResult r = fva(gem, o);
  std::string csv = "reaction,minimum,maximum\n";
  for (std::size_t k = 0; k < r.reactions.size(); ++k) {
    csv += gem.reactions[r.reactions[k]].id + "," + json::number(r.minimum[k]) + "," + json::number(r.maximum[k]) + "\n";
  }
  if (!a.out.empty()) write_text(a.out, csv);
  if (a.json) {
    std::vector<std::string> ids;
    for (int j : r.reactions) ids.push_back(gem.reactions[j].id);
    json::Object j;
    j.add("model", json::quote(gem.id))
        .add("fraction_of_optimum", json::number(a.fraction))
        .add("optimum", json::number(r.optimum))
        .add("lp_solves", json::number(r.lp_solves))
        .add("structurally_zero", json::number(static_cast<long long>(r.structurally_zero)))
        .add("reactions", json::array_of_strings(ids))
        .add("minimum", json::array_of_numbers(r.minimum))
        .add("maximum", json::array_of_numbers(r.maximum));
    std::printf("%s\n", j.str().c_str());
  } else if (a.out.empty()) {
    std::printf("%s", csv.c_str());
  } else {
    std::printf("model %s: FVA at fraction %g of optimum %.9f, %zu reactions, %lld LP solves -> %s\n", gem.id.c_str(),
                a.fraction, r.optimum, r.reactions.size(), r.lp_solves, a.out.c_str());
  }
}

struct ReduceArgs {
  std::string gem, out, report, ishii, glucose_exchange = "R_EX_glc__D_e";
  std::vector<double> glucose_range;
  int solutions = 2000;
  unsigned long long seed = 1;
  double tolerance = 1e-9;
  bool parsimonious = false;
  std::vector<std::string> keep;
  bool keep_measured = false;
};

void finish_reduce(const Gem& gem, const Reduction& red, const ReduceArgs& a) {
  write_sbml(red.reduced, a.out);
  const std::string report = a.report.empty() ? report_path_for(a.out) : a.report;
  write_text(report, red.json + "\n");
  std::printf("%s: %zu -> %zu reactions (%d after splitting, %d split reactions that can carry flux) -> %s, report %s\n",
              gem.id.c_str(), gem.reactions.size(), red.kept.size(), red.split_size, red.directional_split_size,
              a.out.c_str(), report.c_str());
}

void run_reduce_fva(const ReduceArgs& a) {
  const Gem gem = load_gem(a.gem);
  finish_reduce(gem, fva_reduce(gem, a.tolerance, tty_progress("fva")), a);
}

void run_reduce_fba(const ReduceArgs& a) {
  const Gem gem = load_gem(a.gem);
  FbaReduceOptions o;
  o.solutions = a.solutions;
  o.seed = a.seed;
  o.glucose_exchange = a.glucose_exchange;
  o.tolerance = a.tolerance;
  o.parsimonious = a.parsimonious;
  if (a.glucose_range.size() == 2) {
    o.glucose_uptake_min = a.glucose_range[0];
    o.glucose_uptake_max = a.glucose_range[1];
  } else if (!a.ishii.empty()) {
    // The default range: the measured glucose uptakes of the Ishii experiments.
    std::tie(o.glucose_uptake_min, o.glucose_uptake_max) =
        input_range(load_ishii_inputs(a.ishii), kGlucoseUptakeInput, a.ishii);
  } else {
    throw Error("reduce fba: give the glucose uptake range with --glucose-range LO HI or --ishii DIR");
  }
  o.keep = a.keep;
  if (a.keep_measured) {
    if (a.ishii.empty()) throw Error("reduce fba: --keep-measured needs --ishii DIR (the measured fluxes)");
    for (const std::string& id : measured_reaction_ids(a.ishii, gem)) o.keep.push_back(id);
  }
  finish_reduce(gem, fba_reduce(gem, o, tty_progress("fba")), a);
}

struct FitArgs {
  std::string gem, ishii, out, fluxes_out;
  bool json = false;
};

void run_fit(const FitArgs& a) {
  const Gem unsplit = load_gem(a.gem);
  const Gem gem = split_reversible(unsplit);  // the fit lives in the split convention
  const Dataset ds = load_ishii(a.ishii, gem);
  FitProjector projector(gem, ds.target_reactions);
  std::string csv = "experiment";
  for (const std::string& id : ds.target_ids) csv += "," + id;
  csv += "\n";
  std::string full = "experiment";
  for (const Reaction& r : gem.reactions) full += "," + r.id;
  full += "\n";
  std::string rows = "[";
  auto progress = tty_progress("fit");
  for (std::size_t e = 0; e < ds.experiments.size(); ++e) {
    std::vector<double> t(static_cast<std::size_t>(ds.targets.cols()));
    for (std::size_t k = 0; k < t.size(); ++k) t[k] = ds.targets(static_cast<Eigen::Index>(e), static_cast<Eigen::Index>(k));
    const FitProjection p = projector.project(t, "experiment '" + ds.experiments[e] + "'");
    csv += ds.experiments[e];
    for (int j : ds.target_reactions) csv += "," + json::number(p.fluxes[j]);
    csv += "\n";
    full += ds.experiments[e];
    for (double v : p.fluxes) full += "," + json::number(v);
    full += "\n";
    json::Object o;
    o.add("experiment", json::quote(ds.experiments[e]))
        .add("distance", json::number(p.distance))
        .add("optimality_gap", json::number(p.optimality_gap))
        .add("max_balance_residual", json::number(p.max_balance_residual))
        .add("max_bound_violation", json::number(p.max_bound_violation));
    rows += (e ? ", " : "") + o.str();
    if (!a.json) {
      std::printf("%-10s distance %.6f  gap %.1e  ||Sv||inf %.1e  bound violation %.1e\n", ds.experiments[e].c_str(),
                  p.distance, p.optimality_gap, p.max_balance_residual, p.max_bound_violation);
    }
    if (progress) progress(static_cast<int>(e + 1), static_cast<int>(ds.experiments.size()));
  }
  write_text(a.out, csv);
  if (!a.fluxes_out.empty()) write_text(a.fluxes_out, full);
  if (a.json) {
    json::Object o;
    o.add("model", json::quote(gem.id)).add("output", json::quote(a.out)).add("experiments", rows + "]");
    std::printf("%s\n", o.str().c_str());
  } else {
    std::printf("-> %s\n", a.out.c_str());
  }
}

}  // namespace

void add_lp_commands(CLI::App& app) {
  auto fa = std::make_shared<FbaArgs>();
  CLI::App* fba_cmd = app.add_subcommand("fba", "Flux balance analysis: maximise the GEM's objective (COBRApy semantics)");
  fba_cmd->add_option("GEM", fa->gem, "SBML file")->required();
  fba_cmd->add_option("--ko", fa->ko, "genes to knock out (id or name), through the GPR rules");
  fba_cmd->add_flag("--fluxes", fa->fluxes, "print every flux");
  fba_cmd->add_flag("--json", fa->json, "print JSON");
  fba_cmd->callback([fa] { run_fba(*fa); });

  auto pa = std::make_shared<PfbaArgs>();
  CLI::App* pfba_cmd = app.add_subcommand(
      "pfba", "Parsimonious FBA (objective >= fraction * optimum, minimum total |flux|); with --ishii: score pFBA "
              "as a flux predictor on the Ishii experiments");
  pfba_cmd->add_option("GEM", pa->gem, "SBML file (unsplit)")->required();
  pfba_cmd->add_option("--fraction", pa->fraction, "fraction of the optimum (default 1)")->check(CLI::Range(0.0, 1.0));
  pfba_cmd->add_option("--ko", pa->ko, "genes to knock out (id or name)");
  pfba_cmd->add_option("--ishii", pa->ishii, "Ishii dataset folder: predict every experiment and score it");
  pfba_cmd->add_flag("--fluxes", pa->fluxes, "print every flux");
  pfba_cmd->add_flag("--json", pa->json, "print JSON");
  pfba_cmd->callback([pa] { run_pfba(*pa); });

  auto va = std::make_shared<FvaArgs>();
  CLI::App* fva_cmd = app.add_subcommand("fva", "Flux variability analysis (COBRApy flux_variability_analysis semantics)");
  fva_cmd->add_option("GEM", va->gem, "SBML file")->required();
  fva_cmd->add_option("--fraction", va->fraction, "fraction_of_optimum (default 1)")->check(CLI::Range(0.0, 1.0));
  fva_cmd->add_option("--threads", va->threads, "1 or 2 (default: 2 when the machine has 2 cores)")->check(CLI::Range(0, 2));
  fva_cmd->add_option("--ko", va->ko, "genes to knock out (id or name)");
  fva_cmd->add_option("-o,--output", va->out, "write reaction,minimum,maximum CSV here");
  fva_cmd->add_flag("--json", va->json, "print JSON");
  fva_cmd->callback([va] { run_fva(*va); });

  CLI::App* reduce = app.add_subcommand("reduce", "Reduced GEMs (SBML + JSON report of what was removed and why)");
  reduce->require_subcommand(1);
  auto ra = std::make_shared<ReduceArgs>();
  CLI::App* rf = reduce->add_subcommand("fva", "Drop reactions that cannot carry flux (FVA at fraction 0, GEM medium)");
  rf->add_option("GEM", ra->gem, "SBML file")->required();
  rf->add_option("-o,--output", ra->out, "reduced SBML file")->required();
  rf->add_option("--report", ra->report, "JSON report (default: OUT with .json)");
  rf->add_option("--tolerance", ra->tolerance, "blocked when max(|min|,|max|) <= this (default 1e-9)");
  rf->callback([ra] { run_reduce_fva(*ra); });
  auto rb = std::make_shared<ReduceArgs>();
  CLI::App* rfb = reduce->add_subcommand(
      "fba", "Keep reactions carrying flux in N FBA solutions (random single-gene KO, random glucose uptake)");
  rfb->add_option("GEM", rb->gem, "SBML file")->required();
  rfb->add_option("-o,--output", rb->out, "reduced SBML file")->required();
  rfb->add_option("--report", rb->report, "JSON report (default: OUT with .json)");
  rfb->add_option("--solutions", rb->solutions, "number of FBA solutions (default 2000)")->check(CLI::PositiveNumber);
  rfb->add_option("--seed", rb->seed, "random seed (default 1)");
  rfb->add_option("--glucose-range", rb->glucose_range, "glucose uptake range LO HI (positive)")->expected(2);
  rfb->add_option("--ishii", rb->ishii, "Ishii dataset folder: the glucose range is that of its measured uptakes");
  rfb->add_option("--glucose-exchange", rb->glucose_exchange, "glucose exchange id (default R_EX_glc__D_e)");
  rb->tolerance = 1e-6;
  rfb->add_option("--tolerance", rb->tolerance, "|v| above this carries flux (default 1e-6)");
  rfb->add_flag("--pfba", rb->parsimonious, "use the pFBA solution of each sample (least total flux, no loops)");
  rfb->add_option("--keep", rb->keep, "keep this reaction even if no solution uses it (repeatable)");
  rfb->add_flag("--keep-measured", rb->keep_measured,
                "keep every reaction the --ishii fluxomics measures (so the reduced model can report them)");
  rfb->callback([rb] { run_reduce_fba(*rb); });

  auto ta = std::make_shared<FitArgs>();
  CLI::App* fit = app.add_subcommand(
      "fit", "FBA-fit projection: the fluxes closest to the Ishii measurements in the FBA solution space (split GEM)");
  fit->add_option("GEM", ta->gem, "SBML file (split internally)")->required();
  fit->add_option("--ishii", ta->ishii, "Ishii dataset folder")->required();
  fit->add_option("-o,--output", ta->out, "dataset CSV: experiment + the measured split reactions")->required();
  fit->add_option("--all-fluxes", ta->fluxes_out, "also write every split flux of each projection here");
  fit->add_flag("--json", ta->json, "print JSON");
  fit->callback([ta] { run_fit(*ta); });
}

}  // namespace minn::cli
