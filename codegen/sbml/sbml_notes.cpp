#include "sbml/sbml_notes.hpp"

#include <cctype>
#include <string_view>

#include "sbml/xml_namespaces.hpp"

namespace minn::sbml {
namespace {

void append_text(const tinyxml2::XMLNode& node, std::string& out) {
  for (const tinyxml2::XMLNode* child = node.FirstChild(); child != nullptr; child = child->NextSibling()) {
    if (const tinyxml2::XMLText* text = child->ToText()) {
      out += text->Value();
    } else if (child->ToElement() != nullptr) {
      append_text(*child, out);
    }
  }
}

std::string trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front())) != 0) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back())) != 0) s.remove_suffix(1);
  return std::string(s);
}

void collect(const tinyxml2::XMLElement& element, std::vector<NoteEntry>& out) {
  for (const tinyxml2::XMLElement* child = element.FirstChildElement(); child != nullptr;
       child = child->NextSiblingElement()) {
    if (local_name_of(child->Name()) == "p") {
      std::string text;
      append_text(*child, text);
      const std::size_t colon = text.find(':');
      if (colon != std::string::npos) {
        out.push_back({trim(std::string_view(text).substr(0, colon)),
                       trim(std::string_view(text).substr(colon + 1)), child->GetLineNum()});
      }
    } else {
      collect(*child, out);
    }
  }
}

}  // namespace

std::vector<NoteEntry> parse_notes(const tinyxml2::XMLElement& notes) {
  std::vector<NoteEntry> out;
  collect(notes, out);
  return out;
}

const NoteEntry* find_note(const std::vector<NoteEntry>& entries, const std::string& key) {
  for (const NoteEntry& e : entries) {
    if (e.key == key) return &e;
  }
  return nullptr;
}

}  // namespace minn::sbml
