#!/usr/bin/env python3
"""Writes the malformed-SBML corpus: each file is base.xml (a valid FBC2 strict model) with one
defect. Run once by hand when adding a case; the files are committed and the tests read them."""
import gzip, os

BASE = """<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version2" level="3" version="1" fbc:required="false">
  <model id="toy" fbc:strict="true">
    <listOfParameters>
      <parameter id="lb0" value="0" constant="true"/>
      <parameter id="ub" value="1000" constant="true"/>
      <parameter id="lb" value="-1000" constant="true"/>
    </listOfParameters>
    <listOfCompartments>
      <compartment id="c" constant="true"/>
    </listOfCompartments>
    <listOfSpecies>
      <species id="M_a" compartment="c" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false" fbc:charge="0"/>
      <species id="M_b" compartment="c" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfReactions>
      <reaction id="R_EX_a" reversible="true" fast="false" fbc:lowerFluxBound="lb" fbc:upperFluxBound="ub">
        <listOfReactants>
          <speciesReference species="M_a" stoichiometry="1" constant="true"/>
        </listOfReactants>
      </reaction>
      <reaction id="R_AB" reversible="false" fast="false" fbc:lowerFluxBound="lb0" fbc:upperFluxBound="ub">
        <listOfReactants>
          <speciesReference species="M_a" stoichiometry="1" constant="true"/>
        </listOfReactants>
        <listOfProducts>
          <speciesReference species="M_b" stoichiometry="1" constant="true"/>
        </listOfProducts>
        <fbc:geneProductAssociation>
          <fbc:or>
            <fbc:geneProductRef fbc:geneProduct="G_1"/>
            <fbc:geneProductRef fbc:geneProduct="G_2"/>
          </fbc:or>
        </fbc:geneProductAssociation>
      </reaction>
      <reaction id="R_DM_b" reversible="false" fast="false" fbc:lowerFluxBound="lb0" fbc:upperFluxBound="ub">
        <listOfReactants>
          <speciesReference species="M_b" stoichiometry="1" constant="true"/>
        </listOfReactants>
      </reaction>
    </listOfReactions>
    <fbc:listOfObjectives fbc:activeObjective="obj">
      <fbc:objective fbc:id="obj" fbc:type="maximize">
        <fbc:listOfFluxObjectives>
          <fbc:fluxObjective fbc:reaction="R_DM_b" fbc:coefficient="1"/>
        </fbc:listOfFluxObjectives>
      </fbc:objective>
    </fbc:listOfObjectives>
    <fbc:listOfGeneProducts>
      <fbc:geneProduct fbc:id="G_1" fbc:label="g1"/>
      <fbc:geneProduct fbc:id="G_2" fbc:label="g2"/>
    </fbc:listOfGeneProducts>
  </model>
</sbml>
"""

FBC1 = """<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level3/version1/core" xmlns:fbc="http://www.sbml.org/sbml/level3/version1/fbc/version1" level="3" version="1">
  <model id="toy1">
    <listOfCompartments>
      <compartment id="c" constant="true"/>
    </listOfCompartments>
    <listOfSpecies>
      <species id="M_a" compartment="c" hasOnlySubstanceUnits="false" boundaryCondition="false" constant="false"/>
    </listOfSpecies>
    <listOfReactions>
      <reaction id="R_EX_a" reversible="true" fast="false">
        <listOfReactants>
          <speciesReference species="M_a" stoichiometry="1" constant="true"/>
        </listOfReactants>
      </reaction>
    </listOfReactions>
    <fbc:listOfFluxBounds>
      <fbc:fluxBound fbc:id="b1" fbc:reaction="R_EX_a" fbc:operation="greaterEqual" fbc:value="-10"/>
    </fbc:listOfFluxBounds>
  </model>
</sbml>
"""

