// SBML -> Gem. One pass over the tinyxml2 DOM, hash maps for ids, located errors.
#include "sbml/sbml_reader.hpp"

#include <tinyxml2.h>

#include <cmath>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "common/file_bytes.hpp"
#include "common/sha256.hpp"
#include "sbml/annotation_stripper.hpp"
#include "sbml/gpr_parser.hpp"
#include "sbml/sbml_notes.hpp"
#include "sbml/sbml_values.hpp"
#include "sbml/xml_namespaces.hpp"

namespace minn {
namespace {

using sbml::NamespaceScope;
using tinyxml2::XMLElement;

constexpr std::string_view kSbmlCorePrefix = "http://www.sbml.org/sbml/level";
constexpr std::string_view kFbcPrefix = "http://www.sbml.org/sbml/level3/version1/fbc/version";
// COBRApy's configuration defaults, used where a file gives no bound (COBRApy warns there too).
constexpr double kDefaultLowerBound = -1000.0;
constexpr double kDefaultUpperBound = 1000.0;

struct ParameterInfo {
  double value = 0.0;
  bool has_value = false;
  bool constant = true;
  int line = 0;
};

struct ReactionState {
  bool has_lower = false;
  bool has_upper = false;
};

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

std::string number_text(double v) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.17g", v);
  return buffer;
}

// tinyxml2's ErrorStr() is "Error=XML_ERROR_X ErrorID=N (0xN) Line number=L: context"; say it in words.
std::string describe_xml_error(const tinyxml2::XMLDocument& doc) {
  std::string what;
  switch (doc.ErrorID()) {
    case tinyxml2::XML_ERROR_EMPTY_DOCUMENT: what = "the document is empty"; break;
    case tinyxml2::XML_ERROR_MISMATCHED_ELEMENT: what = "a closing tag does not match its opening tag"; break;
    case tinyxml2::XML_ERROR_PARSING_ELEMENT: what = "malformed or unterminated element"; break;
    case tinyxml2::XML_ERROR_PARSING_ATTRIBUTE: what = "malformed attribute"; break;
    case tinyxml2::XML_ERROR_PARSING_TEXT: what = "text outside of any element"; break;
    case tinyxml2::XML_ERROR_PARSING_COMMENT: what = "malformed comment"; break;
    case tinyxml2::XML_ERROR_PARSING_DECLARATION: what = "malformed declaration"; break;
    case tinyxml2::XML_ELEMENT_DEPTH_EXCEEDED: what = "elements nested too deeply"; break;
    default: what = doc.ErrorName(); break;
  }
  const std::string detail = doc.ErrorStr() ? doc.ErrorStr() : "";
  const std::size_t colon = detail.find(": ", detail.find("Line number="));
  if (colon != std::string::npos && detail.find("Line number=") != std::string::npos) {
    what += " (" + detail.substr(colon + 2) + ")";
  }
  return what;
}

class SbmlReader {
 public:
  SbmlReader(std::string source, Diagnostics* diagnostics)
      : source_(std::move(source)), diagnostics_(diagnostics) {}

  Gem read(const std::string& text) {
    tinyxml2::XMLDocument doc;
    if (doc.Parse(text.data(), text.size()) != tinyxml2::XML_SUCCESS) {
      fail(doc.ErrorLineNum(), "not well-formed XML: " + describe_xml_error(doc) + "; expected an SBML document");
    }
    const XMLElement* root = doc.RootElement();
    if (root == nullptr) fail(0, "no root element; expected an SBML document");
    const NamespaceScope document_scope;
    const NamespaceScope root_scope(document_scope, *root);
    read_root(*root, root_scope);
    return std::move(gem_);
  }

 private:
  // ---- messages -------------------------------------------------------------------------------
  std::string where(int line) const {
    return line > 0 ? source_ + ":" + std::to_string(line) + ": " : source_ + ": ";
  }
  [[noreturn]] void fail(int line, const std::string& what) const { throw Error(where(line) + what); }
  void warn(int line, const std::string& what) {
    if (diagnostics_ != nullptr) diagnostics_->warn(where(line) + what);
  }

  // ---- attribute helpers ----------------------------------------------------------------------
  const char* fbc_attribute(const NamespaceScope& scope, const XMLElement& e, std::string_view local,
                            bool on_fbc_element = false) const {
    if (fbc_.empty()) return nullptr;
    return scope.attribute(e, fbc_, local, on_fbc_element);
  }

  std::string required_id(const XMLElement& e, const char* id, const std::string& element_name) const {
    if (id == nullptr || *id == '\0') {
      fail(e.GetLineNum(), "<" + element_name + "> without an id; expected an id attribute");
    }
    return id;
  }

  void register_id(const std::string& id, int line, const std::string& what) {
    const auto [it, inserted] = ids_.emplace(id, line);
    if (!inserted) {
      fail(line, what + " id " + quoted(id) + " is already used at line " + std::to_string(it->second) +
                     "; expected unique ids");
    }
  }

