// Default plant parameters, each from the literature. A scenario may override every one of them
// (codegen/plant/README.md); the ATP maintenance requirement is not here: it is in the GEM (R_ATPM's
// lower bound, 8.39 mmol/gDW/h in e_coli_core and iAF1260).
#pragma once

namespace minn::plant {

// Glucose uptake of E. coli through the PTS, Michaelis-Menten q = qmax S / (Km + S):
// qmax 10.5 mmol/gDW/h, measured for E. coli W3110 (Varma & Palsson, Appl. Environ. Microbiol.
// 60:3724-3731, 1994); Km 0.015 mmol/L, the saturation constant of the dynamic FBA of Mahadevan,
// Edwards & Doyle (Biophys. J. 83:1331-1340, 2002; also Hanly & Henson, Biotechnol. Bioeng.
// 108:376-385, 2011: 0.0027 g/L).
inline constexpr double kGlucoseQmax = 10.5;  // mmol/gDW/h
inline constexpr double kGlucoseKm = 0.015;   // mmol/L

// Oxygen uptake, Michaelis-Menten in the dissolved O2: qmax 15 mmol/gDW/h (Varma & Palsson 1994,
// measured maximum O2 utilisation rate; the same bound in Mahadevan et al. 2002); Ko 0.024 mmol/L
// (Hanly & Henson 2011, E. coli uptake kinetics of their dynamic FBA).
inline constexpr double kOxygenQmax = 15.0;   // mmol/gDW/h
inline constexpr double kOxygenKm = 0.024;    // mmol/L

// Volumetric O2 transfer coefficient kLa: a well-aerated laboratory stirred tank at about 1 vvm;
// values reported for stirred tanks span roughly 10 to over 1000 1/h with power input and gas flow
// (Garcia-Ochoa & Gomez, Biotechnol. Adv. 27:153-176, 2009, review of kLa in bioreactors).
// Mahadevan et al. 2002 used 7.5 1/h for a poorly aerated batch.
inline constexpr double kKlaPerH = 300.0;

// Aeration: 1 NL/min for a 1 L working volume (1 vvm, a common laboratory setting; a property of
// the rig, not of the cells, and the kLa above is taken as given at it), dry air at the inlet:
// O2 0.2095 and CO2 0.0004 mol/mol (US Standard Atmosphere 1976 for O2; ~400 ppm CO2 today).
inline constexpr double kGasInNlPerMin = 1.0;
inline constexpr double kAirO2Fraction = 0.2095;
inline constexpr double kAirCo2Fraction = 0.0004;

// Culture temperature of E. coli and atmospheric pressure at the sparger (head pressure neglected).
inline constexpr double kTemperatureC = 37.0;
inline constexpr double kPressureKpa = 101.325;

// O2 solubility by Henry's law, c* = H(T) p_O2 with H(298.15 K) = 1.3e-5 mol/(m3 Pa) and the van 't
// Hoff temperature dependence d ln H / d(1/T) = 1700 K (Sander, Atmos. Chem. Phys. 15:4399-4981,
// 2015, compilation of Henry's law constants for water as solvent). At 37 degC under humidified air
// at 1 atm this gives 0.205 mmol/L, within 3 % of the 0.21 mmol/L Mahadevan et al. 2002 used; the
// salting-out of a mineral medium (a few %) is neglected.
inline constexpr double kHenryO2At298MolPerM3Pa = 1.3e-5;
inline constexpr double kHenryO2VantHoffK = 1700.0;

// The sparged gas leaves the broth saturated with water vapour, which dilutes O2: p_O2 =
// y_O2,dry (P - p_w). Saturation vapour pressure of water by the Buck equation (Buck, J. Appl.
// Meteorol. 20:1527-1532, 1981), p_w = 0.61121 exp((18.678 - T/234.5) T / (257.14 + T)) kPa, T in
// degC: 6.28 kPa at 37 degC.
inline constexpr double kBuckA = 0.61121, kBuckB = 18.678, kBuckC = 234.5, kBuckD = 257.14;

}  // namespace minn::plant
