// e_coli_core with its default (BiGG) bounds against COBRApy 0.26.2 + GLPK, to 1e-6.
// Reference numbers: tests/lp/reference/*.csv, written once by make_reference.py (see its header).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <string>

#include "lp/fba.hpp"
#include "lp/fva.hpp"
#include "lp/knockout.hpp"
#include "reference_csv.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn {
namespace {

const Gem& core() {
  static const Gem gem = read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz");
  return gem;
}

constexpr double kTol = 1e-6;

TEST(EColiCoreVsCobrapy, FbaObjective) {
  const double expected = test::reference_value("e_coli_core", "fba_objective");
  EXPECT_NEAR(expected, 0.873921507, 1e-9);  // the number, same source
  EXPECT_NEAR(fba(core()).objective, expected, kTol);
}

TEST(EColiCoreVsCobrapy, PfbaTotalFlux) {
  for (const char* f : {"1", "0.9"}) {
    const PfbaSolution s = pfba(core(), std::stod(f));
    EXPECT_NEAR(s.total_flux,
                test::reference_value("e_coli_core", std::string("pfba_total_flux_fraction_") + f), kTol)
        << "fraction " << f;
    EXPECT_NEAR(s.objective,
                test::reference_value("e_coli_core", std::string("pfba_biomass_fraction_") + f), kTol)
        << "fraction " << f;
  }
}

TEST(EColiCoreVsCobrapy, FvaEveryReactionAtFractions0And09And1) {
  const auto rows = test::read_reference_csv("e_coli_core_fva.csv");
  ASSERT_EQ(rows.size(), core().reactions.size());
  for (const char* f : {"0", "0.9", "1"}) {
    FvaOptions o;
    o.fraction_of_optimum = std::stod(f);
    const FvaResult r = fva(core(), o);
    for (std::size_t k = 0; k < rows.size(); ++k) {
      const std::string& id = rows[k].at("reaction");
      ASSERT_EQ(core().reactions[r.reactions[k]].id, id);
      EXPECT_NEAR(r.minimum[k], std::stod(rows[k].at(std::string("min_f") + f)), kTol) << id << " f=" << f;
      EXPECT_NEAR(r.maximum[k], std::stod(rows[k].at(std::string("max_f") + f)), kTol) << id << " f=" << f;
    }
  }
}

TEST(EColiCoreVsCobrapy, FvaSameWithOneOrTwoThreads) {
  FvaOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const FvaResult a = fva(core(), one), b = fva(core(), two);
  EXPECT_EQ(a.minimum, b.minimum);  // bitwise: the halves are fixed, whatever the core count
  EXPECT_EQ(a.maximum, b.maximum);
}

TEST(EColiCoreVsCobrapy, SingleGeneDeletions) {
  const auto rows = test::read_reference_csv("e_coli_core_single_gene_deletion.csv");
  std::map<std::string, double> expected;
  for (const auto& row : rows) expected[row.at("gene")] = std::stod(row.at("growth"));
  const auto deletions = single_gene_deletions(core());
  ASSERT_EQ(deletions.size(), expected.size());
  for (const GeneDeletion& d : deletions) {
    auto it = expected.find(d.gene);
    if (it == expected.end()) it = expected.find("G_" + d.gene);  // whichever id form the reader keeps
    ASSERT_NE(it, expected.end()) << d.gene;
    EXPECT_NEAR(d.growth, it->second, kTol) << d.gene;
  }
}

}  // namespace
}  // namespace minn
