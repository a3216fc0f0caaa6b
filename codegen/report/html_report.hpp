// One self-contained HTML file: inline CSS and SVG, no script and no external resource.
#pragma once
#include <string>

#include "report/report_data.hpp"

namespace minn::report {

// Scores the data as the paper does (train/metrics.hpp: per experiment over the scored fluxes,
// predictions clipped at 0) and lays out: summary, comparison, parity (overall and per flux), NE per
// flux, metrics per experiment and the per-metabolite steady-state violation |S v|.
std::string render_html(const ReportData& data);

}  // namespace minn::report
