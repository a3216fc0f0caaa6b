// Property (issue 18): the refinement with the automatic step never increases ||S V||, for random
// starting vectors with entries up to 1e4 in magnitude, on every GEM in models/gems and on every
// reduction minn makes of it (FVA, FBA and pFBA samples as `minnc reduce` and `minnc cv` build
// them), for the paper's K = 8 and beta = 0.9 and for other step counts and momenta. The starting
// vectors come in shapes that stress different terms: dense uniform, log-uniform magnitudes,
// sparse spikes, all positive, all negative (positivity term everywhere), with the bound term
// inactive (Vin = inf), active (5) and pinned at 0.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <filesystem>
#include <limits>
#include <string>
#include <vector>

#include "data/ishii_dataset.hpp"
#include "gem/gem.hpp"
#include "lp/dataset_reduction.hpp"
#include "lp/reduce.hpp"
#include "sbml/sbml_reader.hpp"
#include "train/mechanics.hpp"
#include "train/refinement.hpp"
#include "train/rng.hpp"
#include "train/step_size.hpp"

namespace minn::train {
namespace {

constexpr double kMaxMagnitude = 1e4;

// Pin: the measured uptakes (the model inputs), as training uses them.
Mechanics mechanics_of(const Gem& unsplit) {
  const Gem split = split_reversible(unsplit);
  std::vector<std::string> pin;
  for (const char* id : {"R_EX_glc__D_e_rev", "R_EX_o2_e_rev"})
    if (split.reaction_index(id) >= 0) pin.push_back(id);
  return Mechanics::from_gem(split, pin, {});
}

// One batch of starting vectors: `shape` picks the family, each column one draw.
Eigen::MatrixXd starting_vectors(int n, int shape, Rng& rng) {
  const int draws = 6;
  return Eigen::MatrixXd::NullaryExpr(n, draws, [&] {
    const double sign = rng.uniform() < 0.5 ? -1.0 : 1.0;
    switch (shape) {
      case 0: return rng.uniform(-kMaxMagnitude, kMaxMagnitude);
      case 1: return sign * std::pow(10.0, rng.uniform(-3.0, 4.0));
      case 2: return rng.uniform() < 0.02 ? sign * kMaxMagnitude : 0.0;
      case 3: return rng.uniform(0.0, kMaxMagnitude);
      default: return -rng.uniform(0.0, kMaxMagnitude);
    }
  });
}

void expect_no_growth(const Mechanics& mech, const std::string& label) {
  Rng rng(2024);
  for (const auto& [steps, beta] : std::vector<std::pair<int, double>>{{8, 0.9}, {1, 0.9}, {16, 0.9}, {8, 0.5}, {8, 0.0}}) {
    const HeavyBall hb{steps, choose_step_auto(mech, beta, steps).eta, beta};
    for (int shape = 0; shape < 5; ++shape) {
      const Eigen::MatrixXd V0 = starting_vectors(mech.n(), shape, rng);
      for (const double bound : {std::numeric_limits<double>::infinity(), 5.0, 0.0}) {
        const Eigen::MatrixXd vin = Eigen::MatrixXd::Constant(mech.n_in(), V0.cols(), bound);
        Eigen::MatrixXd V;
        Refiner refiner;
        refiner.forward(mech, hb, V0, vin, V, false);
        for (Eigen::Index b = 0; b < V0.cols(); ++b) {
          const double before = (mech.S() * V0.col(b)).norm(), after = (mech.S() * V.col(b)).norm();
          EXPECT_LE(after, before) << label << ": K " << steps << ", beta " << beta << ", shape " << shape
                                   << ", Vin " << bound << ", draw " << b;
        }
      }
    }
  }
}

// Every GEM that ships, and every reduction minn makes of it.
class RefinementProperty : public ::testing::TestWithParam<std::string> {};

TEST_P(RefinementProperty, AutoStepNeverIncreasesTheResidual) {
  const std::string path = GetParam();
  const Gem gem = read_sbml(path);
  const std::string data = std::string(MINN_MODELS_DIR) + "/ishii";
  expect_no_growth(mechanics_of(gem), gem.id);
  expect_no_growth(mechanics_of(fva_reduce(gem).reduced), gem.id + " FVA-reduced");
  // `minnc cv --reduce fba` (fewer samples than the default 2000: the property, not the size, is tested).
  DatasetReduction fba;
  fba.method = "fba";
  fba.solutions = 100;
  expect_no_growth(mechanics_of(reduce_for_dataset(gem, fba, data)), gem.id + " FBA-reduced");
  // `minnc reduce fba --pfba --keep-measured`.
  const IshiiInputs ishii = load_ishii_inputs(data);
  const std::pair<double, double> glucose = input_range(ishii, kGlucoseUptakeInput, data);
  FbaReduceOptions pfba;
  pfba.solutions = 100;
  pfba.parsimonious = true;
  pfba.glucose_uptake_min = glucose.first;
  pfba.glucose_uptake_max = glucose.second;
  pfba.keep = measured_reaction_ids(data, gem);
  expect_no_growth(mechanics_of(fba_reduce(gem, pfba).reduced), gem.id + " pFBA-reduced");
}

std::vector<std::string> shipped_gems() {
  std::vector<std::string> paths;
  for (const auto& entry : std::filesystem::directory_iterator(std::string(MINN_MODELS_DIR) + "/gems"))
    paths.push_back(entry.path().string());
  std::sort(paths.begin(), paths.end());
  return paths;
}

INSTANTIATE_TEST_SUITE_P(ShippedGems, RefinementProperty, ::testing::ValuesIn(shipped_gems()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                           std::string name = std::filesystem::path(info.param).filename().string();
                           name = name.substr(0, name.find('.'));
                           for (char& c : name)
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           return name;
                         });

}  // namespace
}  // namespace minn::train
