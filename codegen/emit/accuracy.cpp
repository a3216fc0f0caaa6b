#include "emit/accuracy.hpp"

#include <algorithm>

#include "data/ishii_dataset.hpp"
#include "emit/batch_predict.hpp"
#include "emit/model_dataset.hpp"
#include "gem/gem.hpp"
#include "train/metrics.hpp"

namespace minn::emit {
namespace {

double mean_ne(const Dataset& data, const std::vector<int>& scored, const Predictions& p) {
  Eigen::MatrixXd truth(scored.size(), data.targets.rows());
  Eigen::MatrixXd predicted(scored.size(), data.targets.rows());
  for (Eigen::Index e = 0; e < data.targets.rows(); ++e) {
    for (std::size_t k = 0; k < scored.size(); ++k) {
      truth(static_cast<Eigen::Index>(k), e) = data.targets(e, scored[k]);
      const float v = p.fluxes[e][data.target_reactions[scored[k]]];
      predicted(static_cast<Eigen::Index>(k), e) = std::max(0.0, static_cast<double>(v));
    }
  }
  return train::summarize_metrics(truth, predicted).mean.ne;
}

}  // namespace

AccuracyComparison compare_accuracy(const MinnModel& model, Precision other, const std::string& dir) {
  const Dataset data = load_ishii(dir, reaction_id_gem(model));
  std::vector<int> scored;
  for (std::size_t k = 0; k < data.target_ids.size(); ++k) {
    // An input is never scored as a prediction (the uptakes, or an online model's rates).
    if (std::find(model.input_names.begin(), model.input_names.end(), data.target_ids[k]) == model.input_names.end()) {
      scored.push_back(static_cast<int>(k));
    }
  }
  const InputRows rows = load_input_rows(dir, model);
  AccuracyComparison out;
  out.experiments = static_cast<int>(rows.rows.size());
  out.fluxes = static_cast<int>(scored.size());
  out.ne_f32 = mean_ne(data, scored, predict_rows(model, Precision::F32, rows));
  out.ne_other = mean_ne(data, scored, predict_rows(model, other, rows));
  return out;
}

}  // namespace minn::emit
