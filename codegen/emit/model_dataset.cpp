#include "emit/model_dataset.hpp"

#include <algorithm>

#include "common/error.hpp"
#include "data/ishii_dataset.hpp"

namespace minn::emit {

Gem reaction_id_gem(const MinnModel& model) {
  Gem gem;
  gem.id = model.gem_id;
  for (const std::string& id : model.reaction_ids) {
    Reaction r;
    r.id = id;
    for (const std::string& measured : model.pref_reactions) {
      if (measured == id) r.objective_coefficient = 1.0;
    }
    gem.reactions.push_back(std::move(r));
  }
  return gem;
}

namespace {

int column_of(const std::vector<std::string>& names, const std::string& name) {
  const auto it = std::find(names.begin(), names.end(), name);
  return it == names.end() ? -1 : static_cast<int>(it - names.begin());
}

const GenotypeInput* genotype_input(const MinnModel& model, int input) {
  for (const GenotypeInput& g : model.genotype_inputs)
    if (g.input == input) return &g;
  return nullptr;
}

bool needs_measured_fluxes(const MinnModel& model, const IshiiInputs& loaded) {
  for (int i = 0; i < model.num_inputs(); ++i)
    if (column_of(loaded.input_names, model.input_names[static_cast<std::size_t>(i)]) < 0 &&
        genotype_input(model, i) == nullptr)
      return true;
  return false;
}

}  // namespace

DatasetInputs dataset_inputs(const std::string& dir, const MinnModel& model) {
  const IshiiInputs loaded = load_ishii_inputs(dir);
  Dataset measured;  // loaded only when an input is a measured flux (online models)
  if (needs_measured_fluxes(model, loaded)) measured = load_ishii(dir, reaction_id_gem(model));
  DatasetInputs out;
  out.experiments = loaded.experiments;
  const auto rows = static_cast<Eigen::Index>(loaded.experiments.size());
  out.values.resize(rows, model.num_inputs());
  for (int i = 0; i < model.num_inputs(); ++i) {
    const std::string& name = model.input_names[static_cast<std::size_t>(i)];
    if (const int c = column_of(loaded.input_names, name); c >= 0) {
      out.values.col(i) = loaded.inputs.col(c);
    } else if (const GenotypeInput* g = genotype_input(model, i)) {
      for (Eigen::Index e = 0; e < rows; ++e) {
        const std::string& strain = loaded.experiments[static_cast<std::size_t>(e)];
        out.values(e, i) = std::find(g->genes.begin(), g->genes.end(), strain) != g->genes.end() ? 1.0 : 0.0;
      }
    } else if (const int t = column_of(measured.target_ids, name); t >= 0) {
      out.values.col(i) = measured.targets.col(t);
    } else {
      throw Error(dir + ": the model's input " + std::to_string(i) + " '" + name +
                  "' is neither a transcript, protein or uptake of the dataset, nor a measured flux of " +
                  kIshiiFluxomics + ", nor a genotype input");
    }
  }
  return out;
}

}  // namespace minn::emit
