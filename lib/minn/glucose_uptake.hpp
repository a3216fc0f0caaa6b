// Specific glucose uptake rate q_glc (mmol/gDW/h, positive = consumed) from the feed, by the
// glucose balance of the liquid phase.
#pragma once
#include "minn/rate_status.hpp"

namespace minn {

// Glucose molar mass, g/mol: a feed concentration in g/L times 1000 / 180.156 is mmol/L.
inline constexpr float kGlucoseMolarMassGPerMol = 180.156f;

struct GlucoseBalance {
  float feed_l_per_h;                  // F, feed pump rate, L/h, >= 0
  float feed_glucose_mmol_per_l;       // S_f, glucose in the feed, mmol/L, >= 0
  float volume_l;                      // V, liquid volume, L, > 0
  float biomass_gdw_per_l;             // X, biomass, gDW/L, > 0
  float residual_glucose_mmol_per_l;   // S, measured residual glucose, mmol/L, >= 0 (0: not measured)
  float residual_slope_mmol_per_l_h;   // dS/dt, its time derivative, mmol/L/h (0: not measured)
};

// The glucose balance of a fed-batch (dV/dt = F) or a chemostat (outflow F, V constant) gives the
// same expression (Herbert, Elsworth & Telling, J. Gen. Microbiol. 14:601-622, 1956, chemostat
// substrate balance; Yamane & Shimizu, Adv. Biochem. Eng. 30:147-194, 1984, fed-batch):
//   d(V S)/dt = F S_f - q X V  (fed-batch)  or  V dS/dt = F (S_f - S) - q X V  (chemostat)
//   =>  q_glc = (F (S_f - S) - V dS/dt) / (V X)                           mmol/gDW/h
// Glucose-limited quasi-steady state (residual and slope 0): every mmol fed is consumed at once,
// q_glc = F S_f / (V X); with a measured residual S and its slope dS/dt the accumulation and the
// glucose leaving (chemostat) or diluted (fed-batch) are subtracted. A stopped pump (F = 0) gives
// q_glc = -dS/dt / X: 0 under the quasi-steady-state assumption, which no longer holds then.
// Sampling losses and evaporation are neglected. A negative q (more accumulation than feed,
// noise) is returned as is. invalid_input when a field is NaN or +-Inf; out_of_range when F < 0,
// S_f < 0, S < 0, V <= 0, X <= 0, or q overflows float. *q_mmol_per_gdw_h is written only on ok.
inline RateStatus glucose_uptake(const GlucoseBalance& b, float* q_mmol_per_gdw_h) {
  const float inputs[] = {b.feed_l_per_h, b.feed_glucose_mmol_per_l, b.volume_l,
                          b.biomass_gdw_per_l, b.residual_glucose_mmol_per_l,
                          b.residual_slope_mmol_per_l_h};
  if (!all_finite(inputs)) return RateStatus::invalid_input;
  if (!(b.feed_l_per_h >= 0.0f) || !(b.feed_glucose_mmol_per_l >= 0.0f) || !(b.volume_l > 0.0f) ||
      !(b.biomass_gdw_per_l > 0.0f) || !(b.residual_glucose_mmol_per_l >= 0.0f)) {
    return RateStatus::out_of_range;
  }
  const float supplied_mmol_per_h =
      b.feed_l_per_h * (b.feed_glucose_mmol_per_l - b.residual_glucose_mmol_per_l) -
      b.volume_l * b.residual_slope_mmol_per_l_h;
  const float biomass_gdw = b.volume_l * b.biomass_gdw_per_l;
  if (!(biomass_gdw > 0.0f)) return RateStatus::out_of_range;  // V X underflowed to 0
  const float q = supplied_mmol_per_h / biomass_gdw;
  if (!is_finite(q)) return RateStatus::out_of_range;
  *q_mmol_per_gdw_h = q;
  return RateStatus::ok;
}

}  // namespace minn
