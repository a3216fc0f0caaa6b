#include "report/predict_report.hpp"

#include <set>

#include "common/file_bytes.hpp"
#include "common/sha256.hpp"
#include "data/ishii_dataset.hpp"
#include "emit/batch_predict.hpp"
#include "emit/model_dataset.hpp"
#include "model/model_file.hpp"
#include "report/published_rows.hpp"

namespace minn::report {

ReportData predict_report_data(const std::string& model_path, const std::string& data_dir) {
  const MinnModel model = load_model(model_path);
  const emit::InputRows rows = emit::load_input_rows(data_dir, model);
  const emit::Predictions p = emit::predict_rows(model, emit::Precision::F32, rows);
  const Dataset data = load_ishii(data_dir, emit::reaction_id_gem(model));
  const std::set<std::string> inputs(model.input_names.begin(), model.input_names.end());

  ReportData d;
  d.title = model.gem_id + ": " + model_path;
  d.kind = "Predictions of minnc predict (the host reference, bit-identical with the generated firmware) on " +
           data_dir + ". Experiments the model was trained on are not held out: these are fitted values.";
  d.facts = {"model: " + model_path + " (SHA-256 " + model_sha256(model_path) + ")",
             "trained by: " + model.provenance.command, "dataset: " + data_dir + " (SHA-256 " + data.sha256 + ")"};
  d.experiments = rows.experiments;
  std::vector<std::size_t> scored;
  for (std::size_t k = 0; k < data.target_ids.size(); ++k)
    if (!inputs.count(data.target_ids[k])) scored.push_back(k);
  const auto n_e = static_cast<Eigen::Index>(rows.experiments.size());
  d.measured.resize(static_cast<Eigen::Index>(scored.size()), n_e);
  d.predicted.resizeLike(d.measured);
  for (std::size_t k = 0; k < scored.size(); ++k) {
    d.flux_ids.push_back(data.target_ids[scored[k]]);
    for (Eigen::Index e = 0; e < n_e; ++e) {
      // Input rows come from the same directory in the same order as the dataset's experiments.
      d.measured(static_cast<Eigen::Index>(k), e) = data.targets(e, static_cast<Eigen::Index>(scored[k]));
      d.predicted(static_cast<Eigen::Index>(k), e) =
          p.fluxes[static_cast<std::size_t>(e)][static_cast<std::size_t>(data.target_reactions[scored[k]])];
    }
  }
  d.metabolite_ids = model.metabolite_ids;
  d.residual = Eigen::MatrixXd::Zero(model.S.rows, n_e);
  for (Eigen::Index e = 0; e < n_e; ++e)
    for (int i = 0; i < model.S.rows; ++i)
      for (std::int32_t k = model.S.row_ptr[static_cast<std::size_t>(i)];
           k < model.S.row_ptr[static_cast<std::size_t>(i) + 1]; ++k)
        d.residual(i, e) += static_cast<double>(model.S.values[static_cast<std::size_t>(k)]) *
                            p.fluxes[static_cast<std::size_t>(e)][static_cast<std::size_t>(model.S.col_index[static_cast<std::size_t>(k)])];
  int beyond = 0, failed = 0;
  for (int s : p.status) {
    if (s > 0) ++beyond;
    if (s < 0) ++failed;
  }
  if (beyond > 0 || failed > 0)
    d.notes.push_back(std::to_string(beyond) + " experiments had an input beyond the training envelope, " +
                      std::to_string(failed) + " a non-finite input (no prediction).");
  d.comparison = published_rows();
  d.notes.push_back("The paper's rows are held-out scores (nested leave-one-out); this report scores fitted "
                    "predictions, so it is not a like-for-like comparison: run minnc cv for that.");
  return d;
}

}  // namespace minn::report
