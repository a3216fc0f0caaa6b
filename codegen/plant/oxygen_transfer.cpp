#include "plant/oxygen_transfer.hpp"

#include <algorithm>
#include <cmath>

#include "plant/literature_parameters.hpp"
#include "plant/mm_uptake.hpp"

namespace minn::plant {
namespace {
constexpr double kKelvinAt0C = 273.15;
constexpr double kReferenceK = 298.15;
constexpr double kPaPerKpa = 1000.0;
constexpr double kMmolPerLPerMolPerM3 = 1.0;  // 1 mol/m3 = 1 mmol/L
}  // namespace

double water_vapour_kpa(double t) {
  return kBuckA * std::exp((kBuckB - t / kBuckC) * (t / (kBuckD + t)));
}

double o2_saturation_mmol_per_l(double temperature_c, double pressure_kpa, double y_o2) {
  const double t_k = temperature_c + kKelvinAt0C;
  const double henry = kHenryO2At298MolPerM3Pa * std::exp(kHenryO2VantHoffK * (1.0 / t_k - 1.0 / kReferenceK));
  const double dry_kpa = std::max(pressure_kpa - water_vapour_kpa(temperature_c), 0.0);
  return henry * y_o2 * dry_kpa * kPaPerKpa * kMmolPerLPerMolPerM3;
}

OxygenSupply oxygen_supply(double kla, double c_star, double qmax, double km, double biomass) {
  OxygenSupply s;
  s.dissolved_o2_mmol_per_l = balanced_concentration(kla, std::max(biomass, 0.0) * qmax, kla * c_star, km);
  s.uptake_bound = michaelis_menten(qmax, km, s.dissolved_o2_mmol_per_l);
  return s;
}

double dissolved_o2(double kla, double c_star, double our) {
  return std::max(c_star - our / kla, 0.0);
}

}  // namespace minn::plant