  enum class Range { Finite, Bound, Any };  // Bound: +-INF allowed; Any: also NaN

  // `subject`: what the value belongs to ("parameter 'ub'"); `attribute`: its name ("value").
  double number(const XMLElement& e, const char* text, const std::string& subject, const std::string& attribute,
                Range range) const {
    const std::string expected = range == Range::Finite ? "a finite decimal number" : "a decimal number, INF or -INF";
    double v = 0.0;
    if (!sbml::parse_sbml_double(text, v)) {
      fail(e.GetLineNum(), subject + ": " + attribute + " " + quoted(text) + " is not a number; expected " + expected);
    }
    if ((std::isnan(v) && range != Range::Any) || (std::isinf(v) && range == Range::Finite)) {
      fail(e.GetLineNum(), subject + ": " + attribute + " " + quoted(text) + " is not allowed here; expected " + expected);
    }
    return v;
  }

  bool boolean(const XMLElement& e, const char* text, const std::string& what) const {
    bool v = false;
    if (!sbml::parse_sbml_bool(text, v)) {
      fail(e.GetLineNum(), what + " is " + quoted(text) + "; expected \"true\" or \"false\"");
    }
    return v;
  }

  // ---- document and model ---------------------------------------------------------------------
  void read_root(const XMLElement& root, const NamespaceScope& scope) {
    const std::string_view root_uri = scope.element_uri(root);
    if (sbml::local_name_of(root.Name()) != "sbml" || root_uri.substr(0, kSbmlCorePrefix.size()) != kSbmlCorePrefix) {
      fail(root.GetLineNum(), "not an SBML document: root element is <" + std::string(root.Name()) +
                                  "> in namespace " + quoted(root_uri) +
                                  "; expected <sbml> in an SBML core namespace (" + std::string(kSbmlCorePrefix) +
                                  "...)");
    }
    core_ = std::string(root_uri);
    const char* level_text = root.Attribute("level");
    level_ = level_text == nullptr ? 0 : std::atoi(level_text);
    if (level_ != 2 && level_ != 3) {
      fail(root.GetLineNum(), "<sbml> level=" + quoted(level_text ? level_text : "") +
                                  "; expected SBML Level 2 or 3");
    }
    const XMLElement* model = nullptr;
    for (const XMLElement* child = root.FirstChildElement(); child != nullptr; child = child->NextSiblingElement()) {
      const NamespaceScope child_scope(scope, *child);
      if (child_scope.is(*child, core_, "model")) {
        model = child;
        break;
      }
    }
    if (model == nullptr) fail(root.GetLineNum(), "<sbml> has no <model>; expected one <model> element");
    const NamespaceScope model_scope(scope, *model);
    read_model(*model, model_scope);
  }

  void detect_fbc(const XMLElement& model, const NamespaceScope& scope) {
    for (std::string_view uri : scope.declared_uris()) {
      if (uri.substr(0, kFbcPrefix.size()) == kFbcPrefix) {
        fbc_ = std::string(uri);
        fbc_version_ = std::atoi(fbc_.c_str() + kFbcPrefix.size());
        break;
      }
    }
    if (fbc_.empty()) {
      warn(model.GetLineNum(), "model does not contain SBML fbc package information; reading bounds, objective "
                               "and GPRs COBRA-style from kineticLaw parameters and notes");
      return;
    }
    if (fbc_version_ == 1) {
      warn(model.GetLineNum(), "SBML fbc version 1 (models should be encoded using fbc version 2)");
      return;
    }
    const char* strict = fbc_attribute(scope, model, "strict");
    if (strict == nullptr) {
      warn(model.GetLineNum(), "model without fbc:strict=\"true\"; missing flux bounds default to [" +
                                   number_text(kDefaultLowerBound) + ", " + number_text(kDefaultUpperBound) + "]");
    } else {
      strict_ = boolean(model, strict, "model attribute fbc:strict");
      if (!strict_) {
        warn(model.GetLineNum(), "model with fbc:strict=\"false\"; missing flux bounds default to [" +
                                     number_text(kDefaultLowerBound) + ", " + number_text(kDefaultUpperBound) + "]");
      }
    }
  }

