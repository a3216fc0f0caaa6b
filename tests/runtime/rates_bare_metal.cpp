// Instantiates every rate front-end function (lib/minn/rates.hpp) with external linkage so that
// rates_bare_metal_check.sh compiles all of it for bare-metal Cortex-M and inspects what it calls.
#include "minn/rates.hpp"

extern "C" {

int check_gas_rates(const minn::OffGasFractions* y, float flow, float volume, minn::GasRates* out) {
  return static_cast<int>(minn::gas_rates(*y, flow, volume, out));
}

int check_respiratory_quotient(float our, float cer, float min_our, float* rq) {
  return static_cast<int>(minn::respiratory_quotient(our, cer, min_our, rq));
}

int check_specific_rate(float r, float x, float* q) {
  return static_cast<int>(minn::specific_rate(r, x, q));
}

int check_dilution_rate(float flow, float volume, float* d) {
  return static_cast<int>(minn::dilution_rate(flow, volume, d));
}

int check_glucose_uptake(const minn::GlucoseBalance* b, float* q) {
  return static_cast<int>(minn::glucose_uptake(*b, q));
}

float check_ln_positive(float x) { return minn::ln_positive(x); }

// One caller-owned window in static storage, as firmware would hold it (no constructor call, no
// guard variable: constant-initialised).
static minn::GrowthRateWindow<16> window;

int check_push_biomass(float x) { return static_cast<int>(minn::push_biomass(&window, x)); }

int check_growth_rate(float dt, float d, float* mu) {
  return static_cast<int>(minn::growth_rate(window, dt, d, mu));
}

}  // extern "C"
