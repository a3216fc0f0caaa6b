#include "eval/reservoir_cv.hpp"

#include <cstdio>
#include <algorithm>
#include <limits>

#include "common/error.hpp"
#include "data/rate_columns.hpp"
#include "lp/pfba_predictor.hpp"
#include "surrogate/rate_set.hpp"
#include "surrogate/surrogate_job.hpp"

namespace minn::eval {
namespace {

int target_row(const Dataset& dataset, const std::string& id, const std::string& data_dir) {
  for (std::size_t t = 0; t < dataset.target_ids.size(); ++t)
    if (dataset.target_ids[t] == id) return static_cast<int>(t);
  throw Error(data_dir + ": the dataset has no measured flux '" + id + "' (a rate of the MINN-reservoir)");
}

Eigen::MatrixXd rows_of(const Eigen::MatrixXd& m, const std::vector<int>& rows) {
  Eigen::MatrixXd out(static_cast<Eigen::Index>(rows.size()), m.cols());
  for (std::size_t i = 0; i < rows.size(); ++i) out.row(static_cast<Eigen::Index>(i)) = m.row(rows[i]);
  return out;
}

}  // namespace

Reservoir build_reservoir(const Gem& unsplit, const Gem& split, const Dataset& data, const std::string& gem_path,
                          const std::string& data_dir, const ReservoirOptions& o) {
  Reservoir r;
  const std::vector<surrogate::Rate> rates = surrogate::resolve_rates("paper", split, data, data_dir);
  surrogate::SamplerOptions sampling;
  sampling.samples = o.samples;
  sampling.seed = o.seed;
  train::TrainOptions options = surrogate::default_training_options();
  options.seed = o.seed;
  if (o.epochs > 0) options.epochs = o.epochs;
  r.stage = surrogate::build_surrogate_stage(unsplit, split, gem_path, rates, sampling, options);
  for (std::size_t k = 0; k < rates.size(); ++k) {
    r.loss_rows.push_back(target_row(data, rates[k].id, data_dir));
    r.loss_reactions.push_back(r.stage.rate_reactions[k]);
  }
  r.frozen = std::make_shared<const train::FrozenMinn>(
      *r.stage.mech, *r.stage.model,
      Eigen::VectorXd::Constant(r.stage.mech->n_in(), std::numeric_limits<double>::infinity()));
  char line[256];
  std::snprintf(line, sizeof line,
                "stage one: surrogate 5 -> %d -> %d trained on %d pFBA samples (%lld draws, %lld infeasible), "
                "%d epochs, seed %llu, %.0f s",
                options.hidden, r.frozen->reactions(), r.stage.samples, r.stage.draws, r.stage.infeasible,
                options.epochs, static_cast<unsigned long long>(o.seed), r.stage.seconds);
  r.summary = line;
  return r;
}

FitPredict reservoir_fit_predict(std::shared_ptr<const Reservoir> reservoir) {
  return [reservoir](const train::TrainingSet& train, const train::TrainOptions& options,
                     const train::TrainingSet& predict) {
    const train::ReservoirModel model =
        train::train_reservoir(*reservoir->frozen, train.inputs, rows_of(train.targets, reservoir->loss_rows),
                               reservoir->loss_reactions, options);
    return train::predict_reservoir(*reservoir->frozen, model, predict.inputs);
  };
}

std::vector<OuterResult> reservoir_pfba(const Gem& unsplit, const std::string& data_dir, const Dataset& dataset,
                                        const Eigen::MatrixXd& truth, const Reservoir& reservoir,
                                        const std::vector<OuterResult>& outer, std::vector<std::string>& notes,
                                        Coupling coupling) {
  // The rates beyond the two uptakes, fixed at (or bounded by) the reservoir's predictions.
  std::vector<std::string> fixed_ids;
  std::vector<int> fixed_reactions;
  for (std::size_t k = 0; k < reservoir.stage.rates.size(); ++k) {
    const std::string& id = reservoir.stage.rates[k].id;
    if (id == kGlucoseUptakeInput || id == kOxygenUptakeInput) continue;
    if (coupling == Coupling::secretion_bounds && id == "R_EX_co2_e_fwd") continue;
    fixed_ids.push_back(id);
    fixed_reactions.push_back(reservoir.loss_reactions[k]);
  }
  const int glc = target_row(dataset, kGlucoseUptakeInput, data_dir), o2 = target_row(dataset, kOxygenUptakeInput, data_dir);
  PfbaRates rates;
  rates.fixed_are_predictions = true;
  rates.fixed_as_upper_bounds = coupling == Coupling::secretion_bounds;
  const Eigen::Index experiments = truth.cols();
  for (Eigen::Index e = 0; e < experiments; ++e) {
    rates.glucose.push_back(truth(glc, e));
    rates.oxygen.push_back(truth(o2, e));
    std::vector<double> values;
    for (std::size_t k = 0; k < fixed_ids.size(); ++k)
      values.push_back(truth(target_row(dataset, fixed_ids[k], data_dir), e));  // replaced below when held out
    rates.fixed.push_back(values);
  }
  for (const OuterResult& o : outer)
    for (std::size_t k = 0; k < fixed_ids.size(); ++k)
      rates.fixed[static_cast<std::size_t>(o.experiment)][k] = std::max(o.fluxes(fixed_reactions[k]), 0.0);
  const PfbaPredictorReport report = predict_ishii_with_pfba(unsplit, data_dir, "R_EX_glc__D_e", "R_EX_o2_e", fixed_ids, rates);
  std::vector<int> row_of_scored;
  for (const std::string& id : report.scored_ids) row_of_scored.push_back(target_row(dataset, id, data_dir));
  std::vector<OuterResult> out;
  for (const OuterResult& o : outer) {
    const PfbaPrediction& p = report.experiments[static_cast<std::size_t>(o.experiment)];
    if (!p.note.empty()) notes.push_back(p.experiment + ": " + p.note);
    OuterResult r;
    r.experiment = o.experiment;
    r.best = o.best;
    r.validation_ne = o.validation_ne;
    r.measured = Eigen::VectorXd::Constant(static_cast<Eigen::Index>(dataset.target_ids.size()),
                                           std::numeric_limits<double>::quiet_NaN());
    for (std::size_t k = 0; k < row_of_scored.size(); ++k) r.measured(row_of_scored[k]) = p.split_predicted[k];
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace minn::eval