  void read_model(const XMLElement& model, const NamespaceScope& scope) {
    detect_fbc(model, scope);
    if (const char* id = model.Attribute("id")) gem_.id = id;
    if (const char* name = model.Attribute("name")) gem_.name = name;

    struct ListSlot {
      bool fbc;
      const char* name;
      const XMLElement* element = nullptr;
    };
    ListSlot slots[] = {{false, "listOfCompartments"}, {false, "listOfSpecies"},   {false, "listOfParameters"},
                        {false, "listOfReactions"},    {true, "listOfGeneProducts"}, {true, "listOfObjectives"},
                        {true, "listOfFluxBounds"}};
    for (const XMLElement* child = model.FirstChildElement(); child != nullptr; child = child->NextSiblingElement()) {
      const NamespaceScope child_scope(scope, *child);
      for (ListSlot& slot : slots) {
        if (slot.fbc && fbc_.empty()) continue;
        if (!child_scope.is(*child, slot.fbc ? fbc_ : core_, slot.name)) continue;
        if (slot.element != nullptr) {
          fail(child->GetLineNum(), "second <" + std::string(child->Name()) + "> in model (first at line " +
                                        std::to_string(slot.element->GetLineNum()) + "); expected one");
        }
        slot.element = child;
      }
    }
    auto scoped = [&](const XMLElement* list, auto&& read_list) {
      if (list == nullptr) return;
      const NamespaceScope list_scope(scope, *list);
      read_list(*list, list_scope);
    };
    scoped(slots[0].element, [&](auto& l, auto& s) { read_compartments(l, s); });
    scoped(slots[1].element, [&](auto& l, auto& s) { read_species(l, s); });
    if (gem_.metabolites.empty()) warn(model.GetLineNum(), "no metabolites in model");
    scoped(slots[2].element, [&](auto& l, auto& s) { read_parameters(l, s); });
    scoped(slots[4].element, [&](auto& l, auto& s) { read_gene_products(l, s); });
    if (slots[3].element == nullptr) {
      fail(model.GetLineNum(), "model " + quoted(gem_.id) + " has no <listOfReactions>; expected the reactions");
    }
    scoped(slots[3].element, [&](auto& l, auto& s) { read_reactions(l, s); });
    if (gem_.reactions.empty()) warn(slots[3].element->GetLineNum(), "no reactions in model");
    scoped(slots[6].element, [&](auto& l, auto& s) { read_flux_bounds(l, s); });
    if (!fbc_.empty()) {
      if (slots[5].element == nullptr) {
        warn(model.GetLineNum(), "listOfObjectives element not found; the model has no objective");
      }
      scoped(slots[5].element, [&](auto& l, auto& s) { read_objectives(l, s); });
    }
    finish_bounds();
  }

  // ---- compartments, species, parameters, gene products ----------------------------------------
  void read_compartments(const XMLElement& list, const NamespaceScope& scope) {
    for (const XMLElement* e = list.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
      const NamespaceScope s(scope, *e);
      if (!s.is(*e, core_, "compartment")) continue;
      Compartment c;
      c.id = required_id(*e, e->Attribute("id"), "compartment");
      register_id(c.id, e->GetLineNum(), "compartment");
      if (const char* name = e->Attribute("name")) c.name = name;
      compartment_ids_.emplace(c.id, static_cast<int>(gem_.compartments.size()));
      gem_.compartments.push_back(std::move(c));
    }
  }

  void read_species(const XMLElement& list, const NamespaceScope& scope) {
    std::size_t boundary = 0;
    std::string first_boundary;
    for (const XMLElement* e = list.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
      const NamespaceScope s(scope, *e);
      if (!s.is(*e, core_, "species")) continue;
      Metabolite m;
      m.id = required_id(*e, e->Attribute("id"), "species");
      register_id(m.id, e->GetLineNum(), "species");
      if (const char* name = e->Attribute("name")) m.name = name;
      if (const char* compartment = e->Attribute("compartment")) {
        m.compartment = compartment;
        if (compartment_ids_.count(m.compartment) == 0) {
          warn(e->GetLineNum(), "species " + quoted(m.id) + " names compartment " + quoted(m.compartment) +
                                    " which is not in <listOfCompartments>");
        }
      }
      read_species_chemistry(*e, s, m);
      bool is_boundary = false;
      if (const char* b = e->Attribute("boundaryCondition")) {
        is_boundary = boolean(*e, b, "species " + quoted(m.id) + " attribute boundaryCondition");
      }
      if (is_boundary) {
        // Boundary species are fixed by definition: they get no row in S.
        species_index_.emplace(m.id, -1);
        if (boundary++ == 0) first_boundary = m.id;
        continue;
      }
      species_index_.emplace(m.id, static_cast<int>(gem_.metabolites.size()));
      gem_.metabolites.push_back(std::move(m));
    }
    if (boundary > 0) {
      warn(list.GetLineNum(), std::to_string(boundary) + " boundary species (boundaryCondition=\"true\", first " +
                                  quoted(first_boundary) +
                                  ") are excluded from S (COBRApy would add an exchange reaction for each)");
    }
  }

  void read_species_chemistry(const XMLElement& e, const NamespaceScope& s, Metabolite& m) {
    if (const char* formula = fbc_attribute(s, e, "chemicalFormula")) m.formula = formula;
    const char* charge = fbc_attribute(s, e, "charge");
    if (charge == nullptr && (charge = e.Attribute("charge")) != nullptr && !fbc_.empty()) {
      warn(e.GetLineNum(), "species " + quoted(m.id) + ": the charge attribute is discouraged, use fbc:charge");
    }
    if (charge != nullptr) {
      char* end = nullptr;
      const long v = std::strtol(charge, &end, 10);
      if (*charge == '\0' || *end != '\0') {
        fail(e.GetLineNum(), "species " + quoted(m.id) + ": charge " + quoted(charge) +
                                 " is not an integer; expected an integer such as -1, 0 or 2");
      }
      m.charge = static_cast<int>(v);
      m.has_charge = true;
    }
    if (fbc_.empty()) read_species_notes(e, m);
  }

