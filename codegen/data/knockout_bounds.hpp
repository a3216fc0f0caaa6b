// KOs_Vin.csv: per experiment, an upper bound on listed split-GEM reactions (1 = no bound,
// 0 = knocked out, upper bound 0); used by the variants that feed Vin per experiment.
#pragma once
#include <Eigen/Dense>
#include <string>
#include <vector>

#include "gem/gem.hpp"

namespace minn {

struct KnockoutBounds {
  std::vector<std::string> experiments;
  std::vector<std::string> reaction_ids;  // columns kept, in file order
  std::vector<int> reactions;             // index in the split GEM
  Eigen::MatrixXd upper_bounds;           // rows = experiments; +inf (from 1) or 0 (from 0)
  std::vector<std::string> absent_ids;    // columns skipped under AbsentReactions::Skip
};

// Error: a column naming a reaction absent from the GEM is an error (naming the column).
// Skip: such columns are left out and listed in absent_ids (e.g. R_GNK, R_PGMT_rev with
// e_coli_core, which has neither reaction).
enum class AbsentReactions { Error, Skip };

// When `experiments` is not empty the file must list exactly these, in this order.
KnockoutBounds load_knockout_bounds(const std::string& path, const Gem& split_gem,
                                    const std::vector<std::string>& experiments = {},
                                    AbsentReactions absent = AbsentReactions::Error);

}  // namespace minn
