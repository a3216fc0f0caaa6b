// The `KEY: value` paragraphs of an SBML <notes> element (XHTML), as COBRApy reads them:
// GENE_ASSOCIATION, GENE ASSOCIATION, SUBSYSTEM, FORMULA, CHARGE, ...
#pragma once
#include <tinyxml2.h>

#include <string>
#include <utility>
#include <vector>

namespace minn::sbml {

struct NoteEntry {
  std::string key;    // trimmed, as written
  std::string value;  // trimmed
  int line = 0;
};

// Every paragraph (element named `p` in any namespace) below `notes` whose text has a colon.
std::vector<NoteEntry> parse_notes(const tinyxml2::XMLElement& notes);

// The value of the first entry with `key`, or nullptr.
const NoteEntry* find_note(const std::vector<NoteEntry>& entries, const std::string& key);

}  // namespace minn::sbml