  // Old COBRA files keep FORMULA and CHARGE in the notes (used when no attribute gives them).
  void read_species_notes(const XMLElement& e, Metabolite& m) {
    for (const XMLElement* notes = e.FirstChildElement(); notes != nullptr; notes = notes->NextSiblingElement()) {
      if (sbml::local_name_of(notes->Name()) != "notes") continue;
      const std::vector<sbml::NoteEntry> entries = sbml::parse_notes(*notes);
      if (const auto* f = sbml::find_note(entries, "FORMULA"); f != nullptr && m.formula.empty()) {
        m.formula = f->value;
      }
      const auto* c = sbml::find_note(entries, "CHARGE");
      if (c == nullptr || m.has_charge) continue;
      char* end = nullptr;
      const long v = std::strtol(c->value.c_str(), &end, 10);
      if (!c->value.empty() && *end == '\0') {
        m.charge = static_cast<int>(v);
        m.has_charge = true;
      } else {
        // COBRApy ignores values such as "NA" or "nan" too.
        warn(c->line, "species " + quoted(m.id) + ": notes CHARGE " + quoted(c->value) + " is not an integer; ignored");
      }
    }
  }

  void read_parameters(const XMLElement& list, const NamespaceScope& scope) {
    for (const XMLElement* e = list.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
      const NamespaceScope s(scope, *e);
      if (!s.is(*e, core_, "parameter")) continue;
      const std::string id = required_id(*e, e->Attribute("id"), "parameter");
      register_id(id, e->GetLineNum(), "parameter");
      ParameterInfo p;
      p.line = e->GetLineNum();
      if (const char* value = e->Attribute("value")) {
        p.value = number(*e, value, "parameter " + quoted(id), "value", Range::Any);
        p.has_value = true;
      }
      if (const char* constant = e->Attribute("constant")) {
        p.constant = boolean(*e, constant, "parameter " + quoted(id) + " attribute constant");
      }
      parameters_.emplace(id, p);
    }
  }

  void read_gene_products(const XMLElement& list, const NamespaceScope& scope) {
    for (const XMLElement* e = list.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
      const NamespaceScope s(scope, *e);
      if (!s.is(*e, fbc_, "geneProduct")) continue;
      Gene g;
      g.id = required_id(*e, fbc_attribute(s, *e, "id", true), "fbc:geneProduct");
      register_id(g.id, e->GetLineNum(), "gene product");
      const char* name = fbc_attribute(s, *e, "name", true);
      const char* label = fbc_attribute(s, *e, "label", true);
      g.name = name && *name ? name : label && *label ? label : g.id;
      gene_index_.emplace(g.id, static_cast<int>(gem_.genes.size()));
      gem_.genes.push_back(std::move(g));
    }
  }

  // ---- reactions ------------------------------------------------------------------------------
  void read_reactions(const XMLElement& list, const NamespaceScope& scope) {
    std::size_t count = 0;
    for (const XMLElement* e = list.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) ++count;
    gem_.reactions.reserve(count);
    states_.reserve(count);
    for (const XMLElement* e = list.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
      const NamespaceScope s(scope, *e);
      if (!s.is(*e, core_, "reaction")) continue;
      read_reaction(*e, s);
    }
  }

