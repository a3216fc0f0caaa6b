// The refinement's two products written out as C++ over constant indices: S V one expression per
// metabolite, S^T (S V) one expression per reaction feeding minn::heavy_ball_update. The sums and
// their order are those of minn::CsrProducts on the lowered CSR tables (lib/minn/refine.hpp), so
// the host reference and the generated code give the same bits; on a Cortex-M4F each +-1
// coefficient costs one load and one add, no index or coefficient load, no loop.
#pragma once
#include <string>

#include "emit/lowered_model.hpp"

namespace minn::emit {

// `struct Stoichiometry { static void s_times(...); static void update(...); };`
// metabolite_ids: one per row of S (comments), or empty.
std::string stoichiometry_source(const LoweredModel& model,
                                 const std::vector<std::string>& metabolite_ids);

// The same for the int32 refinement of q15/q7 (`struct FixedStoichiometry`): integer coefficients
// inline, others through minn::fx::coef_times with their Q12 value.
std::string fixed_stoichiometry_source(const LoweredModel& model,
                                       const std::vector<std::string>& metabolite_ids);

}  // namespace minn::emit
