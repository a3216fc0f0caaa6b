#include "train/genotype_switches.hpp"

#include <algorithm>

#include "common/error.hpp"

namespace minn::train {
namespace {

int input_index(const MinnModel& m, const std::string& name) {
  const auto it = std::find(m.input_names.begin(), m.input_names.end(), name);
  return it == m.input_names.end() ? -1 : static_cast<int>(it - m.input_names.begin());
}

void add_unique(std::vector<std::string>& list, const std::string& item) {
  if (!item.empty() && std::find(list.begin(), list.end(), item) == list.end()) list.push_back(item);
}

}  // namespace

void add_genotype_switches(MinnModel& m, const GenotypeKnockouts& ko, const GenotypeIndicators& indicators,
                           const std::vector<std::string>& experiments, int first_knockout_row) {
  if (ko.reactions.empty()) return;
  if (indicators.indicator_of_reaction.size() != ko.reactions.size() ||
      static_cast<std::size_t>(indicators.values.rows()) != experiments.size() ||
      ko.genes.size() != experiments.size())
    throw Error("model: genotype indicators do not match the knockouts (" +
                std::to_string(indicators.indicator_of_reaction.size()) + " reactions, " +
                std::to_string(ko.reactions.size()) + " knocked out)");
  if (first_knockout_row < 0 ||
      first_knockout_row + ko.reactions.size() > m.pin_reactions.size())
    throw Error("model: the knockout Pin rows start at " + std::to_string(first_knockout_row) + " but the model has " +
                std::to_string(m.pin_reactions.size()) + " Pin rows");
  std::vector<int> input_of(indicators.names.size());
  for (std::size_t c = 0; c < indicators.names.size(); ++c) {
    int index = input_index(m, indicators.names[c]);
    if (index < 0) {  // not a network input: a genotype input read only by the bounds
      index = m.num_inputs();
      m.input_names.push_back(indicators.names[c]);
      m.input_units.push_back("0/1");
      m.scaler_min.push_back(0.0f);
      m.scaler_range.push_back(1.0f);
      m.envelope_min.push_back(0.0f);
      m.envelope_max.push_back(1.0f);
    }
    input_of[c] = index;
    GenotypeInput input{index, {}};
    for (std::size_t e = 0; e < experiments.size(); ++e)
      if (indicators.values(static_cast<Eigen::Index>(e), static_cast<Eigen::Index>(c)) == 1.0) {
        add_unique(input.genes, experiments[e]);
        add_unique(input.genes, ko.genes[e]);
      }
    m.genotype_inputs.push_back(std::move(input));
  }
  m.pin_switch_input.assign(m.pin_reactions.size(), -1);
  for (std::size_t k = 0; k < ko.reactions.size(); ++k) {
    const std::size_t row = static_cast<std::size_t>(first_knockout_row) + k;
    if (m.pin_reactions[row] != ko.reactions[k])
      throw Error("model: Pin row " + std::to_string(row) + " selects reaction " + std::to_string(m.pin_reactions[row]) +
                  ", expected the knocked-out reaction " + ko.reaction_ids[k]);
    m.pin_switch_input[row] = input_of[static_cast<std::size_t>(indicators.indicator_of_reaction[k])];
  }
}

}  // namespace minn::train