  void read_reaction(const XMLElement& e, const NamespaceScope& scope) {
    Reaction r;
    ReactionState state;
    r.id = required_id(e, e.Attribute("id"), "reaction");
    register_id(r.id, e.GetLineNum(), "reaction");
    r.source_line = e.GetLineNum();
    if (const char* name = e.Attribute("name")) r.name = name;
    const char* reversible = e.Attribute("reversible");
    if (reversible != nullptr) {
      r.reversible = boolean(e, reversible, "reaction " + quoted(r.id) + " attribute reversible");
    } else if (level_ >= 3) {
      fail(e.GetLineNum(), "reaction " + quoted(r.id) +
                               " has no reversible attribute; expected reversible=\"true\" or \"false\" "
                               "(required in SBML Level 3)");
    } else {
      r.reversible = true;  // the SBML Level 2 default
    }

    const XMLElement* association = nullptr;
    const XMLElement* notes = nullptr;
    const XMLElement* kinetic_law = nullptr;
    for (const XMLElement* c = e.FirstChildElement(); c != nullptr; c = c->NextSiblingElement()) {
      const NamespaceScope cs(scope, *c);
      const std::string_view uri = cs.element_uri(*c);
      const std::string_view local = sbml::local_name_of(c->Name());
      if (uri == core_) {
        if (local == "listOfReactants") {
          read_reagents(r, *c, cs, -1.0);
        } else if (local == "listOfProducts") {
          read_reagents(r, *c, cs, 1.0);
        } else if (local == "kineticLaw") {
          kinetic_law = c;
        } else if (local == "notes") {
          notes = c;
        }
      } else if (!fbc_.empty() && uri == fbc_ && local == "geneProductAssociation") {
        association = c;
      }
    }
    drop_cancelled_reagents(r);

    if (fbc_version_ >= 2) {
      read_fbc_bound(e, scope, r, "lowerFluxBound", r.lower_bound, state.has_lower);
      read_fbc_bound(e, scope, r, "upperFluxBound", r.upper_bound, state.has_upper);
    } else if (fbc_.empty() && kinetic_law != nullptr) {
      read_kinetic_law(r, *kinetic_law, state);
    }

    std::vector<sbml::NoteEntry> note_entries;
    if (notes != nullptr) note_entries = sbml::parse_notes(*notes);
    if (const auto* subsystem = sbml::find_note(note_entries, "SUBSYSTEM")) r.subsystem = subsystem->value;
    if (association != nullptr) {
      const NamespaceScope as(scope, *association);
      read_gene_product_association(r, *association, as);
    } else {
      read_notes_gpr(r, note_entries);
    }
    gem_.reactions.push_back(std::move(r));
    states_.push_back(state);
  }

  void read_reagents(Reaction& r, const XMLElement& list, const NamespaceScope& scope, double sign) {
    for (const XMLElement* e = list.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
      const NamespaceScope s(scope, *e);
      if (!s.is(*e, core_, "speciesReference")) continue;
      const char* species = e->Attribute("species");
      if (species == nullptr || *species == '\0') {
        fail(e->GetLineNum(), "reaction " + quoted(r.id) +
                                  ": <speciesReference> without a species attribute; expected species=\"...\"");
      }
      const auto it = species_index_.find(species);
      if (it == species_index_.end()) {
        fail(e->GetLineNum(), "reaction " + quoted(r.id) + " names species " + quoted(species) +
                                  " which is not declared in <listOfSpecies>");
      }
      double coefficient = 1.0;  // the SBML Level 2 default
      if (const char* stoichiometry = e->Attribute("stoichiometry")) {
        coefficient = number(*e, stoichiometry, "reaction " + quoted(r.id),
                             "species " + quoted(species) + " stoichiometry", Range::Finite);
      } else if (level_ >= 3) {
        fail(e->GetLineNum(), "reaction " + quoted(r.id) + ": species " + quoted(species) +
                                  " has no stoichiometry attribute; expected a number (SBML Level 3 has no default)");
      } else if (e->FirstChildElement() != nullptr) {
        for (const XMLElement* c = e->FirstChildElement(); c != nullptr; c = c->NextSiblingElement()) {
          if (sbml::local_name_of(c->Name()) == "stoichiometryMath") {
            fail(c->GetLineNum(), "reaction " + quoted(r.id) + ": stoichiometryMath of species " +
                                      quoted(species) + " is not supported; expected a stoichiometry attribute");
          }
        }
      }
      if (it->second < 0) continue;  // boundary species: no row in S
      add_coefficient(r, it->second, sign * coefficient);
    }
  }

  static void add_coefficient(Reaction& r, int metabolite, double coefficient) {
    // A species listed twice in one reaction (or as reactant and product) is summed, as COBRApy does.
    for (auto& entry : r.stoichiometry) {
      if (entry.first == metabolite) {
        entry.second += coefficient;
        return;
      }
    }
    r.stoichiometry.emplace_back(metabolite, coefficient);
  }

  void drop_cancelled_reagents(Reaction& r) {
    for (std::size_t i = 0; i < r.stoichiometry.size();) {
      if (r.stoichiometry[i].second == 0.0) {
        warn(r.source_line, "reaction " + quoted(r.id) + ": the coefficients of species " +
                                quoted(gem_.metabolites[static_cast<std::size_t>(r.stoichiometry[i].first)].id) +
                                " sum to 0; it is left out of the reaction");
        r.stoichiometry.erase(r.stoichiometry.begin() + static_cast<std::ptrdiff_t>(i));
      } else {
        ++i;
      }
    }
  }

  void read_fbc_bound(const XMLElement& e, const NamespaceScope& scope, const Reaction& r, const char* attribute,
                      double& bound, bool& has_bound) {
    const char* parameter_id = fbc_attribute(scope, e, attribute);
    if (parameter_id == nullptr) return;
    const auto it = parameters_.find(parameter_id);
    const std::string what = "reaction " + quoted(r.id) + " fbc:" + attribute + " " + quoted(parameter_id);
    if (it == parameters_.end()) {
      fail(e.GetLineNum(), what + " names a parameter that does not exist; expected the id of a <parameter> in "
                                  "<listOfParameters>");
    }
    const ParameterInfo& p = it->second;
    if (!p.constant) {
      fail(e.GetLineNum(), what + " names a parameter that is not constant (line " + std::to_string(p.line) +
                                  "); expected constant=\"true\"");
    }
    if (!p.has_value) {
      fail(e.GetLineNum(), what + " names a parameter without a value (line " + std::to_string(p.line) +
                                  "); expected value=\"...\"");
    }
    if (std::isnan(p.value)) {
      fail(e.GetLineNum(), what + " names a parameter whose value is NaN (line " + std::to_string(p.line) +
                                  "); expected a number, INF or -INF");
    }
    bound = p.value;
    has_bound = true;
  }

