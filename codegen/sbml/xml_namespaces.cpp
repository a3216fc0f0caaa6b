#include "sbml/xml_namespaces.hpp"

#include <cstring>

namespace minn::sbml {

std::string_view prefix_of(std::string_view qualified_name) {
  const std::size_t colon = qualified_name.find(':');
  return colon == std::string_view::npos ? std::string_view() : qualified_name.substr(0, colon);
}

std::string_view local_name_of(std::string_view qualified_name) {
  const std::size_t colon = qualified_name.find(':');
  return colon == std::string_view::npos ? qualified_name : qualified_name.substr(colon + 1);
}

NamespaceScope::NamespaceScope(const NamespaceScope& parent, const tinyxml2::XMLElement& element)
    : parent_(&parent) {
  for (const tinyxml2::XMLAttribute* a = element.FirstAttribute(); a != nullptr; a = a->Next()) {
    const char* name = a->Name();
    if (std::strncmp(name, "xmlns", 5) != 0) continue;
    if (name[5] == '\0') {
      declarations_.emplace_back(std::string_view(), a->Value());
    } else if (name[5] == ':') {
      declarations_.emplace_back(std::string_view(name + 6), a->Value());
    }
  }
}

std::string_view NamespaceScope::uri(std::string_view prefix) const {
  for (const NamespaceScope* s = this; s != nullptr; s = s->parent_) {
    for (const auto& [p, u] : s->declarations_) {
      if (p == prefix) return u;
    }
  }
  if (prefix == "xml") return "http://www.w3.org/XML/1998/namespace";
  return {};
}

std::string_view NamespaceScope::element_uri(const tinyxml2::XMLElement& element) const {
  return uri(prefix_of(element.Name()));
}

bool NamespaceScope::is(const tinyxml2::XMLElement& element, std::string_view ns_uri,
                        std::string_view local) const {
  const std::string_view name = element.Name();
  return local_name_of(name) == local && !ns_uri.empty() && uri(prefix_of(name)) == ns_uri;
}

const char* NamespaceScope::attribute(const tinyxml2::XMLElement& element, std::string_view ns_uri,
                                      std::string_view local, bool allow_unprefixed) const {
  const char* unprefixed = nullptr;
  for (const tinyxml2::XMLAttribute* a = element.FirstAttribute(); a != nullptr; a = a->Next()) {
    const std::string_view name = a->Name();
    if (local_name_of(name) != local) continue;
    const std::string_view prefix = prefix_of(name);
    if (prefix.empty()) {
      // Unprefixed attributes belong to no namespace (XML Namespaces 1.0, section 6.3).
      if (allow_unprefixed) unprefixed = a->Value();
    } else if (prefix != "xmlns" && uri(prefix) == ns_uri) {
      return a->Value();
    }
  }
  return unprefixed;
}

std::vector<std::string_view> NamespaceScope::declared_uris() const {
  std::vector<std::string_view> out;
  for (const NamespaceScope* s = this; s != nullptr; s = s->parent_) {
    for (const auto& declaration : s->declarations_) out.push_back(declaration.second);
  }
  return out;
}

}  // namespace minn::sbml
