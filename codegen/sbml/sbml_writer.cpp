#include "sbml/sbml_writer.hpp"

#include <tinyxml2.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <unordered_map>
#include <unordered_set>

#include "common/error.hpp"
#include "common/file_bytes.hpp"

namespace minn {
namespace {

constexpr const char* kCoreNs = "http://www.sbml.org/sbml/level3/version1/core";
constexpr const char* kFbcNs = "http://www.sbml.org/sbml/level3/version1/fbc/version2";

// Shortest text that reads back to the same double; INF/-INF as SBML spells them.
std::string format_double(double v) {
  if (std::isinf(v)) return v > 0 ? "INF" : "-INF";
  char buffer[40];
  for (int precision = 1; precision <= 17; ++precision) {
    std::snprintf(buffer, sizeof buffer, "%.*g", precision, v);
    if (std::strtod(buffer, nullptr) == v) break;
  }
  return buffer;
}

class SbmlWriter {
 public:
  explicit SbmlWriter(const Gem& gem) : gem_(gem), out_(nullptr, /*compact=*/false) {}

  std::string write() {
    collect_ids();
    out_.PushDeclaration("xml version=\"1.0\" encoding=\"UTF-8\"");
    out_.OpenElement("sbml");
    out_.PushAttribute("xmlns", kCoreNs);
    out_.PushAttribute("xmlns:fbc", kFbcNs);
    out_.PushAttribute("level", "3");
    out_.PushAttribute("version", "1");
    out_.PushAttribute("fbc:required", "false");
    out_.OpenElement("model");
    out_.PushAttribute("id", gem_.id.empty() ? "model" : gem_.id.c_str());
    if (!gem_.name.empty()) out_.PushAttribute("name", gem_.name.c_str());
    out_.PushAttribute("fbc:strict", "true");
    write_compartments();
    write_species();
    write_parameters();
    write_reactions();
    write_objective();
    write_gene_products();
    out_.CloseElement();  // model
    out_.CloseElement();  // sbml
    return std::string(out_.CStr(), static_cast<std::size_t>(out_.CStrSize() - 1));
  }

 private:
  void collect_ids() {
    for (const Compartment& c : gem_.compartments) used_ids_.insert(c.id);
    for (const Metabolite& m : gem_.metabolites) used_ids_.insert(m.id);
    for (const Reaction& r : gem_.reactions) used_ids_.insert(r.id);
    // A compartment referenced by a species but never declared gets a declaration, unless its id
    // belongs to a species or reaction: then it stays undeclared, as it was (the reader warns).
    compartments_ = gem_.compartments;
    for (const Metabolite& m : gem_.metabolites) {
      if (!m.compartment.empty() && used_ids_.insert(m.compartment).second) compartments_.push_back({m.compartment, ""});
    }
    // Genes from notes (COBRA Level 2, FBC 1) are not SBML ids there, so one may share its id with
    // a species, reaction or compartment; as an fbc:geneProduct it may not. Such a gene is written
    // as "G_<id>" (knockouts find it by either spelling, and its name is kept).
    for (const Gene& g : gem_.genes) {
      if (used_ids_.count(g.id) == 0) gene_ids_.emplace(g.id, g.id);
    }
    for (const auto& entry : gene_ids_) used_ids_.insert(entry.first);
    for (const Gene& g : gem_.genes) {
      if (gene_ids_.count(g.id) == 0) gene_ids_.emplace(g.id, claim("G_" + g.id));
    }
    // Shared parameters for the common values, as COBRApy writes them.
    shared_bounds_ = {{-1000.0, "cobra_default_lb"}, {1000.0, "cobra_default_ub"}, {0.0, "cobra_0_bound"},
                      {-INFINITY, "minus_inf"},      {INFINITY, "plus_inf"}};
    for (auto& [value, id] : shared_bounds_) id = claim(id);
  }

  // `id`, or when a species, reaction, gene or earlier parameter already has it (any SBML id is
  // legal there, "plus_inf" included), the first free `id`_2, `id`_3, ...: a GEM minn read must
  // always be writable.
  std::string claim(const std::string& id) {
    std::string candidate = id;
    for (int n = 2; !used_ids_.insert(candidate).second; ++n) candidate = id + "_" + std::to_string(n);
    return candidate;
  }

