#include "report/html_report.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "report/svg_charts.hpp"
#include "train/metrics.hpp"

namespace minn::report {
namespace {

std::string f3(double v) {
  if (!std::isfinite(v)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.3f", v);
  return b;
}

std::string g4(double v) {
  if (!std::isfinite(v)) return "n/a";
  char b[32];
  std::snprintf(b, sizeof b, "%.4g", v);
  return b;
}

constexpr const char* kStyle = R"(<style>
body{font-family:sans-serif;margin:24px;color:#222;max-width:1100px}
h1{font-size:22px;margin-bottom:4px}h2{font-size:17px;margin-top:28px;border-bottom:1px solid #ccc}
table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:2px 8px;text-align:right}
td:first-child,th:first-child{text-align:left}tr.this{background:#e6f0fa;font-weight:bold}
.facts{font-size:12px;color:#555;font-family:monospace}.grid{display:flex;flex-wrap:wrap;gap:4px}
svg text{font-family:sans-serif}.tick{font-size:10px;fill:#333}.tiny{font-size:9px;fill:#333}
.label{font-size:12px;fill:#222}.frame{fill:#fafafa;stroke:#999}.axis{stroke:#999}
.diagonal{stroke:#c33;stroke-dasharray:4 3}.point{fill:#1f6fb2;fill-opacity:.6}
.bar{fill:#1f6fb2}.bar.highlight{fill:#e08a00}.note{font-size:13px;color:#555}
</style>)";

struct Scores {
  std::vector<train::FluxMetrics> per_experiment;
  train::FluxMetrics mean, sd;
  std::vector<double> l2;  // ||S v||^2 / m per experiment (empty without S v)
};

Scores score(const ReportData& d) {
  Scores s;
  for (Eigen::Index e = 0; e < d.measured.cols(); ++e) {
    const train::FluxMetrics m = train::experiment_metrics(d.measured.col(e), d.predicted.col(e));
    s.per_experiment.push_back(m);
  }
  const train::MetricsSummary summary = train::summarize(s.per_experiment);
  s.mean = summary.mean;
  s.sd = summary.sd;
  if (!d.metabolite_ids.empty())
    for (Eigen::Index e = 0; e < d.residual.cols(); ++e)
      s.l2.push_back(d.residual.col(e).squaredNorm() / static_cast<double>(d.residual.rows()));
  return s;
}

std::string summary_table(const ReportData& d, const Scores& s) {
  std::string h = "<table><tr><th>" + std::to_string(d.experiments.size()) + " experiments, " +
                  std::to_string(d.flux_ids.size()) +
                  " scored fluxes</th><th>R²</th><th>MAE</th><th>RMSE</th><th>NE</th>" +
                  (s.l2.empty() ? "" : "<th>L2 = ‖S v‖²/m</th>") + "</tr>";
  double l2_mean = 0;
  for (double v : s.l2) l2_mean += v / static_cast<double>(s.l2.size());
  h += "<tr class=\"this\"><td>mean ± SD</td><td>" + f3(s.mean.r2) + " ± " + f3(s.sd.r2) + "</td><td>" +
       f3(s.mean.mae) + " ± " + f3(s.sd.mae) + "</td><td>" + f3(s.mean.rmse) + " ± " + f3(s.sd.rmse) + "</td><td>" +
       f3(s.mean.ne) + " ± " + f3(s.sd.ne) + "</td>" + (s.l2.empty() ? "" : "<td>" + g4(l2_mean) + "</td>") +
       "</tr></table>";
  return h;
}

std::string comparison_section(const ReportData& d) {
  if (d.comparison.empty()) return "";
  std::string h = "<h2>Comparison</h2><table><tr><th>model</th><th>R²</th><th>MAE</th><th>RMSE</th><th>NE</th></tr>";
  std::vector<Bar> bars;
  for (const ComparisonRow& r : d.comparison) {
    h += std::string(r.this_run ? "<tr class=\"this\">" : "<tr>") + "<td>" + xml_escape(r.label) + "</td><td>" +
         f3(r.r2) + "</td><td>" + f3(r.mae) + "</td><td>" + f3(r.rmse) + "</td><td>" + f3(r.ne) + "</td></tr>";
    bars.push_back({r.label, r.ne, "", r.this_run});
  }
  return h + "</table>" + bar_svg(bars, "mean NE over experiments (lower is better)", 760);
}

std::string parity_section(const ReportData& d) {
  std::vector<ParityPoint> all;
  std::string grid = "<div class=\"grid\">";
  for (Eigen::Index i = 0; i < d.measured.rows(); ++i) {
    std::vector<ParityPoint> one;
    for (Eigen::Index e = 0; e < d.measured.cols(); ++e) {
      const ParityPoint p{d.measured(i, e), std::max(0.0, d.predicted(i, e)),
                          d.experiments[static_cast<std::size_t>(e)] + " " + d.flux_ids[static_cast<std::size_t>(i)]};
      one.push_back(p);
      all.push_back(p);
    }
    grid += parity_svg(one, d.flux_ids[static_cast<std::size_t>(i)], 132);
  }
  return "<h2>Predicted against measured</h2><p class=\"note\">Every scored flux of every experiment "
         "(predictions clipped at 0, as scored); the dashed line is y = x. Hover a point for its "
         "experiment and flux.</p>" +
         parity_svg(all, "all scored fluxes", 460) + "<h3>Per flux</h3>" + grid + "</div>";
}

std::string flux_ne_section(const ReportData& d) {
  std::vector<Bar> bars;
  for (Eigen::Index i = 0; i < d.measured.rows(); ++i) {
    const Eigen::VectorXd p = d.predicted.row(i).transpose().cwiseMax(0.0);
    const Eigen::VectorXd m = d.measured.row(i).transpose();
    const double norm = m.norm();
    const double ne = norm > 0 ? (p - m).norm() / norm : std::numeric_limits<double>::quiet_NaN();
    bars.push_back({d.flux_ids[static_cast<std::size_t>(i)], ne, "", false});
  }
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) {
    const double x = std::isfinite(a.value) ? a.value : -1, y = std::isfinite(b.value) ? b.value : -1;
    return x > y;
  });
  return "<h2>NE per flux</h2><p class=\"note\">‖predicted − measured‖ / ‖measured‖ of one flux over the "
         "experiments (n/a: measured 0 in every experiment).</p>" +
         bar_svg(bars, "NE of the flux over experiments", 760);
}

std::string experiment_section(const ReportData& d, const Scores& s) {
  std::vector<Bar> bars;
  std::string t = "<table><tr><th>experiment</th><th>R²</th><th>MAE</th><th>RMSE</th><th>NE</th>" +
                  std::string(s.l2.empty() ? "" : "<th>L2</th>") + "</tr>";
  for (std::size_t e = 0; e < d.experiments.size(); ++e) {
    const train::FluxMetrics& m = s.per_experiment[e];
    bars.push_back({d.experiments[e], m.ne, "", false});
    t += "<tr><td>" + xml_escape(d.experiments[e]) + "</td><td>" + f3(m.r2) + "</td><td>" + f3(m.mae) + "</td><td>" +
         f3(m.rmse) + "</td><td>" + f3(m.ne) + "</td>" + (s.l2.empty() ? "" : "<td>" + g4(s.l2[e]) + "</td>") +
         "</tr>";
  }
  return "<h2>Per experiment</h2>" + bar_svg(bars, "NE of the experiment over the scored fluxes", 760) + t +
         "</table>";
}

std::string residual_section(const ReportData& d) {
  if (d.metabolite_ids.empty())
    return "<h2>Steady state |S v|</h2><p class=\"note\">Not available: these predictions hold only the scored "
           "fluxes, not the full flux vector.</p>";
  std::vector<Bar> bars;
  for (Eigen::Index i = 0; i < d.residual.rows(); ++i) {
    const double mean_abs = d.residual.row(i).cwiseAbs().mean();
    bars.push_back({d.metabolite_ids[static_cast<std::size_t>(i)], mean_abs, "", false});
  }
  std::stable_sort(bars.begin(), bars.end(), [](const Bar& a, const Bar& b) { return a.value > b.value; });
  const std::size_t shown = std::min<std::size_t>(bars.size(), 30);
  bars.resize(shown);
  return "<h2>Steady state |S v|</h2><p class=\"note\">Mean over experiments of |(S v)ᵢ| per metabolite "
         "(mmol/gDW/h), the " +
         std::to_string(shown) + " largest of " + std::to_string(d.residual.rows()) +
         " metabolites; 0 is an exact steady state.</p>" + bar_svg(bars, "mean |S v| per metabolite", 760);
}

}  // namespace

std::string render_html(const ReportData& d) {
  const Scores s = score(d);
  std::string h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + xml_escape(d.title) +
                  "</title>" + kStyle + "</head><body>\n<h1>" + xml_escape(d.title) + "</h1><p>" + xml_escape(d.kind) +
                  "</p><div class=\"facts\">";
  for (const std::string& f : d.facts) h += xml_escape(f) + "<br>";
  h += "</div>" + summary_table(d, s) + "\n";
  for (const std::string& n : d.notes) h += "<p class=\"note\">" + xml_escape(n) + "</p>";
  h += comparison_section(d) + "\n" + parity_section(d) + "\n" + flux_ne_section(d) + "\n" +
       experiment_section(d, s) + "\n" + residual_section(d) + "\n<p class=\"note\">Written by minnc report.</p>" +
       "</body></html>\n";
  return h;
}

}  // namespace minn::report
