// XML namespaces over tinyxml2, which has none: prefixes are resolved through the `xmlns`
// declarations in scope, so `fbc:`, `sbml:` or any other prefix the writer chose all work.
#pragma once
#include <tinyxml2.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace minn::sbml {

// "fbc:reaction" -> "fbc"; "reaction" -> "".
std::string_view prefix_of(std::string_view qualified_name);
// "fbc:reaction" -> "reaction".
std::string_view local_name_of(std::string_view qualified_name);

// The declarations of one element, chained to its ancestors' scope. Lives on the stack while the
// reader walks down the tree.
class NamespaceScope {
 public:
  // The document root's parent: only the predefined `xml` prefix.
  NamespaceScope() = default;
  NamespaceScope(const NamespaceScope& parent, const tinyxml2::XMLElement& element);

  // The URI bound to `prefix` ("" = the default namespace); empty when undeclared.
  std::string_view uri(std::string_view prefix) const;
  // The namespace URI of `element`'s name (which must be the element this scope was made for).
  std::string_view element_uri(const tinyxml2::XMLElement& element) const;
  // True when `element` is named `local` in namespace `ns_uri`.
  bool is(const tinyxml2::XMLElement& element, std::string_view ns_uri, std::string_view local) const;
  // The value of the attribute `local` in namespace `ns_uri` (prefixed), or nullptr. With
  // `allow_unprefixed`, an unprefixed attribute of that name also counts (package elements whose
  // writer left package attributes unprefixed).
  const char* attribute(const tinyxml2::XMLElement& element, std::string_view ns_uri, std::string_view local,
                        bool allow_unprefixed = false) const;

  // Every URI declared in this scope or above, innermost first (for detecting package versions).
  std::vector<std::string_view> declared_uris() const;

 private:
  const NamespaceScope* parent_ = nullptr;
  std::vector<std::pair<std::string_view, std::string_view>> declarations_;  // prefix -> URI
};

}  // namespace minn::sbml
