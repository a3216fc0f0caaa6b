// The pFBA sampler on e_coli_core: draws inside the ranges and fixed in the solutions, solutions at
// steady state, infeasible draws counted and bounded, one seed one CSV.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "common/error.hpp"
#include "ecoli_fixture.hpp"
#include "lp/fba.hpp"
#include "surrogate/flux_sampler.hpp"
#include "surrogate/samples_csv.hpp"

namespace minn::surrogate {
namespace {

FluxSamples sample(const std::string& spec, int samples, std::uint64_t seed, long long max_draws = 0,
                   Sampling mode = Sampling::fixed_rates) {
  const EcoliCore& e = ecoli_core();
  SamplerOptions o;
  o.sampling = mode;
  o.samples = samples;
  o.seed = seed;
  o.max_draws = max_draws;
  return sample_fluxes(e.unsplit, resolve_rates(spec, e.split, e.dataset, e.data_dir), o);
}

int row_of(const FluxSamples& s, const std::string& id) {
  for (std::size_t k = 0; k < s.reaction_ids.size(); ++k)
    if (s.reaction_ids[k] == id) return static_cast<int>(k);
  ADD_FAILURE() << "no reaction " << id;
  return 0;
}

TEST(FluxSampler, DrawsStayInTheirRangesAndAreTheSolutionsFluxes) {
  for (const char* spec : {"paper", "online"}) {
    const FluxSamples s = sample(spec, 60, 7);
    ASSERT_EQ(s.samples(), 60) << spec;
    ASSERT_EQ(s.fluxes.rows(), static_cast<Eigen::Index>(ecoli_core().split.reactions.size()));
    EXPECT_EQ(s.draws, 60 + s.infeasible) << spec;
    for (std::size_t i = 0; i < s.rates.size(); ++i) {
      const Rate& rate = s.rates[i];
      const int row = row_of(s, rate.id);
      for (int j = 0; j < s.samples(); ++j) {
        const double drawn = s.inputs(static_cast<Eigen::Index>(i), j);
        EXPECT_GE(drawn, rate.min) << spec << " " << rate.id;
        EXPECT_LE(drawn, rate.max) << spec << " " << rate.id;
        // Fixed as equality bounds: the solution carries exactly the drawn rate.
        EXPECT_NEAR(s.fluxes(row, j), drawn, 1e-9 * (1 + drawn)) << spec << " " << rate.id << " sample " << j;
      }
    }
  }
}

TEST(FluxSampler, SolutionsAreNonNegativeSteadyStates) {
  const FluxSamples s = sample("paper", 30, 3);
  const Gem& split = ecoli_core().split;
  const CsrMatrix S = split.stoichiometry();
  for (int j = 0; j < s.samples(); ++j) {
    double worst = 0;
    for (int r = 0; r < S.rows; ++r) {
      double balance = 0;
      for (int p = S.row_ptr[r]; p < S.row_ptr[r + 1]; ++p) balance += S.values[p] * s.fluxes(S.col_index[p], j);
      worst = std::max(worst, std::abs(balance));
    }
    EXPECT_LT(worst, 1e-6) << "sample " << j;
    EXPECT_GE(s.fluxes.col(j).minCoeff(), -1e-9) << "sample " << j;
  }
}

// Glucose fixed at 5 gives at most 30 mmol C/gDW/h, so any CO2 evolution above 30 has no steady
// state (glucose is the medium's only carbon source): those draws must be rejected and counted.
TEST(FluxSampler, InfeasibleDrawsAreRedrawnAndCounted) {
  const FluxSamples s = sample("R_EX_glc__D_e_rev=5:5,R_EX_co2_e_fwd=0:60", 40, 11);
  EXPECT_EQ(s.samples(), 40);
  EXPECT_GT(s.infeasible, 0);
  EXPECT_EQ(s.draws, 40 + s.infeasible);
  for (int j = 0; j < s.samples(); ++j) EXPECT_LE(s.inputs(1, j), 30.0 + 1e-9) << "sample " << j;
}

TEST(FluxSampler, GivesUpAfterMaxDrawsWithAClearError) {
  try {
    sample("R_EX_glc__D_e_rev=5:5,R_EX_co2_e_fwd=40:50", 3, 1, 25);
    FAIL() << "every draw is infeasible, yet sampling succeeded";
  } catch (const Error& error) {
    const std::string message = error.what();
    EXPECT_NE(message.find("only 0 feasible pFBA solutions in 25 draws (--max-draws; 25 infeasible)"),
              std::string::npos)
        << message;
  }
}

TEST(FluxSampler, RejectsBadCounts) {
  EXPECT_THROW(sample("paper", 0, 1), Error);
  EXPECT_THROW(sample("paper", 10, 1, 5), Error);   // fewer draws allowed than samples asked for
  EXPECT_THROW(sample("paper", 10, 1, -1), Error);
}

TEST(FluxSampler, SameSeedSameCsvBytesOtherSeedOtherBytes) {
  const std::string a = samples_csv(sample("paper", 25, 42));
  const std::string b = samples_csv(sample("paper", 25, 42));
  const std::string c = samples_csv(sample("paper", 25, 43));
  EXPECT_EQ(a, b);
  EXPECT_NE(a, c);
  EXPECT_EQ(a.rfind("sample,rate:R_EX_glc__D_e_rev,rate:R_EX_o2_e_rev,", 0), 0u) << a.substr(0, 200);
  EXPECT_EQ(std::count(a.begin(), a.end(), '\n'), 26);
}

constexpr const char* kOnlineWide = "R_EX_glc__D_e_rev=0.5:13,R_EX_o2_e_rev=0:20,R_EX_co2_e_fwd,R_BIOMASS_Ecoli_core_w_GAM";

// Growth-optimal samples, checked by plain FBA: capping glucose and O2 uptake at the recorded
// values must give back the recorded growth (the sample's solution is feasible there, so FBA can
// only do better if the sample was not optimal), and the recorded rates are the solution's fluxes.
TEST(FluxSampler, OptimalSamplesGrowAsFastAsTheirUptakesAllow) {
  const FluxSamples s = sample(kOnlineWide, 40, 5, 0, Sampling::growth_optimal);
  const Gem& unsplit = ecoli_core().unsplit;
  const int glc = unsplit.reaction_index("R_EX_glc__D_e"), o2 = unsplit.reaction_index("R_EX_o2_e");
  ASSERT_GE(glc, 0);
  ASSERT_GE(o2, 0);
  int oxygen_limited = 0;
  for (int j = 0; j < s.samples(); ++j) {
    const double q_glc = s.inputs(0, j), q_o2 = s.inputs(1, j), mu = s.inputs(3, j);
    EXPECT_GE(q_glc, 0.5 - 1e-9);
    EXPECT_LE(q_glc, 13 + 1e-9);
    for (std::size_t i = 0; i < s.rates.size(); ++i)
      EXPECT_NEAR(s.inputs(static_cast<Eigen::Index>(i), j), s.fluxes(row_of(s, s.rates[i].id), j), 1e-12)
          << s.rates[i].id << " sample " << j;
    const FbaSolution best = fba(unsplit, {{glc, -q_glc, 1000.0}, {o2, -q_o2, 1000.0}});
    EXPECT_NEAR(best.objective, mu, 1e-7 * (1 + mu)) << "sample " << j;
    oxygen_limited += s.fluxes(row_of(s, "R_EX_ac_e"), j) > 1e-6 ? 1 : 0;
  }
  // Both regimes a bioreactor shows: respiratory (no by-product) and O2-limited overflow (acetate).
  EXPECT_GT(oxygen_limited, 0);
  EXPECT_LT(oxygen_limited, s.samples());
}

TEST(FluxSampler, OptimalSamplingNeedsAnUptakeToDraw) {
  try {
    sample("R_EX_co2_e_fwd=1:5,R_BIOMASS_Ecoli_core_w_GAM=0.1:0.5", 5, 1, 0, Sampling::growth_optimal);
    FAIL() << "no uptake among the rates, yet optimal sampling succeeded";
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("--sampling optimal: none of the rates is an uptake"), std::string::npos)
        << error.what();
  }
  EXPECT_EQ(parse_sampling("optimal"), Sampling::growth_optimal);
  EXPECT_EQ(parse_sampling("fixed"), Sampling::fixed_rates);
  EXPECT_THROW(parse_sampling("uniform"), Error);
}

}  // namespace
}  // namespace minn::surrogate
