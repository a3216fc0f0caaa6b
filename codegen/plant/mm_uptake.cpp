#include "plant/mm_uptake.hpp"

#include <cmath>

namespace minn::plant {

double michaelis_menten(double qmax, double km, double concentration) {
  const double c = concentration > 0.0 ? concentration : 0.0;
  return qmax * c / (km + c);
}

double balanced_concentration(double a, double b, double source, double km) {
  if (!(source > 0.0)) return 0.0;
  const double p = a * km + b - source;           // c^2 coefficient a, linear p, constant -source km
  const double disc = std::sqrt(p * p + 4.0 * a * source * km);
  // Of (-p + disc) / (2a) and the equal 2 source km / (p + disc), take the form that adds terms
  // of one sign: the first when p <= 0, the second when p > 0.
  return p <= 0.0 ? (disc - p) / (2.0 * a) : 2.0 * source * km / (p + disc);
}

}  // namespace minn::plant
