// The off-gas composition an analyser reads, from the volumetric rates of the broth: the forward
// direction of the inert-gas balance that lib/minn/gas_rates.hpp inverts on the controller.
#pragma once

namespace minn::plant {

struct OffGas {
  double o2_out = 0.0;   // dry outlet O2 mole fraction
  double co2_out = 0.0;  // dry outlet CO2 mole fraction
};

// Gas phase at pseudo-steady state, ideal dry gases, inert gas (N2 + Ar) neither consumed nor
// produced, all CO2 the cells make leaves with the gas (CER = CO2 production: dissolved CO2 and
// bicarbonate are taken at steady state), O2 leaves the gas at OUR (OTR = OUR, oxygen_transfer.hpp).
// With F_in = Q 60 / 22.414 mol/h (Q in NL/min, kNormalMolarVolumeLPerMol of gas_rates.hpp) and
// the molar flows of the dry outlet (Villadsen, Nielsen & Liden, Bioreaction Engineering
// Principles, 3rd ed., Springer 2011, gas-phase balances; Doran 2013, ch. 10):
//   n_O2  = F_in yO2_in  - OUR V / 1000,   n_CO2 = F_in yCO2_in + CER V / 1000,
//   n_in  = F_in (1 - yO2_in - yCO2_in),   F_out = n_in + n_O2 + n_CO2,
//   yO2_out = n_O2 / F_out,                yCO2_out = n_CO2 / F_out,
// so that gas_rates() (F_out = F_in inert_in / inert_out) gives back OUR and CER. Rates in mmol/L/h,
// volume in L, Q > 0. Throws minn::Error when the O2 demand exceeds the O2 supplied (n_O2 < 0).
OffGas off_gas(double our_mmol_per_l_h, double cer_mmol_per_l_h, double volume_l,
               double gas_in_nl_per_min, double o2_in, double co2_in);

}  // namespace minn::plant
