// Speed: three quarters of a BiGG file are <annotation> RDF blocks that minn never reads. Dropping
// their content before tinyxml2 builds the DOM makes loading much faster. The newlines of the
// dropped content are kept, so every line number in later messages is that of the original file.
#pragma once
#include <string>

namespace minn::sbml {

// Returns `xml` with the content of every element whose local name is `annotation` replaced by
// just its newlines (the start and end tags stay). Comments, CDATA sections and processing
// instructions are recognised as such. From the first markup that is not well formed on, the text
// is copied unchanged, so the XML parser still reports the error. Annotation content is therefore
// not checked for well-formedness.
std::string strip_annotations(const std::string& xml);

}  // namespace minn::sbml
