#include "hil/plant_loop_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>
#include <map>
#include <sstream>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/json_text.hpp"
#include "minn/sensor_signals.h"

namespace minn::hil {
namespace {

namespace fs = std::filesystem;

// NE = ||max(estimate, 0) - truth||_2 / ||truth||_2 over the intracellular outputs (the paper's
// scoring: split fluxes are non-negative, train/metrics.hpp).
double sample_ne(const PlantLoopRun& run, const PlantLoopSample& s) {
  double err = 0, norm = 0;
  for (int i : run.scored) {
    const double t = s.truth[static_cast<std::size_t>(i)];
    const double e = std::max(0.0, static_cast<double>(s.host_estimate[static_cast<std::size_t>(i)]));
    err += (e - t) * (e - t);
    norm += t * t;
  }
  // A starving culture (the plant's maintenance-limited steps, e.g. after a pump stop) has no flux
  // to be relative to: the truth is zero up to the LP's tolerance and NE would be 1e11, not a score.
  return s.growing && norm > 0 ? std::sqrt(err / norm) : std::numeric_limits<double>::quiet_NaN();
}

std::string quality_name(unsigned word) {
  if (word == MINN_QUALITY_OK) return "ok";
  std::string name;
  const auto add = [&](unsigned bit, const char* text) {
    if ((word & bit) != 0) name += (name.empty() ? "" : "+") + std::string(text);
  };
  add(MINN_QUALITY_OUT_OF_ENVELOPE, "out_of_envelope");
  add(MINN_QUALITY_HELD, "held");
  add(MINN_QUALITY_INPUT_MISSING, "input_missing");
  return name;
}

std::string number(double v) {
  if (!std::isfinite(v)) return "null";
  char text[32];
  std::snprintf(text, sizeof text, "%.6g", v);
  return text;
}

std::vector<int> plotted(const PlantLoopRun& run, const std::vector<std::string>& names) {
  std::vector<int> out;
  for (const std::string& name : names) {
    const auto it = std::find(run.reaction_ids.begin(), run.reaction_ids.end(), name);
    if (it == run.reaction_ids.end()) throw Error("--plot '" + name + "': the model has no such reaction");
    out.push_back(static_cast<int>(it - run.reaction_ids.begin()));
  }
  if (!out.empty()) return out;
  std::vector<std::pair<double, int>> mean;
  for (int i : run.scored) {
    double sum = 0;
    for (const PlantLoopSample& s : run.samples) sum += s.truth[static_cast<std::size_t>(i)];
    mean.emplace_back(-sum, i);
  }
  std::sort(mean.begin(), mean.end());
  for (std::size_t k = 0; k < mean.size() && k < 4; ++k) out.push_back(mean[k].second);
  return out;
}

// Small multiples: one panel per reaction, truth (grey) and estimate (blue) over time, fault
// samples shaded. Plain SVG 1.1, no script.
std::string svg_plot(const PlantLoopRun& run, const std::vector<int>& reactions) {
  const double width = 720, panel = 170, left = 60, right = 20, top = 30;
  const double t0 = run.samples.front().time_h, t1 = std::max(run.samples.back().time_h, t0 + 1e-9);
  std::ostringstream s;
  s << "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" << width << "\" height=\""
    << top + panel * static_cast<double>(reactions.size()) + 30 << "\" font-family=\"sans-serif\" font-size=\"11\">\n"
    << "<text x=\"" << left << "\" y=\"18\" font-size=\"13\">" << run.board << ": soft-sensor estimate (blue) vs "
    << "plant truth (grey), mmol/gDW/h; shaded: faults</text>\n";
  for (std::size_t p = 0; p < reactions.size(); ++p) {
    const int r = reactions[p];
    const double y0 = top + panel * static_cast<double>(p), h = panel - 35;
    double lo = 0, hi = 1e-9;
    for (const PlantLoopSample& smp : run.samples) {
      hi = std::max({hi, smp.truth[static_cast<std::size_t>(r)], static_cast<double>(smp.host_estimate[static_cast<std::size_t>(r)])});
      lo = std::min({lo, smp.truth[static_cast<std::size_t>(r)], static_cast<double>(smp.host_estimate[static_cast<std::size_t>(r)])});
    }
    const auto x = [&](double t) { return left + (width - left - right) * (t - t0) / (t1 - t0); };
    const auto y = [&](double v) { return y0 + h - h * (v - lo) / (hi - lo); };
    s << "<g class=\"panel\"><text x=\"" << left << "\" y=\"" << y0 + 10 << "\">" << run.reaction_ids[static_cast<std::size_t>(r)]
      << "</text>\n<rect x=\"" << left << "\" y=\"" << y0 + 14 << "\" width=\"" << width - left - right << "\" height=\""
      << h - 14 << "\" fill=\"none\" stroke=\"#999\"/>\n";
    for (const PlantLoopSample& smp : run.samples)
      if (!smp.faults.empty())
        s << "<rect x=\"" << x(smp.time_h) - 1.5 << "\" y=\"" << y0 + 14 << "\" width=\"3\" height=\"" << h - 14
          << "\" fill=\"#f4c7c3\"/>\n";
    for (int series = 0; series < 2; ++series) {
      s << "<polyline fill=\"none\" stroke=\"" << (series == 0 ? "#888" : "#1f5fbf") << "\" stroke-width=\"1.5\" points=\"";
      for (const PlantLoopSample& smp : run.samples) {
        const double v = series == 0 ? smp.truth[static_cast<std::size_t>(r)] : smp.host_estimate[static_cast<std::size_t>(r)];
        s << number(x(smp.time_h)) << "," << number(y(v)) << " ";
      }
      s << "\"/>\n";
    }
    s << "<text x=\"4\" y=\"" << y(hi) + 4 << "\">" << number(hi) << "</text><text x=\"4\" y=\"" << y(lo) << "\">"
      << number(lo) << "</text></g>\n";
  }
  s << "<text x=\"" << left << "\" y=\"" << top + panel * static_cast<double>(reactions.size()) + 10 << "\">time "
    << number(t0) << " .. " << number(t1) << " h</text>\n</svg>\n";
  return s.str();
}

}  // namespace

PlantLoopSummary summarize_plant_loop(const PlantLoopRun& run) {
  PlantLoopSummary out;
  out.samples = static_cast<int>(run.samples.size());
  std::map<unsigned, int> counts;
  double sensor_sum = 0, model_sum = 0;
  int counted = 0;
  bool first = true;
  for (const PlantLoopSample& s : run.samples) {
    out.bit_identical += s.bit_identical ? 1 : 0;
    for (float v : s.target_estimate) out.any_nan = out.any_nan || std::isnan(v);
    ++counts[s.host_quality];
    const bool estimate = (s.host_quality & MINN_QUALITY_INPUT_MISSING) == 0;
    const double ne = estimate ? sample_ne(run, s) : std::numeric_limits<double>::quiet_NaN();
    out.ne.push_back(ne);
    if (!estimate) continue;
    ++out.estimated;
    if (std::isfinite(ne)) {
      out.ne_all += ne;
      ++out.scored_estimated;
    }
    // Clean: no fault active and a plain ok word (an out-of-envelope estimate, e.g. a fed-batch's
    // batch phase where the feed reads 0, is reported but not scored as clean).
    if (s.faults.empty() && s.host_quality == MINN_QUALITY_OK && std::isfinite(ne)) {
      ++out.clean_estimated;
      out.ne_clean += ne;
      out.ne_clean_max = std::max(out.ne_clean_max, ne);
    }
    if (s.sensor_instructions > 0 && s.model_instructions > 0) {
      out.sensor_min = first ? s.sensor_instructions : std::min(out.sensor_min, s.sensor_instructions);
      out.sensor_max = first ? s.sensor_instructions : std::max(out.sensor_max, s.sensor_instructions);
      first = false;
      sensor_sum += static_cast<double>(s.sensor_instructions);
      model_sum += static_cast<double>(s.model_instructions);
      ++counted;
    }
  }
  if (out.scored_estimated > 0) out.ne_all /= out.scored_estimated;
  if (out.clean_estimated > 0) out.ne_clean /= out.clean_estimated;
  if (counted > 0) {
    out.sensor_mean = sensor_sum / counted;
    out.model_mean = model_sum / counted;
    out.front_end_share = (sensor_sum - model_sum) / model_sum;
  }
  out.all_bit_identical = out.bit_identical == out.samples;
  out.all_faults_flagged = std::all_of(run.faults.begin(), run.faults.end(), [](const FaultCheck& f) { return f.flagged; });
  for (const auto& [word, n] : counts) out.quality_counts.emplace_back(word, n);
  return out;
}

void write_plant_loop_report(const PlantLoopRun& run, const PlantLoopSummary& sum, const std::string& dir,
                             const std::vector<std::string>& plot) {
  fs::create_directories(dir);
  const std::string stem = (fs::path(dir) / ("plant-" + run.board)).string();
  const std::vector<int> reactions = plotted(run, plot);
  replace_file_bytes(stem + ".svg", svg_plot(run, reactions));

  std::ostringstream csv;
  csv << "time_h,quality,faults,ne";
  for (int r : reactions) csv << "," << run.reaction_ids[static_cast<std::size_t>(r)] << "_estimate,"
                              << run.reaction_ids[static_cast<std::size_t>(r)] << "_truth";
  csv << "\n";
  for (std::size_t k = 0; k < run.samples.size(); ++k) {
    const PlantLoopSample& s = run.samples[k];
    std::string faults;
    for (const std::string& f : s.faults) faults += (faults.empty() ? "" : ";") + f;
    csv << number(s.time_h) << "," << quality_name(s.host_quality) << "," << faults << "," << number(sum.ne[k]);
    for (int r : reactions)
      csv << "," << number(s.host_estimate[static_cast<std::size_t>(r)]) << "," << number(s.truth[static_cast<std::size_t>(r)]);
    csv << "\n";
  }
  replace_file_bytes(stem + ".csv", csv.str());

  std::ostringstream j;
  j << "{\n  \"model\": " << json_quote(fs::path(run.model_path).filename().string())
    << ",\n  \"scenario\": " << json_quote(fs::path(run.scenario_path).filename().string())
    << ",\n  \"target\": " << json_quote(run.target) << ",\n  \"board\": " << json_quote(run.board)
    << ",\n  \"core\": " << json_quote(run.core) << ",\n  \"samples\": " << sum.samples
    << ",\n  \"bit_identical\": " << sum.bit_identical << ",\n  \"estimated\": " << sum.estimated
    << ",\n  \"estimated_outside_faults\": " << sum.clean_estimated
    << ",\n  \"scored_reactions\": " << run.scored.size()
    << ",\n  \"intracellular_ne\": {\"outside_faults_mean\": " << number(sum.ne_clean)
    << ", \"outside_faults_max\": " << number(sum.ne_clean_max) << ", \"all_estimates_mean\": " << number(sum.ne_all)
    << ", \"all_estimates_scored\": " << sum.scored_estimated
    << "},\n  \"instructions_per_sample\": {\"sensor_min\": " << sum.sensor_min << ", \"sensor_max\": " << sum.sensor_max
    << ", \"sensor_mean\": " << number(sum.sensor_mean) << ", \"model_mean\": " << number(sum.model_mean)
    << ", \"front_end_share\": " << number(sum.front_end_share) << "},\n  \"any_nan_output\": "
    << (sum.any_nan ? "true" : "false") << ",\n  \"quality_words\": {";
  for (std::size_t k = 0; k < sum.quality_counts.size(); ++k)
    j << (k ? ", " : "") << json_quote(quality_name(sum.quality_counts[k].first)) << ": " << sum.quality_counts[k].second;
  j << "},\n  \"faults\": [";
  for (std::size_t k = 0; k < run.faults.size(); ++k) {
    const FaultCheck& f = run.faults[k];
    j << (k ? "," : "") << "\n    {\"fault\": " << json_quote(f.fault) << ", \"samples\": " << f.samples
      << ", \"expected\": " << json_quote(quality_name(f.expected)) << ", \"seen\": [";
    std::size_t n = 0;
    for (unsigned w : f.seen) j << (n++ ? ", " : "") << json_quote(quality_name(w));
    j << "], \"flagged\": " << (f.flagged ? "true" : "false") << "}";
  }
  j << "\n  ]\n}\n";
  replace_file_bytes(stem + ".json", j.str());
}

void print_plant_loop_trace(const PlantLoopRun& run, const PlantLoopSummary& sum,
                            const std::vector<std::string>& plot, double every_h, std::ostream& out) {
  if (!(every_h > 0) || run.samples.empty()) return;
  const std::vector<int> reactions = plotted(run, plot);
  char cell[96];
  out << "  time h | quality                  |     NE";
  for (int r : reactions) {
    std::snprintf(cell, sizeof cell, " | %-21.21s", run.reaction_ids[static_cast<std::size_t>(r)].c_str());
    out << cell;
  }
  out << "\n  (estimate / plant truth, mmol/gDW/h)\n";
  double next = run.samples.front().time_h;
  for (std::size_t k = 0; k < run.samples.size(); ++k) {
    const PlantLoopSample& s = run.samples[k];
    if (s.time_h + 1e-9 < next) continue;
    while (next <= s.time_h + 1e-9) next += every_h;
    char ne[16] = "-";
    if (std::isfinite(sum.ne[k])) std::snprintf(ne, sizeof ne, "%.3f", sum.ne[k]);
    std::snprintf(cell, sizeof cell, "  %6.2f | %-24.24s | %6s", s.time_h,
                  (quality_name(s.host_quality) + (s.faults.empty() ? "" : " *")).c_str(), ne);
    out << cell;
    for (int r : reactions) {
      const std::size_t i = static_cast<std::size_t>(r);
      std::snprintf(cell, sizeof cell, " | %9.3f / %9.3f", static_cast<double>(s.host_estimate[i]), s.truth[i]);
      out << cell;
    }
    out << "\n";
  }
  out << "  (* a fault is active; NE '-' without an estimate or while the culture starves)\n";
}

void print_plant_loop_summary(const PlantLoopRun& run, const PlantLoopSummary& sum, const std::string& dir,
                              std::ostream& out) {
  char line[512];
  std::snprintf(line, sizeof line, "%s (%s): %d samples, %d/%d bit-identical with the host reference%s\n",
                run.target.c_str(), run.board.c_str(), sum.samples, sum.bit_identical, sum.samples,
                sum.any_nan ? ", NaN in an output" : ", no NaN output");
  out << line;
  std::snprintf(line, sizeof line,
                "  estimates: %d samples (%d outside fault windows); intracellular NE vs the plant's truth "
                "(%zu reactions): %.4f outside faults (max %.4f), %.4f over every estimate with a growing "
                "culture (%d)\n",
                sum.estimated, sum.clean_estimated, run.scored.size(), sum.ne_clean, sum.ne_clean_max, sum.ne_all,
                sum.scored_estimated);
  out << line;
  if (sum.sensor_mean > 0) {
    std::snprintf(line, sizeof line,
                  "  instructions per sample: %llu - %llu (mean %.0f); the model alone %.0f; front end + policy %+.2f%%\n",
                  static_cast<unsigned long long>(sum.sensor_min), static_cast<unsigned long long>(sum.sensor_max),
                  sum.sensor_mean, sum.model_mean, 100.0 * sum.front_end_share);
    out << line;
  }
  out << "  quality words:";
  for (const auto& [word, n] : sum.quality_counts) out << " " << quality_name(word) << " x" << n;
  out << "\n";
  for (const FaultCheck& f : run.faults) {
    out << "  fault " << f.fault << " (" << f.samples << " samples): seen";
    for (unsigned w : f.seen) out << " " << quality_name(w);
    out << (f.expected == 0 ? " (a signal the rates do not use)" : "") << (f.flagged ? " -- flagged" : " -- NOT FLAGGED")
        << "\n";
  }
  out << "  report: " << (fs::path(dir) / ("plant-" + run.board)).string() << ".{json,csv,svg}\n";
}

}  // namespace minn::hil
