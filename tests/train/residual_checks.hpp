// The no-divergence property of the auto step, shared by the tests on full and reduced GEMs:
// for random V0 with |V0| <= 1000, K = 8 heavy-ball steps never increase ||S V||.
#pragma once
#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "train/refinement.hpp"
#include "train/rng.hpp"
#include "train/step_size.hpp"

namespace minn::train::testing {

inline void expect_no_growth(const Mechanics& mech, const std::string& label, std::uint64_t seed) {
  const StepChoice step = choose_step_auto(mech, 0.9, 8);
  const HeavyBall hb{8, step.eta, 0.9};
  Rng rng(seed);
  const int draws = 20;
  const Eigen::MatrixXd V0 = Eigen::MatrixXd::NullaryExpr(mech.n(), draws, [&] { return rng.uniform(-1000.0, 1000.0); });
  Eigen::MatrixXd vin = Eigen::MatrixXd::Constant(1, draws, std::numeric_limits<double>::infinity());
  for (Eigen::Index b = 0; b < draws; b += 2) vin(0, b) = 5.0;  // an active bound in half the draws
  Eigen::MatrixXd V;
  Refiner refiner;
  refiner.forward(mech, hb, V0, vin, V, false);
  for (Eigen::Index b = 0; b < draws; ++b)
    EXPECT_LE((mech.S() * V.col(b)).norm(), (mech.S() * V0.col(b)).norm()) << label << " draw " << b;
  // The refinement does reduce the residual (it is not a no-op).
  EXPECT_LT((mech.S() * V).norm(), 0.9 * (mech.S() * V0).norm()) << label;
}

}  // namespace minn::train::testing
