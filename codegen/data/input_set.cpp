#include "data/input_set.hpp"

#include "common/error.hpp"
#include "data/rate_columns.hpp"

namespace minn {

InputSet parse_input_set(const std::string& name) {
  if (name == "omics") return InputSet::Omics;
  if (name == "online") return InputSet::Online;
  throw Error("--inputs '" + name + "': expected omics or online");
}

std::string input_set_name(InputSet set) { return set == InputSet::Online ? "online" : "omics"; }

Dataset with_online_inputs(const Dataset& d, const Gem& gem, const GenotypeIndicators* genotype) {
  Dataset out = d;
  out.input_names.clear();
  out.input_units.clear();
  const std::vector<std::string> ids = named_rate_ids("online", gem);
  const Eigen::Index extra = genotype ? static_cast<Eigen::Index>(genotype->names.size()) : 0;
  out.inputs.resize(d.targets.rows(), static_cast<Eigen::Index>(ids.size()) + extra);
  for (std::size_t k = 0; k < ids.size(); ++k) {
    int column = -1;
    for (std::size_t c = 0; c < d.target_ids.size(); ++c)
      if (d.target_ids[c] == ids[k]) column = static_cast<int>(c);
    if (column < 0) throw Error("--inputs online: the dataset does not measure '" + ids[k] + "'");
    const Reaction& r = gem.reactions[static_cast<std::size_t>(d.target_reactions[static_cast<std::size_t>(column)])];
    out.input_names.push_back(ids[k]);
    out.input_units.push_back(r.objective_coefficient != 0.0 ? "1/h" : "mmol/gDW/h");
    out.inputs.col(static_cast<Eigen::Index>(k)) = d.targets.col(column);
  }
  if (genotype) {
    if (genotype->values.rows() != d.targets.rows())
      throw Error("--genotype-input: indicators for " + std::to_string(genotype->values.rows()) +
                  " experiments, the dataset has " + std::to_string(d.targets.rows()));
    for (std::size_t k = 0; k < genotype->names.size(); ++k) {
      out.input_names.push_back(genotype->names[k]);
      out.input_units.push_back("0/1");
    }
    out.inputs.rightCols(extra) = genotype->values;
  }
  return out;
}

namespace {

// The loader's omics columns: every input that is not a measured rate (unit "a.u.").
Eigen::MatrixXd omics_columns(const Dataset& d) {
  std::vector<Eigen::Index> columns;
  for (std::size_t k = 0; k < d.input_units.size(); ++k)
    if (d.input_units[k] == "a.u.") columns.push_back(static_cast<Eigen::Index>(k));
  Eigen::MatrixXd out(d.inputs.rows(), static_cast<Eigen::Index>(columns.size()));
  for (std::size_t k = 0; k < columns.size(); ++k) out.col(static_cast<Eigen::Index>(k)) = d.inputs.col(columns[k]);
  return out;
}

}  // namespace

ModelInputs model_inputs(Dataset loaded, const Gem& gem, InputSet set, bool genotype_input) {
  ModelInputs out;
  out.omics = omics_columns(loaded);
  if (set == InputSet::Omics) {
    if (genotype_input) throw Error("--genotype-input needs --inputs online (omics models take no genotype)");
    out.dataset = std::move(loaded);
    return out;
  }
  out.knockouts = genotype_knockouts(gem, loaded.experiments);
  const GenotypeIndicators indicators = genotype_indicators(gem, out.knockouts);
  out.dataset = with_online_inputs(loaded, gem, genotype_input ? &indicators : nullptr);
  return out;
}

std::vector<std::vector<int>> reactions_closed_by_input(const ModelInputs& prepared, const Gem& gem) {
  const Dataset& d = prepared.dataset;
  std::vector<std::vector<int>> out(d.input_names.size());
  if (prepared.knockouts.reactions.empty()) return out;
  const GenotypeIndicators indicators = genotype_indicators(gem, prepared.knockouts);
  for (std::size_t i = 0; i < d.input_names.size(); ++i)
    for (std::size_t k = 0; k < indicators.names.size(); ++k)
      if (d.input_names[i] == indicators.names[k])
        for (std::size_t r = 0; r < prepared.knockouts.reactions.size(); ++r)
          if (indicators.indicator_of_reaction[r] == static_cast<int>(k)) out[i].push_back(prepared.knockouts.reactions[r]);
  return out;
}

InputReactions input_reactions(const Dataset& d, const Gem& gem) {
  InputReactions out;
  for (const std::string& name : d.input_names) {
    const int r = gem.reaction_index(name);
    if (r < 0) continue;
    out.measured.push_back(r);
    const int other = split_partner(gem, name);
    if (other >= 0) out.opposite.push_back(other);
  }
  return out;
}

void append_knockout_rows(const GenotypeKnockouts& ko, std::vector<int>& pin, Eigen::MatrixXd& vin) {
  if (ko.reactions.empty()) return;
  if (vin.cols() != ko.upper_bounds.rows())
    throw Error("knockout bounds for " + std::to_string(ko.upper_bounds.rows()) + " experiments, Vin has " +
                std::to_string(vin.cols()));
  pin.insert(pin.end(), ko.reactions.begin(), ko.reactions.end());
  const Eigen::Index rows = vin.rows();
  vin.conservativeResize(rows + ko.upper_bounds.cols(), Eigen::NoChange);
  vin.bottomRows(ko.upper_bounds.cols()) = ko.upper_bounds.transpose();
}

}  // namespace minn
