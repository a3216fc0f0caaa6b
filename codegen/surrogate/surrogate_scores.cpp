#include "surrogate/surrogate_scores.hpp"

namespace minn::surrogate {

SurrogateScores score_surrogate(const train::Mechanics& mech, const Eigen::MatrixXd& truth,
                                const Eigen::MatrixXd& predicted, const std::vector<int>& scored) {
  const Eigen::Index rows = static_cast<Eigen::Index>(scored.size());
  Eigen::MatrixXd t(rows, truth.cols()), p(rows, truth.cols());
  for (Eigen::Index i = 0; i < rows; ++i) {
    t.row(i) = truth.row(scored[static_cast<std::size_t>(i)]);
    p.row(i) = predicted.row(scored[static_cast<std::size_t>(i)]);
  }
  SurrogateScores s;
  s.flux = train::summarize_metrics(t, p);
  const Eigen::MatrixXd SV = mech.S() * predicted;
  s.residual = SV.colwise().squaredNorm().mean() / mech.m();
  return s;
}

Eigen::MatrixXd mean_predictor(const Eigen::MatrixXd& training_fluxes, Eigen::Index samples) {
  return training_fluxes.rowwise().mean().replicate(1, samples);
}

}  // namespace minn::surrogate
