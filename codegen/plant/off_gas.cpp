#include "plant/off_gas.hpp"

#include <string>

#include "common/error.hpp"
#include "minn/gas_rates.hpp"

namespace minn::plant {

OffGas off_gas(double our, double cer, double volume_l, double gas_in_nl_per_min, double o2_in,
               double co2_in) {
  const double mol_in_per_h = gas_in_nl_per_min * 60.0 / static_cast<double>(kNormalMolarVolumeLPerMol);
  const double o2_mol = mol_in_per_h * o2_in - our * volume_l / 1000.0;
  const double co2_mol = mol_in_per_h * co2_in + cer * volume_l / 1000.0;
  const double inert_mol = mol_in_per_h * (1.0 - o2_in - co2_in);
  if (o2_mol < 0.0 || co2_mol < 0.0) {
    throw Error("plant: off-gas: OUR " + std::to_string(our) + " and CER " + std::to_string(cer) +
                " mmol/L/h in " + std::to_string(volume_l) + " L exceed what " +
                std::to_string(gas_in_nl_per_min) + " NL/min of gas can carry");
  }
  const double out_mol = inert_mol + o2_mol + co2_mol;
  return {o2_mol / out_mol, co2_mol / out_mol};
}

}  // namespace minn::plant
