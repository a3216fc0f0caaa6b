// Gem queries: lookups, the sparse stoichiometric matrix, counts.
#include "gem/gem.hpp"

#include <algorithm>

namespace minn {

Reaction::Reaction(const Reaction& other)
    : id(other.id),
      name(other.name),
      lower_bound(other.lower_bound),
      upper_bound(other.upper_bound),
      reversible(other.reversible),
      objective_coefficient(other.objective_coefficient),
      stoichiometry(other.stoichiometry),
      gpr(other.gpr ? std::make_unique<Gpr>(*other.gpr) : nullptr),
      subsystem(other.subsystem),
      source_line(other.source_line) {}

Reaction& Reaction::operator=(const Reaction& other) {
  if (this != &other) {
    Reaction copy(other);
    *this = std::move(copy);
  }
  return *this;
}

namespace {

template <typename Items>
int index_of(const Items& items, const std::string& id) {
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (items[i].id == id) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

int Gem::reaction_index(const std::string& reaction_id) const { return index_of(reactions, reaction_id); }
int Gem::metabolite_index(const std::string& metabolite_id) const { return index_of(metabolites, metabolite_id); }
int Gem::gene_index(const std::string& gene_id) const { return index_of(genes, gene_id); }

CsrMatrix Gem::stoichiometry() const {
  CsrMatrix s;
  s.rows = static_cast<int>(metabolites.size());
  s.cols = static_cast<int>(reactions.size());
  s.row_ptr.assign(static_cast<std::size_t>(s.rows) + 1, 0);
  // Counting pass, then fill by reaction order: columns come out increasing inside each row.
  for (const Reaction& r : reactions) {
    for (const auto& [met, coef] : r.stoichiometry) {
      if (coef != 0.0) ++s.row_ptr[static_cast<std::size_t>(met) + 1];
    }
  }
  for (int r = 0; r < s.rows; ++r) s.row_ptr[r + 1] += s.row_ptr[r];
  s.col_index.resize(static_cast<std::size_t>(s.row_ptr.back()));
  s.values.resize(s.col_index.size());
  std::vector<int> next(s.row_ptr.begin(), s.row_ptr.end() - 1);
  for (int j = 0; j < s.cols; ++j) {
    // A reaction may list its metabolites in any order; sorting keeps rows deterministic.
    auto entries = reactions[static_cast<std::size_t>(j)].stoichiometry;
    std::sort(entries.begin(), entries.end());
    for (const auto& [met, coef] : entries) {
      if (coef == 0.0) continue;
      const int at = next[static_cast<std::size_t>(met)]++;
      s.col_index[static_cast<std::size_t>(at)] = j;
      s.values[static_cast<std::size_t>(at)] = coef;
    }
  }
  return s;
}

std::size_t Gem::stoichiometry_nonzeros() const {
  std::size_t n = 0;
  for (const Reaction& r : reactions) {
    for (const auto& entry : r.stoichiometry) {
      if (entry.second != 0.0) ++n;
    }
  }
  return n;
}

int Gem::reversible_count() const {
  return static_cast<int>(
      std::count_if(reactions.begin(), reactions.end(), [](const Reaction& r) { return r.reversible; }));
}

std::vector<int> Gem::objective_reactions() const {
  std::vector<int> out;
  for (std::size_t i = 0; i < reactions.size(); ++i) {
    if (reactions[i].objective_coefficient != 0.0) out.push_back(static_cast<int>(i));
  }
  return out;
}

std::vector<int> Gem::exchange_reactions() const {
  std::vector<int> out;
  for (std::size_t i = 0; i < reactions.size(); ++i) {
    if (reactions[i].stoichiometry.size() == 1) out.push_back(static_cast<int>(i));
  }
  return out;
}

}  // namespace minn