  void read_kinetic_law(Reaction& r, const XMLElement& law, ReactionState& state) {
    // Level 2: listOfParameters/parameter; Level 3: listOfLocalParameters/localParameter.
    for (const XMLElement* list = law.FirstChildElement(); list != nullptr; list = list->NextSiblingElement()) {
      const std::string_view list_name = sbml::local_name_of(list->Name());
      if (list_name != "listOfParameters" && list_name != "listOfLocalParameters") continue;
      for (const XMLElement* p = list->FirstChildElement(); p != nullptr; p = p->NextSiblingElement()) {
        const char* id = p->Attribute("id");
        const char* value = p->Attribute("value");
        if (id == nullptr) continue;
        const std::string_view key = id;
        double* target = nullptr;
        bool* flag = nullptr;
        if (key == "LOWER_BOUND") {
          target = &r.lower_bound;
          flag = &state.has_lower;
        } else if (key == "UPPER_BOUND") {
          target = &r.upper_bound;
          flag = &state.has_upper;
        } else if (key == "OBJECTIVE_COEFFICIENT") {
          target = &r.objective_coefficient;
        } else {
          continue;
        }
        if (value == nullptr) {
          fail(p->GetLineNum(), "reaction " + quoted(r.id) + ": kineticLaw parameter " + quoted(id) +
                                    " has no value; expected value=\"...\"");
        }
        *target = number(*p, value, "reaction " + quoted(r.id), "kineticLaw parameter " + quoted(id) + " value",
                         key == "OBJECTIVE_COEFFICIENT" ? Range::Finite : Range::Bound);
        if (flag != nullptr) {
          *flag = true;
          ++kinetic_law_bounds_;
        }
      }
    }
  }

  // ---- GPR ------------------------------------------------------------------------------------
  void use_gene(const std::string& id, int line) {
    if (gene_index_.count(id) != 0) return;
    if (fbc_version_ >= 2) {
      warn(line, "gene product " + quoted(id) + " is not in <fbc:listOfGeneProducts>; added as a gene");
    }
    gene_index_.emplace(id, static_cast<int>(gem_.genes.size()));
    gem_.genes.push_back(Gene{id, id});
  }

  void use_genes_of(const Gpr& gpr, int line) {
    if (gpr.kind == Gpr::Kind::Gene) {
      use_gene(gpr.gene, line);
      return;
    }
    for (const Gpr& child : gpr.children) use_genes_of(child, line);
  }

  void read_notes_gpr(Reaction& r, const std::vector<sbml::NoteEntry>& notes) {
    const sbml::NoteEntry* rule = sbml::find_note(notes, "GENE ASSOCIATION");
    if (rule == nullptr) rule = sbml::find_note(notes, "GENE_ASSOCIATION");
    if (rule == nullptr || rule->value.empty()) return;
    if (!fbc_.empty()) {
      warn(rule->line, "reaction " + quoted(r.id) + ": GPR read from notes " + rule->key +
                           "; use fbc:geneProductAssociation");
    }
    try {
      r.gpr = sbml::parse_gpr(rule->value);
    } catch (const Error& e) {
      fail(rule->line, "reaction " + quoted(r.id) + ": unparseable " + rule->key + ": " + e.what());
    }
    if (r.gpr) use_genes_of(*r.gpr, rule->line);
  }

  void read_gene_product_association(Reaction& r, const XMLElement& association, const NamespaceScope& scope) {
    const XMLElement* root = nullptr;
    for (const XMLElement* c = association.FirstChildElement(); c != nullptr; c = c->NextSiblingElement()) {
      const NamespaceScope cs(scope, *c);
      if (cs.element_uri(*c) != fbc_) continue;  // annotations, notes
      if (root != nullptr) {
        fail(c->GetLineNum(), "reaction " + quoted(r.id) + ": fbc:geneProductAssociation has a second child <" +
                                  c->Name() + ">; expected exactly one of fbc:and, fbc:or, fbc:geneProductRef");
      }
      root = c;
    }
    if (root == nullptr) {
      warn(association.GetLineNum(), "reaction " + quoted(r.id) + ": empty fbc:geneProductAssociation; no GPR");
      return;
    }
    const NamespaceScope rs(scope, *root);
    r.gpr = std::make_unique<Gpr>(read_association(r, *root, rs));
  }

