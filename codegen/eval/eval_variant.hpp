// The MINN variants of the paper's Tables 2 and 3 as `minnc cv --variant` names, and how each one
// maps a point of the search onto the trainer's options.
#pragma once
#include <string>
#include <vector>

#include "eval/hyper_space.hpp"
#include "train/trainer.hpp"

namespace minn::eval {

enum class EvalVariant {
  MseBase,         // MSE data term + L_mech, c = 1 (the original MINN loss)
  Unbalanced,      // NE + L_mech, c = 1
  CBalanced,       // c * NE + L_mech, c searched
  DividedLoss,     // NE only; the mechanistic terms act through the refinement
  Bound,           // c-balanced with a multiplicative penalty on L_mech above a threshold
  Balancing,       // each term divided by an EMA of its past values (Hu et al. 2018)
  Scheduler,       // 90 % mech / 10 % data, linear transition, data weight searched in [0.8, 1]
  SchedulerBound,  // scheduler + the bound penalty
  FbaFit,          // c-balanced trained on the FBA-fit targets
  PureNn,          // K = 0 and no mechanistic loss: the network alone, NE loss
  Reservoir,       // MINN-reservoir: omics + uptakes -> five exchanges -> a frozen pFBA surrogate (eval/reservoir_cv.hpp)
  // Baselines (eval/baselines.hpp): no network, scored by the same code on the same splits.
  MeanProfile,     // the training rows' mean flux profile
  ScaledProfile,   // the training rows' mean yield profile x the held-out glucose uptake
  Ridge,           // ridge regression on the MINN's inputs to yields, lambda from the inner folds
  RidgeLoo,        // the same, lambda by leave-one-out: the ridge-residual MINN's base (train/linear_base.hpp)
  Pfba,            // pFBA with the measured uptakes and the knockout (lp/pfba_predictor.hpp)
};

// The bound variants' ceiling on the per-sample L_mech (||SV||^2/m + bound + positivity terms) and
// the factor applied above it. The paper gives no numbers. Measured: `minnc train` (c-balanced,
// default point, safe step) ends at L_mech = 0.25 per sample on split e_coli_core; a ceiling of
// 0.1 asks for well under half of that, and a factor 10 makes the mechanistic term dominate above it.
inline constexpr double kBoundThreshold = 0.1;
inline constexpr double kBoundPenalty = 10.0;
// Decay of the balancing variant's moving averages (per mini-batch).
inline constexpr double kBalancingDecay = 0.9;

struct VariantSetup {
  EvalVariant id = EvalVariant::CBalanced;
  std::string name;
  bool search_c = false;            // c in {10..50}; otherwise c = 1 (or unused)
  bool search_data_weight = false;  // scheduler variants
  bool fit_targets = false;         // trains on fluxomics_iAF1260_reduced_split_fit.csv
  int default_trials = 15;
  int default_epochs = 100;         // scheduler: 30 + 40 + 80
  bool baseline = false;            // no training: eval/baselines.hpp
};

VariantSetup variant_setup(const std::string& name);  // throws minn::Error listing the names
std::vector<std::string> variant_names();

HyperSpace search_space(const VariantSetup& v);

// Trainer options for one training of variant v at point p (hidden, dropout, lr, weight decay,
// c, data weight), keeping epochs, batch, steps, momentum and refinement step from `base`.
train::TrainOptions training_options(const VariantSetup& v, const HyperPoint& p, const train::TrainOptions& base);

}  // namespace minn::eval
