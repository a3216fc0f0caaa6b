#include "data/genotype_knockouts.hpp"

#include <set>

namespace minn {
namespace {

// The gene ids an experiment names: by id, by id without "G_", or by name (every gene of that name).
std::set<std::string> genes_named(const Gem& gem, const std::string& name) {
  std::set<std::string> ids;
  for (const Gene& g : gem.genes)
    if (g.id == name || g.id == "G_" + name || g.name == name) ids.insert(g.id);
  return ids;
}

// R_PGI for R_PGI_fwd when the GEM also has R_PGI_rev (a split pair); the id itself otherwise.
std::string unsplit_id(const Gem& gem, const std::string& id) {
  return split_partner(gem, id) >= 0 ? id.substr(0, id.size() - 4) : id;
}

}  // namespace

bool is_wild_type(const std::string& experiment) {
  return experiment == "REF" || experiment.rfind("WT_", 0) == 0;
}

GenotypeKnockouts genotype_knockouts(const Gem& gem, const std::vector<std::string>& experiments) {
  GenotypeKnockouts out;
  std::vector<std::set<int>> disabled(experiments.size());
  std::set<int> any;
  for (std::size_t e = 0; e < experiments.size(); ++e) {
    const std::string& name = experiments[e];
    out.genes.emplace_back();
    if (is_wild_type(name)) continue;
    const std::set<std::string> genes = genes_named(gem, name);
    if (genes.empty()) {
      out.absent.push_back(name);
      continue;
    }
    for (const std::string& g : genes) out.genes.back() += (out.genes.back().empty() ? "" : ",") + g;
    for (std::size_t j = 0; j < gem.reactions.size(); ++j) {
      const Reaction& r = gem.reactions[j];
      if (r.gpr && !r.gpr->active(genes)) {
        disabled[e].insert(static_cast<int>(j));
        any.insert(static_cast<int>(j));
      }
    }
    if (disabled[e].empty()) out.no_effect.push_back(name);
  }
  out.reactions.assign(any.begin(), any.end());
  for (int j : out.reactions) out.reaction_ids.push_back(gem.reactions[static_cast<std::size_t>(j)].id);
  out.upper_bounds = Eigen::MatrixXd::Constant(static_cast<Eigen::Index>(experiments.size()),
                                               static_cast<Eigen::Index>(out.reactions.size()), kInfinity);
  for (std::size_t e = 0; e < experiments.size(); ++e)
    for (std::size_t k = 0; k < out.reactions.size(); ++k)
      if (disabled[e].count(out.reactions[k]))
        out.upper_bounds(static_cast<Eigen::Index>(e), static_cast<Eigen::Index>(k)) = 0.0;
  return out;
}

std::string unbounded_knockouts_note(const GenotypeKnockouts& ko, const std::string& gem_id) {
  const auto join = [](const std::vector<std::string>& names) {
    std::string text;
    for (const std::string& n : names) text += (text.empty() ? "" : ", ") + n;
    return text;
  };
  std::string note;
  if (!ko.absent.empty()) note += join(ko.absent) + " (no such gene in the GEM '" + gem_id + "')";
  if (!ko.no_effect.empty())
    note += (note.empty() ? "" : "; ") + join(ko.no_effect) + " (the GPR disables no reaction: isozymes)";
  return note.empty() ? note : "knockouts without a bound, treated as the wild type: " + note;
}

GenotypeIndicators genotype_indicators(const Gem& gem, const GenotypeKnockouts& ko) {
  GenotypeIndicators out;
  std::vector<int> column_of(ko.reactions.size());
  for (std::size_t k = 0; k < ko.reaction_ids.size(); ++k) {
    const std::string name = "ko_" + unsplit_id(gem, ko.reaction_ids[k]);
    int column = -1;
    for (std::size_t c = 0; c < out.names.size(); ++c)
      if (out.names[c] == name) column = static_cast<int>(c);
    if (column < 0) {
      column = static_cast<int>(out.names.size());
      out.names.push_back(name);
    }
    column_of[k] = column;
  }
  out.values = Eigen::MatrixXd::Zero(ko.upper_bounds.rows(), static_cast<Eigen::Index>(out.names.size()));
  for (Eigen::Index e = 0; e < ko.upper_bounds.rows(); ++e)
    for (std::size_t k = 0; k < column_of.size(); ++k)
      if (ko.upper_bounds(e, static_cast<Eigen::Index>(k)) == 0.0) out.values(e, column_of[k]) = 1.0;
  out.indicator_of_reaction = column_of;
  return out;
}

}  // namespace minn
