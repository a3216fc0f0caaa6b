// strip_annotations: annotation content goes, everything else (and every line number) stays.
#include <gtest/gtest.h>

#include <string>

#include "sbml/annotation_stripper.hpp"

namespace {

using minn::sbml::strip_annotations;

TEST(AnnotationStripper, DropsContentKeepsTagsAndNewlines) {
  const std::string in =
      "<a>\n<sbml:annotation xmlns:sbml=\"u\">\n  <rdf:RDF>\n    <x/>\n  </rdf:RDF>\n</sbml:annotation>\n<b/>\n</a>";
  EXPECT_EQ(strip_annotations(in), "<a>\n<sbml:annotation xmlns:sbml=\"u\">\n\n\n\n</sbml:annotation>\n<b/>\n</a>");
}

TEST(AnnotationStripper, LeavesOtherMarkupAlone) {
  const std::string in =
      "<?xml version=\"1.0\"?>\n<!-- <annotation> in a comment -->\n<m><![CDATA[<annotation>]]>"
      "<annotationX>keep</annotationX><notes>keep</notes><annotation/></m>";
  EXPECT_EQ(strip_annotations(in), in);
}

TEST(AnnotationStripper, NestedSameNameCommentsAndQuotedGreaterThan) {
  const std::string in =
      "<r><annotation a=\"x>y\"><annotation>in</annotation><!-- </annotation> -->tail</annotation><k/></r>";
  EXPECT_EQ(strip_annotations(in), "<r><annotation a=\"x>y\"></annotation><k/></r>");
}

TEST(AnnotationStripper, UnterminatedAnnotationIsLeftForTheParser) {
  const std::string in = "<r><annotation><x/>\n</r>";
  EXPECT_EQ(strip_annotations(in), in);
  const std::string unterminated_comment = "<r><!-- never closed <annotation>x</annotation></r>";
  EXPECT_EQ(strip_annotations(unterminated_comment), unterminated_comment);
}

}  // namespace
