// --rates resolved against e_coli_core: the named sets, their measured ranges (the min/max of the
// fluxomics.csv columns, read off the file), explicit ranges, and every error naming what is wrong.
#include <gtest/gtest.h>

#include "common/error.hpp"
#include "ecoli_fixture.hpp"
#include "surrogate/rate_set.hpp"

namespace minn::surrogate {
namespace {

std::vector<Rate> resolve(const std::string& spec) {
  const EcoliCore& e = ecoli_core();
  return resolve_rates(spec, e.split, e.dataset, e.data_dir);
}

// The message of the minn::Error that resolving `spec` throws ("" when it does not throw).
std::string error_of(const std::string& spec) {
  try {
    resolve(spec);
  } catch (const Error& error) {
    return error.what();
  }
  return "";
}

TEST(RateSet, PaperSetIsTheFiveExchangesWithTheirMeasuredRanges) {
  const std::vector<Rate> rates = resolve("paper");
  ASSERT_EQ(rates.size(), 5u);
  const struct {
    const char* id;
    double min, max;
  } expected[] = {{"R_EX_glc__D_e_rev", 1.34, 13.34}, {"R_EX_o2_e_rev", 2.2, 15.53}, {"R_EX_co2_e_fwd", 0.31, 10.83},
                  {"R_EX_etoh_e", 0.0, 0.15},         {"R_EX_ac_e", 0.0, 1.93}};
  for (std::size_t i = 0; i < rates.size(); ++i) {
    EXPECT_EQ(rates[i].id, expected[i].id);
    EXPECT_DOUBLE_EQ(rates[i].min, expected[i].min) << rates[i].id;
    EXPECT_DOUBLE_EQ(rates[i].max, expected[i].max) << rates[i].id;
    EXPECT_EQ(rates[i].unit, "mmol/gDW/h");
    EXPECT_TRUE(rates[i].measured);
  }
}

TEST(RateSet, OnlineSetEndsWithTheGrowthRateInPerHour) {
  const std::vector<Rate> rates = resolve("online");
  ASSERT_EQ(rates.size(), 4u);
  EXPECT_EQ(rates[0].id, "R_EX_glc__D_e_rev");
  EXPECT_EQ(rates[1].id, "R_EX_o2_e_rev");
  EXPECT_EQ(rates[2].id, "R_EX_co2_e_fwd");
  EXPECT_EQ(rates[3].id, "R_BIOMASS_Ecoli_core_w_GAM");
  EXPECT_EQ(rates[3].unit, "1/h");
  EXPECT_DOUBLE_EQ(rates[3].min, 0.1);
  EXPECT_DOUBLE_EQ(rates[3].max, 0.7);
}

TEST(RateSet, ListMixesMeasuredAndGivenRanges) {
  const std::vector<Rate> rates = resolve("R_EX_o2_e_rev,R_EX_for_e=0.5:2");
  ASSERT_EQ(rates.size(), 2u);
  EXPECT_DOUBLE_EQ(rates[0].max, 15.53);
  EXPECT_EQ(rates[1].id, "R_EX_for_e");
  EXPECT_FALSE(rates[1].measured);
  EXPECT_DOUBLE_EQ(rates[1].min, 0.5);
  EXPECT_DOUBLE_EQ(rates[1].max, 2.0);
}

TEST(RateSet, ErrorsNameTheOptionTheIdAndWhatWasExpected) {
  EXPECT_NE(error_of("R_EX_glc__D_e_rev,R_NOPE").find("--rates: 'R_NOPE' is not a reaction of the split GEM"),
            std::string::npos);
  // An unsplit reversible id: the message names both halves.
  EXPECT_NE(error_of("R_EX_o2_e").find("R_EX_o2_e_fwd or R_EX_o2_e_rev"), std::string::npos);
  EXPECT_NE(error_of("R_EX_ac_e,R_EX_ac_e").find("'R_EX_ac_e' is listed twice"), std::string::npos);
  // Not measured by the dataset and no range given.
  const std::string unmeasured = error_of("R_EX_fru_e");
  EXPECT_NE(unmeasured.find("'R_EX_fru_e' is not measured"), std::string::npos) << unmeasured;
  EXPECT_NE(unmeasured.find("R_EX_fru_e=MIN:MAX"), std::string::npos) << unmeasured;
  EXPECT_NE(error_of("R_EX_fru_e=1").find("expected ID=MIN:MAX"), std::string::npos);
  EXPECT_NE(error_of("R_EX_fru_e=a:2").find("'a' is not a finite number"), std::string::npos);
  EXPECT_NE(error_of("R_EX_fru_e=2:1").find("expected 0 <= MIN <= MAX"), std::string::npos);
  EXPECT_NE(error_of("R_EX_fru_e=-1:1").find("expected 0 <= MIN <= MAX"), std::string::npos);
  EXPECT_NE(error_of("R_EX_ac_e,,R_EX_o2_e_rev").find("empty reaction id"), std::string::npos);
  EXPECT_NE(error_of("").find("empty reaction id"), std::string::npos);
}

}  // namespace
}  // namespace minn::surrogate
