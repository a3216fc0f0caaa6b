// Knockouts on the controller. A controller knows the strain it grows; an online model takes the
// genotype as 0/1 inputs (1 = the strain lacks a gene that the reactions of some Pin rows need, see
// codegen/data/genotype_knockouts.hpp). Each such row's upper bound in the refinement becomes 0, so
// the knocked-out fluxes end at zero as they do in training (codegen/train/closed_rows.hpp).
#pragma once

namespace minn {

// vin[k] = 0 when Pin row k has a switch input (switch_input[k] >= 0) whose raw value is >= 0.5,
// else default_vin[k]. The inputs are finite here (check_inputs ran first); a value between 0 and
// 1 is read by the 0.5 threshold. One fixed loop, no early exit, no libm.
template <typename SwitchIndex>
inline void knockout_bounds(const float* in, const SwitchIndex* switch_input, const float* default_vin, int n_pin,
                            float* vin) {
  for (int k = 0; k < n_pin; ++k) {
    const int s = static_cast<int>(switch_input[k]);
    vin[k] = (s >= 0 && in[s] >= 0.5f) ? 0.0f : default_vin[k];
  }
}

// After the refinement, the flux of each Pin row with Vin = 0 is set to exactly 0: the
// refinement's Pin term only pulls a flux towards its bound, and a knocked-out reaction carries no
// flux (split fluxes are >= 0). Rows with Vin > 0 or +inf keep the refinement's soft bound, as in
// training (codegen/train/closed_rows.hpp). A plain comparison: the same bits everywhere.
template <typename PinIndex>
inline void zero_closed_rows(const PinIndex* pin, const float* vin, int n_pin, float* v) {
  for (int k = 0; k < n_pin; ++k) {
    if (vin[k] == 0.0f) v[static_cast<int>(pin[k])] = 0.0f;
  }
}

}  // namespace minn
