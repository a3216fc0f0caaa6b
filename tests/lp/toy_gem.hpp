// A GEM small enough to solve by hand, built in memory (no SBML reader involved).
//
//   EX_A: A <=>        [-10, 1000]  (uptake of A is a negative flux, as in COBRApy)
//   R1:   A -> B       [0, 1000]    gene g1
//   R2:   A -> B       [0, 1000]    gene g2      (R1 and R2 are isozyme-like alternatives)
//   R5:   B -> A       [0, 1000]    no GPR       (with R1 or R2 it closes a futile cycle)
//   BIO:  B ->         [0, 1000]    gene g3, objective (maximise)
//
// By hand, from the balances BIO = R1 + R2 - R5 = -EX_A:
//   max BIO = 10; pFBA total |EX_A| + R1 + R2 + BIO = 10 + 10 + 10 = 30 (R5 = 0).
//   FVA at fraction 1: EX_A = -10, BIO = 10, R1, R2, R5 each in [0, 1000] (the cycle runs up to
//   R5's bound while R1 + R2 = 10 + R5 <= 2000). At fraction 0: EX_A in [-10, 0], BIO in [0, 10].
#pragma once
#include <memory>
#include <utility>

#include "gem/gem.hpp"

namespace minn::test {

inline Gpr gene_leaf(const char* id) {
  Gpr g;
  g.kind = Gpr::Kind::Gene;
  g.gene = id;
  return g;
}

inline Reaction toy_reaction(const char* id, std::vector<std::pair<int, double>> stoich, double lb,
                             double ub, const char* gene = nullptr) {
  Reaction r;
  r.id = id;
  r.lower_bound = lb;
  r.upper_bound = ub;
  r.reversible = lb < 0;
  r.stoichiometry = std::move(stoich);
  if (gene) r.gpr = std::make_unique<Gpr>(gene_leaf(gene));
  return r;
}

inline Gem toy_gem() {
  Gem g;
  g.id = "toy";
  g.metabolites.push_back({"M_A", "A", "c", "", 0, false});
  g.metabolites.push_back({"M_B", "B", "c", "", 0, false});
  g.genes = {{"g1", ""}, {"g2", ""}, {"g3", ""}};
  g.reactions.push_back(toy_reaction("R_EX_A", {{0, -1.0}}, -10.0, 1000.0));
  g.reactions.push_back(toy_reaction("R_R1", {{0, -1.0}, {1, 1.0}}, 0.0, 1000.0, "g1"));
  g.reactions.push_back(toy_reaction("R_R2", {{0, -1.0}, {1, 1.0}}, 0.0, 1000.0, "g2"));
  g.reactions.push_back(toy_reaction("R_R5", {{1, -1.0}, {0, 1.0}}, 0.0, 1000.0));
  g.reactions.push_back(toy_reaction("R_BIO", {{1, -1.0}}, 0.0, 1000.0, "g3"));
  g.reactions.back().objective_coefficient = 1.0;
  return g;
}

enum ToyReaction { kExA = 0, kR1 = 1, kR2 = 2, kR5 = 3, kBio = 4 };

}  // namespace minn::test
