// Specific rates and the dilution rate: the per-biomass units the model's uptake inputs are in.
#pragma once
#include "minn/rate_status.hpp"

namespace minn {

// Specific rate q (mmol/gDW/h) = volumetric rate r (mmol/L/h) / biomass X (gDW/L), e.g.
// q_O2 = OUR / X (Villadsen, Nielsen & Liden, Bioreaction Engineering Principles, 3rd ed., Springer
// 2011: the specific rate q_i = r_i / x of a compound i). r may have either sign. invalid_input when r or X is NaN or +-Inf; out_of_range when X <= 0 or q
// overflows float (X tiny). *q_mmol_per_gdw_h is written only on ok.
inline RateStatus specific_rate(float volumetric_mmol_per_l_h, float biomass_gdw_per_l,
                                float* q_mmol_per_gdw_h) {
  const float inputs[] = {volumetric_mmol_per_l_h, biomass_gdw_per_l};
  if (!all_finite(inputs)) return RateStatus::invalid_input;
  if (!(biomass_gdw_per_l > 0.0f)) return RateStatus::out_of_range;
  const float q = volumetric_mmol_per_l_h / biomass_gdw_per_l;
  if (!is_finite(q)) return RateStatus::out_of_range;
  *q_mmol_per_gdw_h = q;
  return RateStatus::ok;
}

// Dilution rate D (1/h) = F / V, F the liquid flow through the vessel (L/h: the feed in fed-batch,
// feed = outflow in a chemostat, 0 in batch) and V the liquid volume (L) (Herbert, Elsworth &
// Telling, J. Gen. Microbiol. 14:601-622, 1956). invalid_input when F or V is NaN or +-Inf;
// out_of_range when F < 0, V <= 0 or D overflows. *d_per_h is written only on ok.
inline RateStatus dilution_rate(float flow_l_per_h, float volume_l, float* d_per_h) {
  const float inputs[] = {flow_l_per_h, volume_l};
  if (!all_finite(inputs)) return RateStatus::invalid_input;
  if (!(flow_l_per_h >= 0.0f) || !(volume_l > 0.0f)) return RateStatus::out_of_range;
  const float d = flow_l_per_h / volume_l;
  if (!is_finite(d)) return RateStatus::out_of_range;
  *d_per_h = d;
  return RateStatus::ok;
}

}  // namespace minn
