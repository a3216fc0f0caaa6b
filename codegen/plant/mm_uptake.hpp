// Michaelis-Menten uptake and the concentration at which a well-mixed species balances against it.
#pragma once

namespace minn::plant {

// q = qmax c / (km + c) (Michaelis & Menten 1913; as the uptake bound of dynamic FBA: Mahadevan,
// Edwards & Doyle, Biophys. J. 83:1331-1340, 2002). c < 0 is treated as 0.
double michaelis_menten(double qmax, double km, double concentration);

// The concentration c >= 0 at which a linear sink, a Michaelis-Menten sink and a source balance:
//   a c + b c / (km + c) = source,   a > 0, b >= 0, km > 0, source >= 0.
// Two balances of the plant take this form (both derived in plant.cpp):
//  - glucose over one backward-Euler step of length dt, c = S(t + dt):
//      a = V(t + dt) + dt F_out,  b = dt X V qmax,  source = V S(t) + dt F S_f;
//  - dissolved O2 at quasi-steady state, OTR = OUR:
//      a = kLa,  b = X qmax_O2,  source = kLa c*.
// Multiplying by (km + c) gives a c^2 + (a km + b - source) c - source km = 0, whose product of
// roots is -source km / a <= 0: exactly one root is >= 0. It is evaluated without cancellation
// (Press et al., Numerical Recipes, 3rd ed., Cambridge 2007, section 5.6, quadratic equations).
double balanced_concentration(double a, double b, double source, double km);

}  // namespace minn::plant
