// write_sbml -> read_sbml gives the same model: S (same nonzeros), bounds, objective, GPRs.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <string>

#include "common/error.hpp"
#include "gem/gem.hpp"
#include "sbml/sbml_reader.hpp"
#include "sbml/sbml_writer.hpp"

namespace {

std::string temp_path(const std::string& name) {
  return testing::TempDir() + "minn_round_trip_" + name;
}

void expect_same_model(const minn::Gem& a, const minn::Gem& b) {
  EXPECT_EQ(a.id, b.id);
  ASSERT_EQ(a.reactions.size(), b.reactions.size());
  ASSERT_EQ(a.metabolites.size(), b.metabolites.size());
  ASSERT_EQ(a.genes.size(), b.genes.size());
  EXPECT_EQ(a.objective_maximize, b.objective_maximize);
  for (std::size_t i = 0; i < a.metabolites.size(); ++i) {
    EXPECT_EQ(a.metabolites[i].id, b.metabolites[i].id);
    EXPECT_EQ(a.metabolites[i].name, b.metabolites[i].name);
    EXPECT_EQ(a.metabolites[i].compartment, b.metabolites[i].compartment);
    EXPECT_EQ(a.metabolites[i].formula, b.metabolites[i].formula);
    EXPECT_EQ(a.metabolites[i].charge, b.metabolites[i].charge);
  }
  for (std::size_t i = 0; i < a.genes.size(); ++i) {
    EXPECT_EQ(a.genes[i].id, b.genes[i].id);
    EXPECT_EQ(a.genes[i].name, b.genes[i].name);
  }
  for (std::size_t i = 0; i < a.reactions.size(); ++i) {
    const minn::Reaction& x = a.reactions[i];
    const minn::Reaction& y = b.reactions[i];
    EXPECT_EQ(x.id, y.id);
    EXPECT_EQ(x.name, y.name);
    EXPECT_EQ(x.reversible, y.reversible) << x.id;
    EXPECT_EQ(x.lower_bound, y.lower_bound) << x.id;
    EXPECT_EQ(x.upper_bound, y.upper_bound) << x.id;
    EXPECT_EQ(x.objective_coefficient, y.objective_coefficient) << x.id;
    EXPECT_EQ(x.subsystem, y.subsystem) << x.id;
    ASSERT_EQ(static_cast<bool>(x.gpr), static_cast<bool>(y.gpr)) << x.id;
    if (x.gpr) {
      EXPECT_EQ(x.gpr->to_string(), y.gpr->to_string()) << x.id;
    }
  }
  const minn::CsrMatrix s = a.stoichiometry();
  const minn::CsrMatrix t = b.stoichiometry();
  EXPECT_EQ(s.rows, t.rows);
  EXPECT_EQ(s.cols, t.cols);
  EXPECT_EQ(s.row_ptr, t.row_ptr);
  EXPECT_EQ(s.col_index, t.col_index);
  EXPECT_EQ(s.values, t.values);
}

TEST(RoundTrip, EcoliCore) {
  const minn::Gem gem = minn::read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz");
  const std::string path = temp_path("e_coli_core.xml");
  minn::write_sbml(gem, path);
  minn::Diagnostics diagnostics;
  const minn::Gem back = minn::read_sbml(path, &diagnostics);
  expect_same_model(gem, back);
  EXPECT_TRUE(diagnostics.warnings.empty()) << diagnostics.warnings.front();
  std::remove(path.c_str());
}

TEST(RoundTrip, SplitIaf1260Compressed) {
  const minn::Gem gem =
      minn::split_reversible(minn::read_sbml(std::string(MINN_MODELS_DIR) + "/gems/iAF1260.xml.gz"));
  const std::string path = temp_path("iAF1260_split.xml.gz");
  minn::write_sbml(gem, path);
  const minn::Gem back = minn::read_sbml(path);
  expect_same_model(gem, back);
  EXPECT_EQ(back.reactions.size(), 2957u);
  std::remove(path.c_str());
}

TEST(RoundTrip, UnusualValuesSurvive) {
  minn::Gem gem;
  gem.id = "odd";
  gem.objective_maximize = false;
  gem.compartments = {{"c", "cytosol & more <x>"}};
  gem.metabolites = {{"M_a", "A \"quoted\"", "c", "C6H12O6", -2, true}, {"M_b", "", "c", "", 0, false}};
  minn::Reaction r;
  r.id = "R_odd";
  r.lower_bound = -minn::kInfinity;
  r.upper_bound = 0.1 + 0.2;  // not exactly representable in short decimal
  r.reversible = true;
  r.objective_coefficient = 1.0 / 3.0;
  r.subsystem = "Glycolysis/Gluconeogenesis";
  r.stoichiometry = {{0, -1.5}, {1, 1e-7}};
  minn::Gpr leaf;
  leaf.gene = "G_x";
  r.gpr = std::make_unique<minn::Gpr>(leaf);
  gem.reactions.push_back(std::move(r));
  gem.genes = {{"G_x", "xname"}};
  const std::string path = temp_path("odd.xml");
  minn::write_sbml(gem, path);
  const minn::Gem back = minn::read_sbml(path);
  expect_same_model(gem, back);
  EXPECT_TRUE(std::isinf(back.reactions[0].lower_bound));
  std::remove(path.c_str());
}

// Found by fuzz_sbml: any SBML id is legal for a reaction or species, also the names the writer
// gives its shared bound parameters; the writer used to refuse such a GEM ("collides").
TEST(RoundTrip, IdsEqualToSharedParameterNamesSurvive) {
  minn::Gem gem;
  gem.id = "clash";
  gem.compartments = {{"c", ""}};
  gem.metabolites = {{"cobra_default_lb", "", "c", "", 0, false}};
  for (const char* id : {"plus_inf", "plus_inf_2", "minus_inf", "cobra_0_bound", "R_x_lower_bound"}) {
    minn::Reaction r;
    r.id = id;
    r.lower_bound = std::string(id) == "plus_inf" ? -minn::kInfinity : -7.0;
    r.upper_bound = minn::kInfinity;
    r.reversible = true;
    r.stoichiometry = {{0, -1.0}};
    gem.reactions.push_back(std::move(r));
  }
  minn::Reaction x;
  x.id = "R_x";
  x.lower_bound = -3.0;  // its own parameter "R_x_lower_bound" is a reaction id already
  x.upper_bound = 0.0;
  gem.reactions.push_back(std::move(x));
  const minn::Gem back = minn::read_sbml_text(minn::sbml_text(gem), "memory");
  expect_same_model(gem, back);
  EXPECT_EQ(back.reactions[5].lower_bound, -3.0);
  EXPECT_TRUE(std::isinf(back.reactions[0].lower_bound));
}

// Found by fuzz_sbml: in a COBRA Level 2 file a gene (notes GENE_ASSOCIATION) is not an SBML id,
// so it may share its id with a reaction, and a species may name an undeclared compartment whose
// id is a reaction's; written as an fbc:geneProduct and a compartment, both clashed on reading back.
TEST(RoundTrip, GeneAndCompartmentIdsEqualToReactionIdsSurvive) {
  const std::string level2 = R"(<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4"
      xmlns:html="http://www.w3.org/1999/xhtml">
  <model id="clash">
    <listOfCompartments><compartment id="c"/></listOfCompartments>
    <listOfSpecies>
      <species id="M_a" compartment="c"/>
      <species id="M_b" compartment="R_use"/>
    </listOfSpecies>
    <listOfReactions>
      <reaction id="R_use" reversible="false">
        <notes><html:p>GENE_ASSOCIATION: b1621 or b0001</html:p></notes>
        <listOfReactants><speciesReference species="M_a"/></listOfReactants>
        <listOfProducts><speciesReference species="M_b"/></listOfProducts>
      </reaction>
      <reaction id="b1621" reversible="true">
        <notes><html:p>GENE_ASSOCIATION: b1621</html:p></notes>
        <listOfReactants><speciesReference species="M_b"/></listOfReactants>
      </reaction>
    </listOfReactions>
  </model>
</sbml>
)";
  minn::Gem gem = minn::read_sbml_text(level2, "level2.xml");
  ASSERT_EQ(gem.genes.size(), 2u);
  const std::string text = minn::sbml_text(gem);
  minn::Diagnostics diagnostics;
  minn::Gem back = minn::read_sbml_text(text, "memory", &diagnostics);
  ASSERT_EQ(back.reactions.size(), gem.reactions.size());
  ASSERT_EQ(back.metabolites.size(), gem.metabolites.size());
  EXPECT_EQ(back.stoichiometry_nonzeros(), gem.stoichiometry_nonzeros());
  // The clashing gene is written as "G_<id>", its name kept; the other keeps its id.
  ASSERT_EQ(back.genes.size(), 2u);
  EXPECT_EQ(back.genes[0].id, "G_b1621");
  EXPECT_EQ(back.genes[0].name, "b1621");
  EXPECT_EQ(back.genes[1].id, "b0001");
  EXPECT_EQ(back.reactions[0].gpr->to_string(), "G_b1621 or b0001");
  EXPECT_EQ(back.reactions[1].gpr->to_string(), "G_b1621");
  // The undeclared compartment stays undeclared (a warning, as on the first read).
  EXPECT_EQ(back.metabolites[1].compartment, "R_use");
  EXPECT_EQ(back.compartments.size(), 1u);
  EXPECT_EQ(diagnostics.warnings.size(), 1u);
  // Knocking out "b1621" disables the same reactions before and after (the "G_" spelling).
  EXPECT_EQ(minn::knock_out_genes(back, {"b1621"}), minn::knock_out_genes(gem, {"b1621"}));
}

TEST(RoundTrip, OutputIsDeterministic) {
  const minn::Gem gem = minn::read_sbml(std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz");
  EXPECT_EQ(minn::sbml_text(gem), minn::sbml_text(gem));
  const std::string text = minn::sbml_text(gem);
  const minn::Gem back = minn::read_sbml_text(text, "memory");
  EXPECT_EQ(minn::sbml_text(back), text);
}

}  // namespace

namespace {

TEST(RoundTrip, WriterRejectsAnEmptyGprNode) {
  minn::Gem gem;
  gem.id = "bad";
  minn::Reaction r;
  r.id = "R_x";
  minn::Gpr empty_and;
  empty_and.kind = minn::Gpr::Kind::And;
  r.gpr = std::make_unique<minn::Gpr>(empty_and);
  gem.reactions.push_back(std::move(r));
  try {
    minn::sbml_text(gem);
    FAIL() << "expected minn::Error";
  } catch (const minn::Error& e) {
    EXPECT_EQ(std::string(e.what()),
              "write_sbml: reaction 'R_x' has an and/or GPR node without operands; expected at least one");
  }
}

}  // namespace
