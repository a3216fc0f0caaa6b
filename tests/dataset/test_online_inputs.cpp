// The online input set, the GPR knockout bounds and which measured fluxes are scored, on e_coli_core
// and the Ishii data in models/. Expected ids and values are written by hand from fluxomics.csv's
// header and REF row and from the e_coli_core GPRs, not computed by the code under test.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "data/genotype_knockouts.hpp"
#include "data/input_set.hpp"
#include "data/ishii_dataset.hpp"
#include "data/scored_fluxes.hpp"
#include "dataset_test_util.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn {
namespace {

using test::error_of;

const Gem& core() {
  static const Gem gem = split_reversible(read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz"));
  return gem;
}
const Dataset& ishii() {
  static const Dataset d = load_ishii(std::string(MINN_MODELS_DIR) + "/ishii", core());
  return d;
}

std::vector<std::string> ids_of(const Dataset& d, const std::vector<int>& rows) {
  std::vector<std::string> ids;
  for (int r : rows) ids.push_back(d.target_ids[static_cast<std::size_t>(r)]);
  return ids;
}

bool contains(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

TEST(ScoredFluxes, IntracellularAreTheMeasuredFluxesWithoutExchangesAndBiomass) {
  // fluxomics.csv columns 2-38 (R_GLCptspp .. R_ALCD2x) in the split convention of the ids note;
  // columns 39-48 are the ten R_EX_* and biomass fluxes.
  const std::vector<std::string> expected = {
      "R_GLCpts",     "R_PGI_fwd",    "R_PFK",        "R_FBA_fwd",    "R_TPI_fwd",     "R_PGK_rev",
      "R_GAPD_fwd",   "R_ENO_fwd",    "R_PGM_rev",    "R_PYK",        "R_PDH",         "R_G6PDH2r_fwd",
      "R_PGL",        "R_GND",        "R_RPE_fwd",    "R_RPI_rev",    "R_TKT1_fwd",    "R_TALA_fwd",
      "R_TKT2_fwd",   "R_CS",         "R_ACONTb_fwd", "R_ACONTa_fwd", "R_ICDHyr_fwd",  "R_SUCOAS_rev",
      "R_AKGDH",      "R_SUCDi",      "R_FUM_fwd",    "R_MDH_fwd",    "R_PPC",         "R_ME2",
      "R_ICL",        "R_MALS",       "R_ACKr_rev",   "R_PTAr_fwd",   "R_LDH_D_rev",   "R_ACALD_rev",
      "R_ALCD2x_rev"};
  ASSERT_EQ(expected.size(), 37u);
  EXPECT_EQ(ids_of(ishii(), intracellular_rows(ishii(), core())), expected);
  // The same 37 with online inputs (none of them is an input).
  const Dataset online = with_online_inputs(ishii(), core(), nullptr);
  EXPECT_EQ(ids_of(online, intracellular_rows(online, core())), expected);
}

TEST(ScoredFluxes, AnotherCountOfIntracellularFluxesFailsLoudly) {
  Dataset d;
  d.target_ids = {"R_A", "R_EX_b_e", "R_BIO"};
  d.target_reactions = {0, 1, 2};
  const Gem gem = test::gem_with({"R_A", "R_EX_b_e", "R_BIO"}, "R_BIO");
  EXPECT_EQ(error_of([&] { intracellular_rows(d, gem); }),
            "the dataset has 1 intracellular measured fluxes, expected 37 (the 3 measured minus the exchange and "
            "biomass fluxes: R_EX_b_e, R_BIO)");
}

TEST(OnlineInputs, AreExactlyTheFourOnlineRates) {
  const Dataset online = with_online_inputs(ishii(), core(), nullptr);
  EXPECT_EQ(online.input_names, (std::vector<std::string>{"R_EX_glc__D_e_rev", "R_EX_o2_e_rev", "R_EX_co2_e_fwd",
                                                          "R_BIOMASS_Ecoli_core_w_GAM"}));
  EXPECT_EQ(online.input_units, (std::vector<std::string>{"mmol/gDW/h", "mmol/gDW/h", "mmol/gDW/h", "1/h"}));
  ASSERT_EQ(online.inputs.rows(), 29);
  ASSERT_EQ(online.inputs.cols(), 4);
  // fluxomics.csv, row REF: R_EX_glc_e_ -2.93, R_EX_o2_e_ -5.79, R_EX_co2_e_ 4.11, biomass 0.2.
  EXPECT_EQ(online.inputs(0, 0), 2.93);
  EXPECT_EQ(online.inputs(0, 1), 5.79);
  EXPECT_EQ(online.inputs(0, 2), 4.11);
  EXPECT_EQ(online.inputs(0, 3), 0.2);
  EXPECT_EQ(online.targets, ishii().targets);  // targets unchanged
}

TEST(OnlineInputs, GenotypeIndicatorsFollowTheRatesAndMarkTheKnockout) {
  const ModelInputs m = model_inputs(ishii(), core(), InputSet::Online, true);
  const std::vector<std::string>& names = m.dataset.input_names;
  ASSERT_GT(names.size(), 4u);
  EXPECT_EQ(names[3], "R_BIOMASS_Ecoli_core_w_GAM");
  // e_coli_core's single-gene reactions among the Ishii knockouts: pgi, zwf, pgl, gnd, ppsA.
  std::vector<std::string> indicators(names.begin() + 4, names.end());
  std::sort(indicators.begin(), indicators.end());
  EXPECT_EQ(indicators, (std::vector<std::string>{"ko_R_G6PDH2r", "ko_R_GND", "ko_R_PGI", "ko_R_PGL", "ko_R_PPS"}));
  const Eigen::Index pgi_row = 8, pgi_column = 4 + (std::find(names.begin() + 4, names.end(), "ko_R_PGI") - (names.begin() + 4));
  ASSERT_EQ(m.dataset.experiments[pgi_row], "pgi");
  for (Eigen::Index c = 4; c < m.dataset.inputs.cols(); ++c) {
    EXPECT_EQ(m.dataset.inputs(pgi_row, c), c == pgi_column ? 1.0 : 0.0) << names[static_cast<std::size_t>(c)];
    EXPECT_EQ(m.dataset.inputs(0, c), 0.0);  // REF
  }
  EXPECT_EQ(error_of([&] { model_inputs(ishii(), core(), InputSet::Omics, true); }),
            "--genotype-input needs --inputs online (omics models take no genotype)");
  EXPECT_EQ(error_of([&] { parse_input_set("offline"); }), "--inputs 'offline': expected omics or online");
}

TEST(OnlineInputs, NoInputIsEverAMetricRow) {
  const std::vector<std::string> omics = ids_of(ishii(), metric_rows(ishii()));
  EXPECT_EQ(omics.size(), 45u);
  EXPECT_FALSE(contains(omics, "R_EX_glc__D_e_rev"));
  EXPECT_FALSE(contains(omics, "R_EX_o2_e_rev"));
  for (bool genotype : {false, true}) {
    const Dataset online = model_inputs(ishii(), core(), InputSet::Online, genotype).dataset;
    const std::vector<std::string> scored = ids_of(online, metric_rows(online));
    EXPECT_EQ(scored.size(), 43u);
    for (const std::string& input : online.input_names) EXPECT_FALSE(contains(scored, input)) << input;
    EXPECT_TRUE(contains(scored, "R_EX_ac_e"));  // a secretion that is not an input stays scored
  }
}

TEST(GenotypeKnockouts, ZeroTheUpperBoundsOfTheGprDisabledReactions) {
  const GenotypeKnockouts ko = genotype_knockouts(core(), ishii().experiments);
  // e_coli_core GPRs: PGI <- b4025 (pgi), G6PDH2r <- b1852 (zwf), PGL <- b0767 (pgl), GND <- b2029
  // (gnd), PPS <- b1702 (ppsA); the other knockouts are isozymes or genes absent from the model.
  std::vector<std::string> ids = ko.reaction_ids;
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"R_G6PDH2r_fwd", "R_G6PDH2r_rev", "R_GND", "R_PGI_fwd", "R_PGI_rev",
                                           "R_PGL", "R_PPS"}));
  const auto bound = [&](const std::string& experiment, const std::string& reaction) {
    const auto e = std::find(ishii().experiments.begin(), ishii().experiments.end(), experiment) -
                   ishii().experiments.begin();
    const auto k = std::find(ko.reaction_ids.begin(), ko.reaction_ids.end(), reaction) - ko.reaction_ids.begin();
    return ko.upper_bounds(e, k);
  };
  EXPECT_EQ(bound("pgi", "R_PGI_fwd"), 0.0);
  EXPECT_EQ(bound("pgi", "R_PGI_rev"), 0.0);
  EXPECT_EQ(bound("pgi", "R_PGL"), INFINITY);
  EXPECT_EQ(bound("zwf", "R_G6PDH2r_fwd"), 0.0);
  EXPECT_EQ(bound("zwf", "R_PGI_fwd"), INFINITY);
  EXPECT_EQ(bound("REF", "R_PGI_fwd"), INFINITY);
  // Seven zeros, one per disabled reaction: pgi 2, zwf 2, pgl 1, gnd 1, ppsA 1.
  EXPECT_EQ((ko.upper_bounds.array() == 0.0).count(), 7);
  EXPECT_TRUE(contains(ko.absent, "gapC"));
  EXPECT_TRUE(contains(ko.no_effect, "pykF"));
}

TEST(GenotypeKnockouts, AppendedAsPinRowsWithTheirBounds) {
  const GenotypeKnockouts ko = genotype_knockouts(core(), ishii().experiments);
  std::vector<int> pin = {5};
  Eigen::MatrixXd vin = Eigen::MatrixXd::Constant(1, 29, INFINITY);
  append_knockout_rows(ko, pin, vin);
  ASSERT_EQ(pin.size(), 8u);
  ASSERT_EQ(vin.rows(), 8);
  EXPECT_EQ(pin[0], 5);
  for (std::size_t k = 0; k < ko.reactions.size(); ++k) {
    EXPECT_EQ(pin[k + 1], ko.reactions[k]);
    EXPECT_EQ(vin.row(static_cast<Eigen::Index>(k + 1)), ko.upper_bounds.col(static_cast<Eigen::Index>(k)).transpose());
  }
}

}  // namespace
}  // namespace minn
