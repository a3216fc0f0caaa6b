// The outcome of a rate front-end computation (gas_rates.hpp, specific_rates.hpp,
// glucose_uptake.hpp, growth_rate.hpp): raw bioreactor signals in, rates for the model out.
// On any status other than ok a function leaves its outputs untouched: the caller keeps its last
// good value and decides whether to hold it or flag the output; the front end never invents a number
// and never divides by zero. A non-finite input wins over a range fault, as in check_inputs().
#pragma once
#include "minn/input_guard.hpp"

namespace minn {

enum class RateStatus : signed char {
  ok = 0,
  invalid_input = 1,  // an input is NaN or +-Inf
  out_of_range = 2,   // every input finite, but one is outside its physical domain (a volume, biomass
                      // or gas flow <= 0, a mole fraction outside [0, 1], too little inert gas, a
                      // negative feed), or the result would overflow float
  not_ready = 3,      // growth-rate filter: the window is not full yet or holds too few valid samples
};

// True when every value is finite (bit test, no libm). A fixed loop over the caller's inputs.
template <int N>
inline bool all_finite(const float (&v)[N]) {
  bool ok = true;
  for (int i = 0; i < N; ++i) ok = ok && is_finite(v[i]);
  return ok;
}

}  // namespace minn
