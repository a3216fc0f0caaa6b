#include "lp/dataset_reduction.hpp"

#include <tuple>

#include "common/error.hpp"
#include "data/ishii_dataset.hpp"
#include "lp/reduce.hpp"

namespace minn {

Gem reduce_for_dataset(const Gem& unsplit, const DatasetReduction& reduction, const std::string& data_dir) {
  if (reduction.method == "none") return unsplit;
  Gem reduced;
  if (reduction.method == "fva") {
    reduced = fva_reduce(unsplit).reduced;
  } else if (reduction.method == "fba") {
    FbaReduceOptions o;
    o.solutions = reduction.solutions;
    o.seed = reduction.seed;
    o.parsimonious = true;  // plain FBA vertices route flux through loops (lp/reduce.hpp)
    std::tie(o.glucose_uptake_min, o.glucose_uptake_max) =
        input_range(load_ishii_inputs(data_dir), kGlucoseUptakeInput, data_dir);
    o.keep = measured_reaction_ids(data_dir, unsplit);
    reduced = fba_reduce(unsplit, o).reduced;
  } else {
    throw Error("--reduce '" + reduction.method + "': expected none, fva or fba");
  }
  reduced.source_sha256 = unsplit.source_sha256;
  return reduced;
}

}  // namespace minn
