// The samples as one CSV: column `sample` (1-based), then the drawn rates as `rate:<id>`, then every
// split-GEM reaction flux in GEM order (so each rate appears twice: drawn, and in its solution).
// Numbers with 17 significant digits, so the file reads back to the same doubles and one seed
// gives the same bytes.
#pragma once
#include <string>

#include "surrogate/flux_sampler.hpp"

namespace minn::surrogate {

inline constexpr const char* kRateColumnPrefix = "rate:";

std::string samples_csv(const FluxSamples& samples);

}  // namespace minn::surrogate