L2 = """<?xml version="1.0" encoding="UTF-8"?>
<sbml xmlns="http://www.sbml.org/sbml/level2/version4" level="2" version="4">
  <model id="toy2">
    <listOfCompartments>
      <compartment id="c"/>
    </listOfCompartments>
    <listOfSpecies>
      <species id="M_a" compartment="c"/>
    </listOfSpecies>
    <listOfReactions>
      <reaction id="R_EX_a">
        <notes>
          <body xmlns="http://www.w3.org/1999/xhtml">
            <p>GENE_ASSOCIATION: b0001</p>
          </body>
        </notes>
        <listOfReactants>
          <speciesReference species="M_a" stoichiometry="1"/>
        </listOfReactants>
        <kineticLaw>
          <listOfParameters>
            <parameter id="LOWER_BOUND" value="-10"/>
            <parameter id="UPPER_BOUND" value="1000"/>
          </listOfParameters>
        </kineticLaw>
      </reaction>
    </listOfReactions>
  </model>
</sbml>
"""


def variant(base, old, new, count=1):
    assert base.count(old) >= count, old
    return base.replace(old, new, count)


CASES = {
    "empty.xml": "",
    "not_xml.xml": "this is not XML at all\n",
    "truncated.xml": BASE[: BASE.index("<listOfSpecies>") + 40],
    "mismatched_tag.xml": variant(BASE, "</listOfCompartments>", "</listOfCompartment>"),
    "not_sbml_root.xml": "<?xml version=\"1.0\"?>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>\n",
    "wrong_namespace.xml": variant(BASE, 'xmlns="http://www.sbml.org/sbml/level3/version1/core"',
                                   'xmlns="http://example.org/sbml"'),
    "bad_level.xml": variant(BASE, 'level="3"', 'level="4"'),
    "no_model.xml": BASE[: BASE.index("  <model")] + "</sbml>\n",
    "no_reaction_list.xml": BASE[: BASE.index("    <listOfReactions>")] + BASE[BASE.index("    <fbc:listOfObjectives"):],
    "undeclared_species.xml": variant(BASE, '<speciesReference species="M_b" stoichiometry="1" constant="true"/>\n        </listOfProducts>',
                                      '<speciesReference species="M_zz" stoichiometry="1" constant="true"/>\n        </listOfProducts>'),
    "duplicate_species_id.xml": variant(BASE, '<species id="M_b"', '<species id="M_a"'),
    "duplicate_reaction_id.xml": variant(BASE, '<reaction id="R_DM_b"', '<reaction id="R_AB"'),
    "reaction_id_clashes_species.xml": variant(BASE, '<reaction id="R_DM_b"', '<reaction id="M_b"'),
    "missing_reaction_id.xml": variant(BASE, '<reaction id="R_DM_b" ', '<reaction '),
    "missing_species_id.xml": variant(BASE, '<species id="M_b" ', '<species '),
    "non_numeric_stoichiometry.xml": variant(BASE, '<speciesReference species="M_b" stoichiometry="1"', '<speciesReference species="M_b" stoichiometry="two"'),
    "nan_stoichiometry.xml": variant(BASE, '<speciesReference species="M_b" stoichiometry="1"', '<speciesReference species="M_b" stoichiometry="NaN"'),
    "missing_stoichiometry.xml": variant(BASE, '<speciesReference species="M_b" stoichiometry="1"', '<speciesReference species="M_b"'),
    "species_reference_without_species.xml": variant(BASE, '<speciesReference species="M_b" stoichiometry="1"', '<speciesReference stoichiometry="1"'),
    "bad_reversible.xml": variant(BASE, '<reaction id="R_AB" reversible="false"', '<reaction id="R_AB" reversible="maybe"'),
    "missing_reversible.xml": variant(BASE, '<reaction id="R_AB" reversible="false"', '<reaction id="R_AB"'),
    "bound_parameter_missing.xml": variant(BASE, 'id="R_AB" reversible="false" fast="false" fbc:lowerFluxBound="lb0"',
                                           'id="R_AB" reversible="false" fast="false" fbc:lowerFluxBound="no_such_bound"'),
    "bound_parameter_not_constant.xml": variant(BASE, '<parameter id="lb0" value="0" constant="true"/>',
                                                '<parameter id="lb0" value="0" constant="false"/>'),
    "bound_parameter_without_value.xml": variant(BASE, '<parameter id="lb0" value="0" constant="true"/>',
                                                 '<parameter id="lb0" constant="true"/>'),
    "non_numeric_parameter_value.xml": variant(BASE, '<parameter id="ub" value="1000"', '<parameter id="ub" value="1e3x"'),
    "nan_bound.xml": variant(BASE, '<parameter id="ub" value="1000"', '<parameter id="ub" value="NaN"'),
    "lower_bound_above_upper.xml": variant(BASE, 'id="R_AB" reversible="false" fast="false" fbc:lowerFluxBound="lb0" fbc:upperFluxBound="ub"',
                                           'id="R_AB" reversible="false" fast="false" fbc:lowerFluxBound="ub" fbc:upperFluxBound="lb0"'),
    "strict_missing_bound.xml": variant(BASE, 'id="R_DM_b" reversible="false" fast="false" fbc:lowerFluxBound="lb0" fbc:upperFluxBound="ub"',
                                        'id="R_DM_b" reversible="false" fast="false" fbc:lowerFluxBound="lb0"'),
    "bad_strict.xml": variant(BASE, 'fbc:strict="true"', 'fbc:strict="yes"'),
    "gpr_unexpected_element.xml": variant(BASE, '<fbc:or>\n', '<fbc:xor>\n').replace('</fbc:or>', '</fbc:xor>'),
    "gpr_empty_and.xml": variant(BASE, '<fbc:geneProductRef fbc:geneProduct="G_2"/>', '<fbc:and/>'),
    "gpr_two_roots.xml": variant(BASE, '</fbc:or>\n', '</fbc:or>\n          <fbc:geneProductRef fbc:geneProduct="G_1"/>\n'),
    "gpr_ref_without_gene.xml": variant(BASE, '<fbc:geneProductRef fbc:geneProduct="G_2"/>', '<fbc:geneProductRef/>'),
    "duplicate_gene_product.xml": variant(BASE, 'fbc:id="G_2"', 'fbc:id="G_1"'),
    "objective_unknown_reaction.xml": variant(BASE, 'fbc:reaction="R_DM_b"', 'fbc:reaction="R_BIOMASS"'),
    "active_objective_missing.xml": variant(BASE, 'fbc:activeObjective="obj"', 'fbc:activeObjective="growth"'),
    "objective_bad_type.xml": variant(BASE, 'fbc:type="maximize"', 'fbc:type="maximise"'),
    "objective_non_numeric_coefficient.xml": variant(BASE, 'fbc:coefficient="1"', 'fbc:coefficient="one"'),
    "bad_boundary_condition.xml": variant(BASE, '<species id="M_b" compartment="c" hasOnlySubstanceUnits="false" boundaryCondition="false"',
                                          '<species id="M_b" compartment="c" hasOnlySubstanceUnits="false" boundaryCondition="no"'),
    "bad_charge.xml": variant(BASE, 'fbc:charge="0"', 'fbc:charge="1.5"'),
    "duplicate_reaction_list.xml": variant(BASE, '    </listOfReactions>\n', '    </listOfReactions>\n    <listOfReactions/>\n'),
    "fbc1_flux_bound_unknown_reaction.xml": variant(FBC1, 'fbc:reaction="R_EX_a"', 'fbc:reaction="R_EX_b"'),
    "fbc1_flux_bound_bad_operation.xml": variant(FBC1, 'fbc:operation="greaterEqual"', 'fbc:operation="atLeast"'),
    "fbc1_flux_bound_non_numeric.xml": variant(FBC1, 'fbc:value="-10"', 'fbc:value="-ten"'),
    "l2_unparseable_gene_association.xml": variant(L2, "GENE_ASSOCIATION: b0001", "GENE_ASSOCIATION: (b0001 and b0002"),
    "l2_non_numeric_kinetic_bound.xml": variant(L2, '<parameter id="LOWER_BOUND" value="-10"/>', '<parameter id="LOWER_BOUND" value="minus ten"/>'),
    "l2_stoichiometry_math.xml": variant(L2, '<speciesReference species="M_a" stoichiometry="1"/>',
                                         '<speciesReference species="M_a">\n            <stoichiometryMath/>\n          </speciesReference>'),
}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    for name, text in CASES.items():
        with open(os.path.join(here, name), "w", encoding="utf-8") as f:
            f.write(text)
    # Not gzip data behind a gzip magic number.
    with open(os.path.join(here, "corrupt.xml.gz"), "wb") as f:
        f.write(b"\x1f\x8b\x08\x00" + b"this is not deflate data" * 4)
    with open(os.path.join(here, "base.xml"), "w", encoding="utf-8") as f:
        f.write(BASE)
    print(len(CASES) + 1, "malformed files")


main()
