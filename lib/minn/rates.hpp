// The rate front end: raw bioreactor signals (off-gas fractions, gas flow, feed, volume, biomass)
// to the specific rates a model takes as inputs (mmol/gDW/h, 1/h). Static memory, float32, no libm;
// every function reports a RateStatus and writes its outputs only on ok.
#pragma once
#include "minn/gas_rates.hpp"
#include "minn/glucose_uptake.hpp"
#include "minn/growth_rate.hpp"
#include "minn/natural_log.hpp"
#include "minn/rate_status.hpp"
#include "minn/specific_rates.hpp"
