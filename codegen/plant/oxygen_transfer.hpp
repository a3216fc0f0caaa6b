// Oxygen supply of an aerated stirred tank: O2 solubility (Henry's law), the transfer rate through
// kLa, and the O2 uptake bound of the cells at the quasi-steady dissolved-O2 concentration.
#pragma once

namespace minn::plant {

// Saturation vapour pressure of water, kPa (Buck 1981; literature_parameters.hpp).
double water_vapour_kpa(double temperature_c);

// c* (mmol/L): O2 in equilibrium with a gas of dry O2 fraction y_o2 at total pressure P and
// temperature T, saturated with water vapour: c* = H(T) y_o2 (P - p_w(T)), H(T) = H(298.15 K)
// exp(1700 K (1/T - 1/298.15 K)) (Sander 2015; literature_parameters.hpp). The gas in contact with
// the broth is taken at the inlet composition: the O2 depletion of the off-gas (a few % of y_o2 at
// the rates of the shipped scenarios) is neglected, so c* is slightly high.
double o2_saturation_mmol_per_l(double temperature_c, double pressure_kpa, double y_o2);

struct OxygenSupply {
  double dissolved_o2_mmol_per_l = 0.0;  // C_L when the cells take up O2 at uptake_bound
  double uptake_bound = 0.0;             // mmol/gDW/h: qmax C_L / (km + C_L)
};

// Quasi-steady dissolved O2: the liquid O2 balance dC_L/dt = kLa (c* - C_L) - q_O2 X relaxes with
// time constant 1 / (kLa + ...), seconds at kLa = 300 1/h, far shorter than the minutes of the
// integration step and the hours of growth, so dC_L/dt = 0: OTR = kLa (c* - C_L) = OUR = q_O2 X
// (Doran, Bioprocess Engineering Principles, 2nd ed. 2013, ch. 10, steady-state O2 transfer; the
// same kLa term as Mahadevan et al. 2002). With the Michaelis-Menten uptake at its bound,
// q_O2 = qmax C_L / (km + C_L), C_L solves kLa C_L + X qmax C_L / (km + C_L) = kLa c*. When the
// cells take up less (another limit is active), C_L is higher: dissolved_o2(), below.
OxygenSupply oxygen_supply(double kla_per_h, double c_star_mmol_per_l, double qmax, double km,
                           double biomass_gdw_per_l);

// C_L = c* - q_O2 X / kLa (>= 0) at the uptake the cells actually have (OTR = OUR).
double dissolved_o2(double kla_per_h, double c_star_mmol_per_l, double our_mmol_per_l_h);

}  // namespace minn::plant
