// The reduced GEMs the evaluations use, built from a dataset: `none` keeps the GEM, `fva` removes the
// reactions FVA proves blocked, `fba` keeps the reactions used by pFBA samples with random gene
// knockouts and glucose uptakes drawn in the dataset's measured range, plus every measured reaction
// (lp/reduce.hpp). One place for these settings, so that every command reducing "as minnc cv does"
// evaluates the same GEM.
#pragma once
#include <cstdint>
#include <string>

#include "gem/gem.hpp"

namespace minn {

struct DatasetReduction {
  std::string method = "none";  // none | fva | fba
  int solutions = 2000;         // fba: pFBA samples (the paper's 2000)
  std::uint64_t seed = 1;       // fba: the sampler's own seed
};

// Throws minn::Error naming --reduce for an unknown method. The result keeps the input's
// source_sha256, so models record the GEM file they came from.
Gem reduce_for_dataset(const Gem& unsplit, const DatasetReduction& reduction, const std::string& data_dir);

}  // namespace minn