  Gpr read_association(const Reaction& r, const XMLElement& e, const NamespaceScope& scope) {
    const std::string_view local = sbml::local_name_of(e.Name());
    if (scope.element_uri(e) == fbc_ && local == "geneProductRef") {
      const char* gene = fbc_attribute(scope, e, "geneProduct", true);
      if (gene == nullptr || *gene == '\0') {
        fail(e.GetLineNum(), "reaction " + quoted(r.id) +
                                 ": fbc:geneProductRef without fbc:geneProduct; expected the id of a gene product");
      }
      use_gene(gene, e.GetLineNum());
      Gpr leaf;
      leaf.gene = gene;
      return leaf;
    }
    if (scope.element_uri(e) != fbc_ || (local != "and" && local != "or")) {
      fail(e.GetLineNum(), "reaction " + quoted(r.id) + ": unexpected <" + e.Name() +
                               "> in a gene product association; expected fbc:and, fbc:or or fbc:geneProductRef");
    }
    Gpr node;
    node.kind = local == "and" ? Gpr::Kind::And : Gpr::Kind::Or;
    for (const XMLElement* c = e.FirstChildElement(); c != nullptr; c = c->NextSiblingElement()) {
      const NamespaceScope cs(scope, *c);
      if (cs.element_uri(*c) != fbc_) continue;  // annotations, notes
      node.children.push_back(read_association(r, *c, cs));
    }
    if (node.children.empty()) {
      fail(e.GetLineNum(), "reaction " + quoted(r.id) + ": <" + e.Name() +
                               "> has no operands; expected at least one fbc:geneProductRef, fbc:and or fbc:or");
    }
    if (node.children.size() == 1) return std::move(node.children.front());
    return node;
  }

  // ---- FBC v1 bounds, objectives, defaults ------------------------------------------------------
  int reaction_at(const XMLElement& e, const char* id, const std::string& what) const {
    if (id == nullptr || *id == '\0') {
      fail(e.GetLineNum(), what + " without fbc:reaction; expected the id of a reaction");
    }
    const auto it = reaction_index_.find(id);
    if (it == reaction_index_.end()) {
      fail(e.GetLineNum(), what + " names reaction " + quoted(id) + " which is not in <listOfReactions>");
    }
    return it->second;
  }

  void index_reactions() {
    if (!reaction_index_.empty()) return;
    reaction_index_.reserve(gem_.reactions.size());
    for (std::size_t i = 0; i < gem_.reactions.size(); ++i) {
      reaction_index_.emplace(gem_.reactions[i].id, static_cast<int>(i));
    }
  }

  void read_flux_bounds(const XMLElement& list, const NamespaceScope& scope) {
    index_reactions();
    for (const XMLElement* e = list.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
      const NamespaceScope s(scope, *e);
      if (!s.is(*e, fbc_, "fluxBound")) continue;
      const int index = reaction_at(*e, fbc_attribute(s, *e, "reaction", true), "fbc:fluxBound");
      Reaction& r = gem_.reactions[static_cast<std::size_t>(index)];
      ReactionState& state = states_[static_cast<std::size_t>(index)];
      const char* operation = fbc_attribute(s, *e, "operation", true);
      const char* value_text = fbc_attribute(s, *e, "value", true);
      if (value_text == nullptr) {
        fail(e->GetLineNum(), "fbc:fluxBound of reaction " + quoted(r.id) + " has no fbc:value; expected a number");
      }
      const double value = number(*e, value_text, "fbc:fluxBound of reaction " + quoted(r.id), "fbc:value", Range::Bound);
      const std::string op = operation ? operation : "";
      if (op == "lessEqual" || op == "less") {
        r.upper_bound = value;
        state.has_upper = true;
      } else if (op == "greaterEqual" || op == "greater") {
        r.lower_bound = value;
        state.has_lower = true;
      } else if (op == "equal") {
        r.lower_bound = r.upper_bound = value;
        state.has_lower = state.has_upper = true;
      } else {
        fail(e->GetLineNum(), "fbc:fluxBound of reaction " + quoted(r.id) + " has fbc:operation " + quoted(op) +
                                  "; expected lessEqual, greaterEqual or equal");
      }
    }
  }

  void read_objectives(const XMLElement& list, const NamespaceScope& scope) {
    index_reactions();
    const char* active = fbc_attribute(scope, list, "activeObjective", true);
    bool any = false;
    bool found = false;
    for (const XMLElement* e = list.FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
      const NamespaceScope s(scope, *e);
      if (!s.is(*e, fbc_, "objective")) continue;
      any = true;
      const std::string id = required_id(*e, fbc_attribute(s, *e, "id", true), "fbc:objective");
      if (active == nullptr || id != active) continue;
      found = true;
      const char* type = fbc_attribute(s, *e, "type", true);
      const std::string t = type ? type : "";
      if (t == "maximize") {
        gem_.objective_maximize = true;
      } else if (t == "minimize") {
        gem_.objective_maximize = false;
      } else {
        fail(e->GetLineNum(), "fbc:objective " + quoted(id) + " has fbc:type " + quoted(t) +
                                  "; expected maximize or minimize");
      }
      read_flux_objectives(*e, s, id);
    }
    if (!any) {
      warn(list.GetLineNum(), "no objective in listOfObjectives");
    } else if (active == nullptr) {
      warn(list.GetLineNum(), "no active objective in listOfObjectives (fbc:activeObjective missing)");
    } else if (!found) {
      fail(list.GetLineNum(), "fbc:activeObjective " + quoted(active) +
                                  " names no fbc:objective; expected the fbc:id of one of its objectives");
    }
  }

