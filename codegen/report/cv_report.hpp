// Report data from a `minnc cv` output: <stem>.metrics.json and <stem>.predictions.csv beside it
// (eval/cv_outputs.hpp), the dataset the run scored on and the (unreduced) GEM it read. The other
// runs in the same directory on the same GEM (baselines, pFBA, other seeds) and the paper's rows
// become the comparison.
#pragma once
#include <string>

#include "report/report_data.hpp"

namespace minn::report {

// minn::Error naming the file and what was expected when a file is missing or does not match
// (a GEM other than the run's, a predicted id absent from the GEM, an experiment not in the data).
ReportData cv_report_data(const std::string& metrics_json, const std::string& data_dir, const std::string& gem_path);

}  // namespace minn::report
