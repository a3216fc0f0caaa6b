// What an HTML report shows, whatever produced the predictions (a `minnc cv` output or a
// `minnc predict` run): measured and predicted scored fluxes per experiment, the steady-state
// residual S v per metabolite when the full flux vectors and S are known, and rows to compare with.
#pragma once
#include <Eigen/Core>
#include <string>
#include <vector>

namespace minn::report {

struct ComparisonRow {
  std::string label;   // e.g. "scaled-profile (this directory)" or "MINN-c-balanced (paper, Table 2)"
  double r2 = 0, mae = 0, rmse = 0, ne = 0;
  bool this_run = false;
};

struct ReportData {
  std::string title;
  std::string kind;                   // what the predictions are: held-out (cv) or fitted (predict)
  std::vector<std::string> facts;     // command, GEM, dataset, model: one line each
  std::vector<std::string> flux_ids;  // the scored fluxes (rows of measured / predicted)
  std::vector<std::string> experiments;
  Eigen::MatrixXd measured, predicted;  // flux x experiment; predicted raw (the metrics clip it at 0)
  std::vector<std::string> metabolite_ids;  // empty when S v is not known (a baseline's predictions)
  Eigen::MatrixXd residual;                 // S v, metabolite x experiment
  std::vector<ComparisonRow> comparison;
  std::vector<std::string> notes;
};

}  // namespace minn::report