  // The id a gene is written with (collect_ids); a GPR may name a gene the GEM does not list.
  const std::string& gene_id(const std::string& id) const {
    const auto it = gene_ids_.find(id);
    return it == gene_ids_.end() ? id : it->second;
  }

  void write_compartments() {
    out_.OpenElement("listOfCompartments");
    for (const Compartment& c : compartments_) {
      out_.OpenElement("compartment");
      out_.PushAttribute("id", c.id.c_str());
      if (!c.name.empty()) out_.PushAttribute("name", c.name.c_str());
      out_.PushAttribute("constant", "true");
      out_.CloseElement();
    }
    out_.CloseElement();
  }

  void write_species() {
    out_.OpenElement("listOfSpecies");
    for (const Metabolite& m : gem_.metabolites) {
      out_.OpenElement("species");
      out_.PushAttribute("id", m.id.c_str());
      if (!m.name.empty()) out_.PushAttribute("name", m.name.c_str());
      if (!m.compartment.empty()) out_.PushAttribute("compartment", m.compartment.c_str());
      out_.PushAttribute("hasOnlySubstanceUnits", "false");
      out_.PushAttribute("boundaryCondition", "false");
      out_.PushAttribute("constant", "false");
      if (m.has_charge) out_.PushAttribute("fbc:charge", m.charge);
      if (!m.formula.empty()) out_.PushAttribute("fbc:chemicalFormula", m.formula.c_str());
      out_.CloseElement();
    }
    out_.CloseElement();
  }

  const std::string& bound_parameter(double value, const std::string& reaction_id, const char* suffix) {
    for (const auto& [shared_value, id] : shared_bounds_) {
      if (shared_value == value) return id;
    }
    own_bounds_.push_back({claim(reaction_id + suffix), value});
    return own_bounds_.back().first;
  }

  void write_parameters() {
    lower_ids_.reserve(gem_.reactions.size());
    upper_ids_.reserve(gem_.reactions.size());
    for (const Reaction& r : gem_.reactions) {
      if (std::isnan(r.lower_bound) || std::isnan(r.upper_bound)) {
        throw Error("write_sbml: reaction '" + r.id + "' has a NaN bound; expected numbers");
      }
      lower_ids_.push_back(bound_parameter(r.lower_bound, r.id, "_lower_bound"));
      upper_ids_.push_back(bound_parameter(r.upper_bound, r.id, "_upper_bound"));
    }
    out_.OpenElement("listOfParameters");
    auto parameter = [&](const std::string& id, double value) {
      out_.OpenElement("parameter");
      out_.PushAttribute("id", id.c_str());
      out_.PushAttribute("value", format_double(value).c_str());
      out_.PushAttribute("constant", "true");
      out_.PushAttribute("sboTerm", "SBO:0000626");
      out_.CloseElement();
    };
    for (const auto& [value, id] : shared_bounds_) parameter(id, value);
    for (const auto& [id, value] : own_bounds_) parameter(id, value);
    out_.CloseElement();
  }

  void write_reagents(const Reaction& r, const char* list, bool reactants) {
    bool open = false;
    for (const auto& [met, coefficient] : r.stoichiometry) {
      if ((coefficient < 0) != reactants || coefficient == 0.0) continue;
      if (met < 0 || static_cast<std::size_t>(met) >= gem_.metabolites.size()) {
        throw Error("write_sbml: reaction '" + r.id + "' refers to metabolite index " + std::to_string(met) +
                    "; expected 0.." + std::to_string(gem_.metabolites.size()) + " - 1");
      }
      if (!open) out_.OpenElement(list);
      open = true;
      out_.OpenElement("speciesReference");
      out_.PushAttribute("species", gem_.metabolites[static_cast<std::size_t>(met)].id.c_str());
      out_.PushAttribute("stoichiometry", format_double(std::fabs(coefficient)).c_str());
      out_.PushAttribute("constant", "true");
      out_.CloseElement();
    }
    if (open) out_.CloseElement();
  }