  void read_flux_objectives(const XMLElement& objective, const NamespaceScope& scope, const std::string& id) {
    for (const XMLElement* list = objective.FirstChildElement(); list != nullptr; list = list->NextSiblingElement()) {
      const NamespaceScope ls(scope, *list);
      if (!ls.is(*list, fbc_, "listOfFluxObjectives")) continue;
      for (const XMLElement* e = list->FirstChildElement(); e != nullptr; e = e->NextSiblingElement()) {
        const NamespaceScope s(ls, *e);
        if (!s.is(*e, fbc_, "fluxObjective")) continue;
        const std::string what = "fbc:fluxObjective of objective " + quoted(id);
        const int index = reaction_at(*e, fbc_attribute(s, *e, "reaction", true), what);
        const char* coefficient = fbc_attribute(s, *e, "coefficient", true);
        if (coefficient == nullptr) fail(e->GetLineNum(), what + " has no fbc:coefficient; expected a number");
        gem_.reactions[static_cast<std::size_t>(index)].objective_coefficient =
            number(*e, coefficient, what, "fbc:coefficient", Range::Finite);
      }
    }
  }

  void finish_bounds() {
    std::size_t missing = 0;
    std::string first_missing;
    int first_line = 0;
    for (std::size_t i = 0; i < gem_.reactions.size(); ++i) {
      Reaction& r = gem_.reactions[i];
      const ReactionState& state = states_[i];
      if (!state.has_lower || !state.has_upper) {
        if (strict_) {
          fail(r.source_line, "reaction " + quoted(r.id) + " has no fbc:" +
                                  (state.has_lower ? "upperFluxBound" : "lowerFluxBound") +
                                  "; expected both flux bounds in a model with fbc:strict=\"true\"");
        }
        if (missing++ == 0) {
          first_missing = r.id;
          first_line = r.source_line;
        }
        if (!state.has_lower) r.lower_bound = kDefaultLowerBound;
        if (!state.has_upper) r.upper_bound = kDefaultUpperBound;
      }
      if (r.lower_bound > r.upper_bound) {
        fail(r.source_line, "reaction " + quoted(r.id) + " has lower bound " + number_text(r.lower_bound) +
                                " > upper bound " + number_text(r.upper_bound) + "; expected lower <= upper");
      }
    }
    if (missing > 0) {
      warn(first_line, std::to_string(missing) + " reactions (first " + quoted(first_missing) +
                           ") lack a flux bound; missing bounds set to [" + number_text(kDefaultLowerBound) + ", " +
                           number_text(kDefaultUpperBound) + "] as COBRApy does");
    }
    if (kinetic_law_bounds_ > 0) {
      warn(0, "bounds read from kineticLaw LOWER_BOUND/UPPER_BOUND parameters (" +
                  std::to_string(kinetic_law_bounds_) + " values); use fbc flux bounds instead");
    }
  }

  std::string source_;
  Diagnostics* diagnostics_;
  Gem gem_;
  std::string core_;
  std::string fbc_;
  int fbc_version_ = 0;
  int level_ = 0;
  bool strict_ = false;
  std::size_t kinetic_law_bounds_ = 0;
  std::vector<ReactionState> states_;
  std::unordered_map<std::string, int> ids_;  // every SId in the model -> line
  std::unordered_map<std::string, int> compartment_ids_;
  std::unordered_map<std::string, int> species_index_;  // -1 = boundary species
  std::unordered_map<std::string, ParameterInfo> parameters_;
  std::unordered_map<std::string, int> gene_index_;
  std::unordered_map<std::string, int> reaction_index_;
};

}  // namespace

Gem read_sbml_text(const std::string& xml_text, const std::string& source_name, Diagnostics* diagnostics) {
  return SbmlReader(source_name, diagnostics).read(sbml::strip_annotations(xml_text));
}

Gem read_sbml(const std::string& path, Diagnostics* diagnostics) {
  const std::string bytes = read_file_bytes(path);
  const std::string sha = sha256_hex(bytes.data(), bytes.size());
  Gem gem =
      SbmlReader(path, diagnostics).read(sbml::strip_annotations(is_gzip(bytes) ? gunzip(bytes, path) : bytes));
  gem.source_sha256 = sha;
  return gem;
}

}  // namespace minn
