// Report data from a `minnc predict` run: the model's host-reference predictions (emit/batch_predict.hpp)
// on an Ishii-layout dataset, scored against its measured fluxes, with S v from the model's own S.
#pragma once
#include <string>

#include "report/report_data.hpp"

namespace minn::report {

ReportData predict_report_data(const std::string& model_path, const std::string& data_dir);

}  // namespace minn::report
