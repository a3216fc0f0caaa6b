// Evaluation and printing of GPR trees (COBRApy semantics).
#include <set>
#include <string>

#include "gem/gem.hpp"

namespace minn {

bool Gpr::active(const std::set<std::string>& knocked_out) const {
  switch (kind) {
    case Kind::Gene:
      return knocked_out.count(gene) == 0;
    case Kind::And:
      for (const Gpr& child : children) {
        if (!child.active(knocked_out)) return false;
      }
      return true;
    case Kind::Or:
      for (const Gpr& child : children) {
        if (child.active(knocked_out)) return true;
      }
      return children.empty();
  }
  return true;
}

namespace {

void append_gpr(const Gpr& gpr, bool nested, std::string& out) {
  if (gpr.kind == Gpr::Kind::Gene) {
    out += gpr.gene;
    return;
  }
  // Like COBRApy, every and/or below the top level is parenthesised, so the text parses back
  // to the same tree.
  if (nested) out += '(';
  const char* separator = gpr.kind == Gpr::Kind::And ? " and " : " or ";
  for (std::size_t i = 0; i < gpr.children.size(); ++i) {
    if (i > 0) out += separator;
    append_gpr(gpr.children[i], true, out);
  }
  if (nested) out += ')';
}

}  // namespace

std::string Gpr::to_string() const {
  std::string out;
  append_gpr(*this, false, out);
  return out;
}

}  // namespace minn
