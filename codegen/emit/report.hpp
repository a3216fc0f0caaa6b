// NAME_report.json and NAME.md: what a firmware engineer needs to integrate a generated model.
#pragma once
#include <string>

#include "emit/lowered_model.hpp"
#include "emit/precision.hpp"
#include "emit/tables.hpp"
#include "model/model.hpp"

namespace minn::emit {

struct ReportInput {
  std::string name;
  Precision precision;
  std::string model_sha256;
  const MinnModel* model;
  const LoweredModel* lowered;
  const TableSet* tables;
};

std::string report_json(const ReportInput& in);
std::string report_markdown(const ReportInput& in);

// Bytes of the weight tables with f32 weights (panels, padding included): the int8w saving baseline.
std::size_t f32_weight_bytes(const LoweredModel& m);

}  // namespace minn::emit
