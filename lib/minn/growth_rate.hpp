// Specific growth rate mu (1/h) from the biomass signal: the least-squares slope of ln X over a
// sliding window of the last N samples at a fixed sample period, plus the dilution rate.
//
// Why ln X and not (dX/dt) / X: in balanced (exponential) growth ln X is a straight line in time,
// so its least-squares slope is exact for any window length, whereas the slope of X itself over a
// window is biased by the curvature of the exponential (O((mu N dt)^2)). ln X also makes mu
// independent of the biomass calibration gain: ln(c X) = ln c + ln X has the same slope, so an
// OD-to-gDW factor or a drifting probe gain cancels. ln comes from natural_log.hpp (no libm).
//
// The filter: a least-squares line fitted to the samples k = 0 (oldest) .. N-1 (newest) of the
// window estimates d ln X/dt at the window centre, i.e. (N - 1)/2 sample periods ago (the lag); for
// white relative noise sigma on X its standard deviation is sigma * sqrt(12 / (N (N^2 - 1))) / dt.
// A larger N smooths more and lags more. Missing samples (NaN, X <= 0) keep their slot, so the time
// axis stays the fixed sample period, and get weight 0 in the fit.
#pragma once
#include "minn/natural_log.hpp"
#include "minn/rate_status.hpp"

namespace minn {

// The caller-owned window (static storage, one per reactor). GrowthRateWindow<N>{} is empty;
// assign a fresh one to restart the filter (a new batch, a long outage).
template <int N>
struct GrowthRateWindow {
  static_assert(N >= 2, "a slope needs at least two samples");
  float ln_biomass[N] = {};  // ln(X / (1 gDW/L)); 0 in a missing slot
  float present[N] = {};     // 1 for a valid sample, 0 for a missing one: its weight in the fit
  int next = 0;              // the slot the next sample goes to (the oldest one once full)
  int samples = 0;           // samples pushed, valid or not, saturating at N
};

// The fewest valid samples a fit accepts: a strict majority of the window (at least 2).
template <int N>
inline constexpr int kMinValidGrowthSamples = N / 2 + 1;

// Appends one biomass sample X (gDW/L, or any unit proportional to it: only the slope of ln X is
// used) taken one sample period after the previous one. A NaN or +-Inf X (invalid_input) or an
// X <= 0 (out_of_range) is stored as a missing sample and reported; the window advances either way.
template <int N>
inline RateStatus push_biomass(GrowthRateWindow<N>* w, float biomass_gdw_per_l) {
  RateStatus status = RateStatus::ok;
  if (!is_finite(biomass_gdw_per_l)) {
    status = RateStatus::invalid_input;
  } else if (!(biomass_gdw_per_l > 0.0f)) {
    status = RateStatus::out_of_range;
  }
  const bool valid = status == RateStatus::ok;
  if (w->next < 0 || w->next >= N) w->next = 0;  // a corrupted index restarts at slot 0, never UB
  w->ln_biomass[w->next] = valid ? ln_positive(biomass_gdw_per_l) : 0.0f;
  w->present[w->next] = valid ? 1.0f : 0.0f;
  w->next = w->next + 1 == N ? 0 : w->next + 1;
  if (w->samples < N) w->samples = w->samples + 1;
  return status;
}

// mu = d ln X/dt + D (1/h). The biomass balance of a chemostat, V dX/dt = mu X V - F X (Herbert,
// Elsworth & Telling, J. Gen. Microbiol. 14:601-622, 1956), and of a fed-batch, d(X V)/dt = mu X V
// with dV/dt = F, both give dX/dt = (mu - D) X with D = F/V (dilution_rate() in
// specific_rates.hpp; 0 in batch), so mu = d ln X/dt + D; in batch d ln X/dt is Monod's exponential
// growth rate (Monod, Annu. Rev. Microbiol. 3:371-394, 1949). Cell death and sampling are neglected.
// d ln X/dt is the weighted least-squares slope over the window (Press et al., Numerical Recipes,
// 3rd ed., Cambridge 2007, section 15.2, fitting data to a straight line), w_k in {0, 1}, t_k = k:
//   slope = sum w_k (t_k - t_mean)(y_k - y_mean) / sum w_k (t_k - t_mean)^2 / dt,  y_k = ln X_k,
// t_mean, y_mean the weighted means. D should be the dilution rate at the window centre (or its
// mean over the window) when it changes, as in an exponential feed.
// sample_period_h (dt, h) > 0; dilution_per_h (1/h) >= 0. Returns invalid_input when either is NaN
// or +-Inf; out_of_range when dt <= 0, D < 0 or mu overflows float; not_ready until N samples were
// pushed or while fewer than kMinValidGrowthSamples<N> of the window are valid. *mu_per_h is
// written only on ok. Two fixed loops over N, no early exit inside them.
template <int N>
inline RateStatus growth_rate(const GrowthRateWindow<N>& w, float sample_period_h,
                              float dilution_per_h, float* mu_per_h) {
  const float inputs[] = {sample_period_h, dilution_per_h};
  if (!all_finite(inputs)) return RateStatus::invalid_input;
  if (!(sample_period_h > 0.0f) || !(dilution_per_h >= 0.0f)) return RateStatus::out_of_range;
  const int oldest = w.next >= 0 && w.next < N ? w.next : 0;

  float weight = 0.0f, sum_t = 0.0f, sum_y = 0.0f;
  for (int k = 0; k < N; ++k) {
    const int slot = oldest + k < N ? oldest + k : oldest + k - N;
    const float wk = w.present[slot];
    weight = weight + wk;
    sum_t = sum_t + wk * static_cast<float>(k);
    sum_y = sum_y + wk * w.ln_biomass[slot];
  }
  if (w.samples < N || !(weight >= static_cast<float>(kMinValidGrowthSamples<N>))) {
    return RateStatus::not_ready;
  }
  const float t_mean = sum_t / weight;
  const float y_mean = sum_y / weight;
  float sxy = 0.0f, sxx = 0.0f;
  for (int k = 0; k < N; ++k) {
    const int slot = oldest + k < N ? oldest + k : oldest + k - N;
    const float wk = w.present[slot];
    const float dt_k = static_cast<float>(k) - t_mean;
    sxy = sxy + wk * dt_k * (w.ln_biomass[slot] - y_mean);
    sxx = sxx + wk * dt_k * dt_k;
  }
  // Two or more valid samples at distinct k give sxx >= 1/2; the test only guards a corrupted window.
  if (!(sxx > 0.0f)) return RateStatus::not_ready;
  const float mu = sxy / sxx / sample_period_h + dilution_per_h;
  if (!is_finite(mu)) return RateStatus::out_of_range;
  *mu_per_h = mu;
  return RateStatus::ok;
}

}  // namespace minn
