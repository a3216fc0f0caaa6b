// What `minnc inspect` prints: a readable summary or a JSON document (weights are not listed).
#pragma once
#include <string>

#include "model/model.hpp"

namespace minn {

// `file` and `sha256` describe where the model came from (printed as given).
std::string model_summary_text(const MinnModel& model, const std::string& file,
                               const std::string& sha256);
std::string model_summary_json(const MinnModel& model, const std::string& file,
                               const std::string& sha256);

}  // namespace minn
