// Off-gas rates of an aerated bioreactor: oxygen uptake rate OUR, CO2 evolution rate CER
// (mmol/L/h, per litre of broth) and the respiratory quotient, from the inlet and outlet O2 and CO2
// mole fractions, the inlet gas flow and the liquid volume. Positive OUR is O2 consumed, positive
// CER is CO2 produced (the sign of the model's uptake inputs).
//
// Assumptions, as in the textbook gas balance: the gas phase is at pseudo-steady state (the
// headspace hold-up time is short next to the sample period), both gas streams are ideal and dry
// (the analysers read dry gas, inlet and outlet on the same basis), and the inert gas (N2 + Ar) is
// neither consumed nor produced, so its molar flow is the same in and out. Pure-O2 sparging (no
// inert gas) cannot be balanced this way and is reported as out_of_range.
#pragma once
#include "minn/rate_status.hpp"

namespace minn {

// Molar volume of an ideal gas at normal conditions, 0 degC and 101.325 kPa (DIN 1343), L/mol.
// A mass-flow controller calibrated to another standard (e.g. 20 degC) must be converted first.
inline constexpr float kNormalMolarVolumeLPerMol = 22.414f;

// The inert balance divides by the outlet inert fraction; below 1 % an analyser error of 0.1 %
// (absolute) moves the outlet flow by 10 % or more, so such readings are rejected, not amplified.
inline constexpr float kMinInertFraction = 0.01f;

// Mole fractions (mol/mol) of dry gas, each in [0, 1]. Air: o2_in 0.2095, co2_in 0.0004.
struct OffGasFractions {
  float o2_in;
  float co2_in;
  float o2_out;
  float co2_out;
};

struct GasRates {
  float our_mmol_per_l_h;  // oxygen uptake rate, mmol O2 per litre of broth per hour
  float cer_mmol_per_l_h;  // CO2 evolution rate, mmol CO2 per litre of broth per hour
};

// Gas flow in normal litres per minute (NL/min) -> mol/h: n = Q * 60 min/h / Vm (ideal gas law at
// normal conditions; Doran, Bioprocess Engineering Principles, 2nd ed., Academic Press 2013, ch. 2,
// the ideal gas law). No checks: a pure conversion.
inline float normal_litres_per_min_to_mol_per_h(float gas_nl_per_min) {
  return gas_nl_per_min * (60.0f / kNormalMolarVolumeLPerMol);
}

// OUR and CER (mmol/L/h) from the inert-gas balance (the Haldane transformation of respiratory
// physiology; for bioreactors: Villadsen, Nielsen & Liden, Bioreaction Engineering Principles,
// 3rd ed., Springer 2011, gas-phase mass balances and their use to measure OUR and CER; Doran 2013,
// ch. 10, the gas balance over the fermenter):
//   F_in  = Q * 60 / 22.414                                  mol/h (Q inlet gas flow, NL/min)
//   F_out = F_in * (1 - yO2_in - yCO2_in) / (1 - yO2_out - yCO2_out)    (inert gas in = out)
//   OUR   = 1000 * (F_in * yO2_in  - F_out * yO2_out) / V    mmol/L/h (V liquid volume, L)
//   CER   = 1000 * (F_out * yCO2_out - F_in * yCO2_in) / V   mmol/L/h
// Returns invalid_input when an input is NaN or +-Inf; out_of_range when gas_in_nl_per_min <= 0,
// volume_l <= 0, a fraction is outside [0, 1], an inert fraction (1 - yO2 - yCO2, inlet or outlet)
// is below kMinInertFraction, or OUR or CER overflows float. *out is written only on ok. A negative
// OUR or CER (outlet richer in O2 than the inlet, analyser noise at low activity) is returned as is.
inline RateStatus gas_rates(const OffGasFractions& y, float gas_in_nl_per_min, float volume_l,
                            GasRates* out) {
  const float inputs[] = {y.o2_in, y.co2_in, y.o2_out, y.co2_out, gas_in_nl_per_min, volume_l};
  if (!all_finite(inputs)) return RateStatus::invalid_input;
  bool in_range = gas_in_nl_per_min > 0.0f && volume_l > 0.0f;
  for (int i = 0; i < 4; ++i) in_range = in_range && inputs[i] >= 0.0f && inputs[i] <= 1.0f;
  const float inert_in = 1.0f - y.o2_in - y.co2_in;
  const float inert_out = 1.0f - y.o2_out - y.co2_out;
  in_range = in_range && inert_in >= kMinInertFraction && inert_out >= kMinInertFraction;
  if (!in_range) return RateStatus::out_of_range;

  const float mol_in_per_h = normal_litres_per_min_to_mol_per_h(gas_in_nl_per_min);
  const float mol_out_per_h = mol_in_per_h * (inert_in / inert_out);  // exactly F_in when equal
  const float mmol_per_mol_per_l = 1000.0f / volume_l;
  const float our = (mol_in_per_h * y.o2_in - mol_out_per_h * y.o2_out) * mmol_per_mol_per_l;
  const float cer = (mol_out_per_h * y.co2_out - mol_in_per_h * y.co2_in) * mmol_per_mol_per_l;
  if (!is_finite(our) || !is_finite(cer)) return RateStatus::out_of_range;
  out->our_mmol_per_l_h = our;
  out->cer_mmol_per_l_h = cer;
  return RateStatus::ok;
}

// Respiratory quotient RQ = CER / OUR (mol CO2 per mol O2, dimensionless; Villadsen et al. 2011 and
// Doran 2013, the respiratory quotient). OUR and CER in the same unit (e.g. mmol/L/h). RQ is only
// meaningful while OUR is clearly above the analyser noise, a plant-specific level the caller states
// as min_our (same unit as OUR, > 0): OUR < min_our returns out_of_range, so RQ never divides by a
// value near zero. invalid_input when an input is NaN or +-Inf; out_of_range also when
// min_our <= 0 or the quotient overflows. *rq is written only on ok.
inline RateStatus respiratory_quotient(float our, float cer, float min_our, float* rq) {
  const float inputs[] = {our, cer, min_our};
  if (!all_finite(inputs)) return RateStatus::invalid_input;
  if (!(min_our > 0.0f) || !(our >= min_our)) return RateStatus::out_of_range;
  const float q = cer / our;
  if (!is_finite(q)) return RateStatus::out_of_range;
  *rq = q;
  return RateStatus::ok;
}

}  // namespace minn