  void write_gpr(const Reaction& r, const Gpr& gpr) {
    if (gpr.kind != Gpr::Kind::Gene && gpr.children.empty()) {
      throw Error("write_sbml: reaction '" + r.id + "' has an and/or GPR node without operands; expected at least one");
    }
    if (gpr.kind == Gpr::Kind::Gene) {
      out_.OpenElement("fbc:geneProductRef");
      out_.PushAttribute("fbc:geneProduct", gene_id(gpr.gene).c_str());
      out_.CloseElement();
      return;
    }
    out_.OpenElement(gpr.kind == Gpr::Kind::And ? "fbc:and" : "fbc:or");
    for (const Gpr& child : gpr.children) write_gpr(r, child);
    out_.CloseElement();
  }

  void write_reactions() {
    out_.OpenElement("listOfReactions");
    for (std::size_t i = 0; i < gem_.reactions.size(); ++i) {
      const Reaction& r = gem_.reactions[i];
      out_.OpenElement("reaction");
      out_.PushAttribute("id", r.id.c_str());
      if (!r.name.empty()) out_.PushAttribute("name", r.name.c_str());
      out_.PushAttribute("reversible", r.reversible ? "true" : "false");
      out_.PushAttribute("fast", "false");
      out_.PushAttribute("fbc:lowerFluxBound", lower_ids_[i].c_str());
      out_.PushAttribute("fbc:upperFluxBound", upper_ids_[i].c_str());
      if (!r.subsystem.empty()) {
        // COBRApy keeps notes as a dict; minn reads SUBSYSTEM back from here.
        out_.OpenElement("notes");
        out_.OpenElement("body");
        out_.PushAttribute("xmlns", "http://www.w3.org/1999/xhtml");
        out_.OpenElement("p");
        out_.PushText(("SUBSYSTEM: " + r.subsystem).c_str());
        out_.CloseElement(/*compact=*/true);
        out_.CloseElement();
        out_.CloseElement();
      }
      write_reagents(r, "listOfReactants", true);
      write_reagents(r, "listOfProducts", false);
      if (r.gpr) {
        out_.OpenElement("fbc:geneProductAssociation");
        write_gpr(r, *r.gpr);
        out_.CloseElement();
      }
      out_.CloseElement();
    }
    out_.CloseElement();
  }

  void write_objective() {
    out_.OpenElement("fbc:listOfObjectives");
    out_.PushAttribute("fbc:activeObjective", "obj");
    out_.OpenElement("fbc:objective");
    out_.PushAttribute("fbc:id", "obj");
    out_.PushAttribute("fbc:type", gem_.objective_maximize ? "maximize" : "minimize");
    out_.OpenElement("fbc:listOfFluxObjectives");
    for (const Reaction& r : gem_.reactions) {
      if (r.objective_coefficient == 0.0) continue;
      out_.OpenElement("fbc:fluxObjective");
      out_.PushAttribute("fbc:reaction", r.id.c_str());
      out_.PushAttribute("fbc:coefficient", format_double(r.objective_coefficient).c_str());
      out_.CloseElement();
    }
    out_.CloseElement();
    out_.CloseElement();
    out_.CloseElement();
  }

  void write_gene_products() {
    out_.OpenElement("fbc:listOfGeneProducts");
    for (const Gene& g : gem_.genes) {
      out_.OpenElement("fbc:geneProduct");
      const std::string& id = gene_id(g.id);
      out_.PushAttribute("fbc:id", id.c_str());
      // fbc:label is required; BiGG uses the locus tag, which is the id without "G_".
      const std::string label = id.rfind("G_", 0) == 0 ? id.substr(2) : id;
      out_.PushAttribute("fbc:label", label.c_str());
      if (!g.name.empty()) out_.PushAttribute("fbc:name", g.name.c_str());
      out_.CloseElement();
    }
    out_.CloseElement();
  }

  const Gem& gem_;
  tinyxml2::XMLPrinter out_;
  std::unordered_set<std::string> used_ids_;
  std::vector<Compartment> compartments_;
  std::unordered_map<std::string, std::string> gene_ids_;  // gene id -> id written
  std::vector<std::pair<double, std::string>> shared_bounds_;
  std::vector<std::pair<std::string, double>> own_bounds_;
  std::vector<std::string> lower_ids_;
  std::vector<std::string> upper_ids_;
};

}  // namespace

std::string sbml_text(const Gem& gem) { return SbmlWriter(gem).write(); }

void write_sbml(const Gem& gem, const std::string& path) { replace_file_bytes(path, sbml_text(gem)); }

}  // namespace minn
