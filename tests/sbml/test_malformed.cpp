// The malformed-SBML corpus (tests/data/sbml/malformed, written by make_corpus.py): every file is
// rejected with a minn::Error that names the file, the line, the element and what was expected.
// Expected lines were read off the files (grep -n), not from the reader.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/error.hpp"
#include "sbml/sbml_reader.hpp"

namespace {

const std::string kDir = std::string(MINN_TEST_DATA_DIR) + "/sbml/malformed/";

struct Case {
  const char* file;
  const char* message;  // what follows "<path>"
};

const Case kCases[] = {
    {"empty.xml", ": not well-formed XML: the document is empty; expected an SBML document"},
    {"not_xml.xml", ":1: not well-formed XML: text outside of any element; expected an SBML document"},
    {"truncated.xml",
     ":13: not well-formed XML: malformed or unterminated element (XMLElement name=species); expected an SBML "
     "document"},
    {"mismatched_tag.xml",
     ":9: not well-formed XML: a closing tag does not match its opening tag (XMLElement name=listOfCompartments); "
     "expected an SBML document"},
    {"not_sbml_root.xml",
     ":2: not an SBML document: root element is <html> in namespace 'http://www.w3.org/1999/xhtml'; expected <sbml> "
     "in an SBML core namespace (http://www.sbml.org/sbml/level...)"},
    {"wrong_namespace.xml",
     ":2: not an SBML document: root element is <sbml> in namespace 'http://example.org/sbml'; expected <sbml> in an "
     "SBML core namespace (http://www.sbml.org/sbml/level...)"},
    {"bad_level.xml", ":2: <sbml> level='4'; expected SBML Level 2 or 3"},
    {"no_model.xml", ":2: <sbml> has no <model>; expected one <model> element"},
    {"no_reaction_list.xml", ":3: model 'toy' has no <listOfReactions>; expected the reactions"},
    {"duplicate_reaction_list.xml", ":42: second <listOfReactions> in model (first at line 16); expected one"},
    {"bad_strict.xml", ":3: model attribute fbc:strict is 'yes'; expected \"true\" or \"false\""},
    {"undeclared_species.xml",
     ":27: reaction 'R_AB' names species 'M_zz' which is not declared in <listOfSpecies>"},
    {"duplicate_species_id.xml", ":14: species id 'M_a' is already used at line 13; expected unique ids"},
    {"duplicate_reaction_id.xml", ":36: reaction id 'R_AB' is already used at line 22; expected unique ids"},
    {"reaction_id_clashes_species.xml", ":36: reaction id 'M_b' is already used at line 14; expected unique ids"},
    {"duplicate_gene_product.xml", ":51: gene product id 'G_1' is already used at line 50; expected unique ids"},
    {"missing_reaction_id.xml", ":36: <reaction> without an id; expected an id attribute"},
    {"missing_species_id.xml", ":14: <species> without an id; expected an id attribute"},
    {"non_numeric_stoichiometry.xml",
     ":27: reaction 'R_AB': species 'M_b' stoichiometry 'two' is not a number; expected a finite decimal number"},
    {"nan_stoichiometry.xml",
     ":27: reaction 'R_AB': species 'M_b' stoichiometry 'NaN' is not allowed here; expected a finite decimal "
     "number"},
    {"missing_stoichiometry.xml",
     ":27: reaction 'R_AB': species 'M_b' has no stoichiometry attribute; expected a number (SBML Level 3 has no "
     "default)"},
    {"species_reference_without_species.xml",
     ":27: reaction 'R_AB': <speciesReference> without a species attribute; expected species=\"...\""},
    {"bad_reversible.xml", ":22: reaction 'R_AB' attribute reversible is 'maybe'; expected \"true\" or \"false\""},
    {"missing_reversible.xml",
     ":22: reaction 'R_AB' has no reversible attribute; expected reversible=\"true\" or \"false\" (required in SBML "
     "Level 3)"},
    {"bound_parameter_missing.xml",
     ":22: reaction 'R_AB' fbc:lowerFluxBound 'no_such_bound' names a parameter that does not exist; expected the "
     "id of a <parameter> in <listOfParameters>"},
    {"bound_parameter_not_constant.xml",
     ":22: reaction 'R_AB' fbc:lowerFluxBound 'lb0' names a parameter that is not constant (line 5); expected "
     "constant=\"true\""},
    {"bound_parameter_without_value.xml",
     ":22: reaction 'R_AB' fbc:lowerFluxBound 'lb0' names a parameter without a value (line 5); expected "
     "value=\"...\""},
    {"non_numeric_parameter_value.xml",
     ":6: parameter 'ub': value '1e3x' is not a number; expected a decimal number, INF or -INF"},
    {"nan_bound.xml",
     ":17: reaction 'R_EX_a' fbc:upperFluxBound 'ub' names a parameter whose value is NaN (line 6); expected a "
     "number, INF or -INF"},
    {"lower_bound_above_upper.xml",
     ":22: reaction 'R_AB' has lower bound 1000 > upper bound 0; expected lower <= upper"},
    {"strict_missing_bound.xml",
     ":36: reaction 'R_DM_b' has no fbc:upperFluxBound; expected both flux bounds in a model with "
     "fbc:strict=\"true\""},
    {"gpr_unexpected_element.xml",
     ":30: reaction 'R_AB': unexpected <fbc:xor> in a gene product association; expected fbc:and, fbc:or or "
     "fbc:geneProductRef"},
    {"gpr_empty_and.xml",
     ":32: reaction 'R_AB': <fbc:and> has no operands; expected at least one fbc:geneProductRef, fbc:and or fbc:or"},
    {"gpr_two_roots.xml",
     ":34: reaction 'R_AB': fbc:geneProductAssociation has a second child <fbc:geneProductRef>; expected exactly "
     "one of fbc:and, fbc:or, fbc:geneProductRef"},
    {"gpr_ref_without_gene.xml",
     ":32: reaction 'R_AB': fbc:geneProductRef without fbc:geneProduct; expected the id of a gene product"},
    {"objective_unknown_reaction.xml",
     ":45: fbc:fluxObjective of objective 'obj' names reaction 'R_BIOMASS' which is not in <listOfReactions>"},
    {"active_objective_missing.xml",
     ":42: fbc:activeObjective 'growth' names no fbc:objective; expected the fbc:id of one of its objectives"},
    {"objective_bad_type.xml", ":43: fbc:objective 'obj' has fbc:type 'maximise'; expected maximize or minimize"},
    {"objective_non_numeric_coefficient.xml",
     ":45: fbc:fluxObjective of objective 'obj': fbc:coefficient 'one' is not a number; expected a finite decimal "
     "number"},
    {"bad_boundary_condition.xml",
     ":14: species 'M_b' attribute boundaryCondition is 'no'; expected \"true\" or \"false\""},
    {"bad_charge.xml",
     ":13: species 'M_a': charge '1.5' is not an integer; expected an integer such as -1, 0 or 2"},
    {"fbc1_flux_bound_unknown_reaction.xml",
     ":18: fbc:fluxBound names reaction 'R_EX_b' which is not in <listOfReactions>"},
    {"fbc1_flux_bound_bad_operation.xml",
     ":18: fbc:fluxBound of reaction 'R_EX_a' has fbc:operation 'atLeast'; expected lessEqual, greaterEqual or "
     "equal"},
    {"fbc1_flux_bound_non_numeric.xml",
     ":18: fbc:fluxBound of reaction 'R_EX_a': fbc:value '-ten' is not a number; expected a decimal number, INF or "
     "-INF"},
    {"l2_unparseable_gene_association.xml",
     ":14: reaction 'R_EX_a': unparseable GENE_ASSOCIATION: expected ')', found the end of the rule at column 17 of "
     "'(b0001 and b0002'"},
    {"l2_non_numeric_kinetic_bound.xml",
     ":22: reaction 'R_EX_a': kineticLaw parameter 'LOWER_BOUND' value 'minus ten' is not a number; expected a "
     "decimal number, INF or -INF"},
    {"l2_stoichiometry_math.xml",
     ":19: reaction 'R_EX_a': stoichiometryMath of species 'M_a' is not supported; expected a stoichiometry "
     "attribute"},
    {"corrupt.xml.gz", ": invalid gzip data: invalid distance too far back"},
};

class Malformed : public testing::TestWithParam<Case> {};

TEST_P(Malformed, RejectedWithItsMessage) {
  const Case& c = GetParam();
  const std::string path = kDir + c.file;
  try {
    minn::read_sbml(path);
    FAIL() << c.file << " was accepted";
  } catch (const minn::Error& e) {
    EXPECT_EQ(std::string(e.what()), path + c.message);
  }
}

std::string case_name(const testing::TestParamInfo<Case>& info) {
  std::string name = info.param.file;
  for (char& ch : name) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return name;
}

INSTANTIATE_TEST_SUITE_P(Corpus, Malformed, testing::ValuesIn(kCases), case_name);

TEST(MalformedCorpus, HasAtLeastThirtyFilesAndTheBaseIsValid) {
  EXPECT_GE(sizeof kCases / sizeof kCases[0], 30u);
  // Each defect is the only problem: the file it was made from reads cleanly.
  minn::Diagnostics d;
  const minn::Gem gem = minn::read_sbml(kDir + "base.xml", &d);
  EXPECT_EQ(gem.reactions.size(), 3u);
  EXPECT_TRUE(d.warnings.empty());
}

TEST(MalformedCorpus, MissingFileIsAnErrorNotACrash) {
  EXPECT_THROW(minn::read_sbml(kDir + "no_such_file.xml"), minn::Error);
}

TEST(MalformedCorpus, CliExitsNonZeroWithTheMessage) {
  const std::string command =
      std::string(MINNC_PATH) + " gem info " + kDir + "undeclared_species.xml 2>&1";
  FILE* pipe = popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[512];
  while (std::fgets(buffer, sizeof buffer, pipe) != nullptr) output += buffer;
  const int status = pclose(pipe);
  EXPECT_NE(status, 0);
  EXPECT_EQ(WEXITSTATUS(status), 1);
  EXPECT_NE(output.find("minnc: error: " + kDir +
                        "undeclared_species.xml:27: reaction 'R_AB' names species 'M_zz' which is not declared"),
            std::string::npos)
      << output;
}

// Where COBRApy only warns, minn warns too and reads the model.
TEST(MalformedCorpus, WarningsDoNotFail) {
  const std::string text = R"(<?xml version="1.0"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" level="3" version="1">
  <model id="w">
    <listOfSpecies>
      <species id="M_a" compartment="nowhere" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfReactions>
      <reaction id="R_a" reversible="false" fast="false">
        <listOfReactants><speciesReference species="M_a" stoichiometry="1" constant="true"/></listOfReactants>
        <listOfProducts><speciesReference species="M_a" stoichiometry="1" constant="true"/></listOfProducts>
        <fbc:geneProductAssociation><fbc:geneProductRef fbc:geneProduct="G_undeclared"/></fbc:geneProductAssociation>
      </reaction>
    </listOfReactions>
  </model>
</sbml>
)";
  minn::Diagnostics d;
  const minn::Gem gem = minn::read_sbml_text(text, "w.xml", &d);
  ASSERT_EQ(gem.reactions.size(), 1u);
  EXPECT_TRUE(gem.reactions[0].stoichiometry.empty());  // M_a - M_a cancels
  EXPECT_EQ(gem.reactions[0].lower_bound, -1000.0);
  EXPECT_EQ(gem.genes.size(), 1u);
  const std::string expected[] = {
      "w.xml:3: model without fbc:strict=\"true\"; missing flux bounds default to [-1000, 1000]",
      "w.xml:5: species 'M_a' names compartment 'nowhere' which is not in <listOfCompartments>",
      "w.xml:8: reaction 'R_a': the coefficients of species 'M_a' sum to 0; it is left out of the reaction",
      "w.xml:11: gene product 'G_undeclared' is not in <fbc:listOfGeneProducts>; added as a gene",
      "w.xml:3: listOfObjectives element not found; the model has no objective",
      "w.xml:8: 1 reactions (first 'R_a') lack a flux bound; missing bounds set to [-1000, 1000] as COBRApy does",
  };
  ASSERT_EQ(d.warnings.size(), sizeof expected / sizeof expected[0]);
  for (std::size_t i = 0; i < d.warnings.size(); ++i) EXPECT_EQ(d.warnings[i], expected[i]);
}

}  // namespace
