// Training a MINN: shuffled mini-batches, the network, the K-step refinement, the variant's loss,
// hand-written backpropagation through all of it, and Adam. Double precision by default; float32
// (the paper's PyTorch dtype) on request, with the model's parameters returned in double.
// Re-entrant (no global state): cross-validation may run several trainings on different threads,
// and a seed gives the same weights whatever runs next to it.
#pragma once
#include <Eigen/Core>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "train/loss.hpp"
#include "train/mechanics.hpp"
#include "train/network.hpp"
#include "train/refinement.hpp"
#include "train/scaler.hpp"
#include "train/step_size.hpp"

namespace minn::train {

// Per-batch weights of the NE data term and of L_mech, for the variants that change the balance
// during training (train/loss_weighting.hpp). Given the 1-based epoch and the batch's per-sample
// means of NE and L_mech; the weights are constants in the gradient.
struct LossWeights {
  double data = 1, mech = 1;
};
using LossWeighting = std::function<LossWeights(int epoch, double data, double mech)>;
// Called once per training, so that stateful weightings (moving averages) start fresh.
using LossWeightingFactory = std::function<LossWeighting()>;

// Scalar type of the training arithmetic. F64 is the default (models/e_coli_core.minn and every
// committed result were trained in double); F32 is what the paper's PyTorch code does (and the
// .minn file stores float32 weights), about half the memory traffic per mini-batch.
enum class Precision { F64, F32 };
Precision parse_precision(const std::string& name);  // "f64" | "f32"; throws minn::Error otherwise
std::string precision_name(Precision p);

// How the network's output becomes V0 (model/model.hpp, flux_scale_input and yield_offset).
// None: V0 = network(x). Uptake: V0 = u * network(x), u the raw measured glucose uptake, so the
// network predicts yields (flux per unit uptake) and need not learn the multiplication from 28
// rows. UptakeResidual: V0 = u * (network(x) + y0), y0 the training rows' mean yield profile
// completed to every reaction (train/yield_profile.hpp), with the output layer initialised to zero
// so that the untrained network is the uptake-scaled mean-profile baseline. RidgeResidual:
// V0 = u * (network(x) + ridge yields(x)), the ridge regression of the yields on the scaled inputs
// fitted on the training rows and completed to every reaction (train/linear_base.hpp), the
// output layer again zero at the start; the returned network has the base folded in.
// The loss is computed on the refined V as before; since S V = 0 is homogeneous, scaling V0 keeps
// the mechanistic terms meaningful, and neither the loss weights nor the automatic step change
// (the step depends on S, Pin and the penalties only, not on V0).
enum class FluxNormalisation { None, Uptake, UptakeResidual, RidgeResidual };
// none | glucose | glucose-residual | ridge-residual
FluxNormalisation parse_normalisation(const std::string& name);
std::string normalisation_name(FluxNormalisation n);

struct TrainOptions {
  Variant variant = Variant::CBalanced;
  double c = 20;
  int hidden = 250;
  double dropout = 0.25;
  double lr = 5e-4;
  double weight_decay = 1e-4;
  int epochs = 100;
  int batch = 5;
  std::uint64_t seed = 0;
  int steps = 8;          // K
  double momentum = 0.9;  // beta
  double fixed_step = 0;  // eta; 0 = auto (see step_size.hpp)
  Precision precision = Precision::F64;
  bool clip_inputs = false;  // the scaler saturates inputs outside the training range (train/scaler.hpp)
  LossWeightingFactory weighting;  // empty: the variant's own loss; set: NE and L_mech weighted per batch
  FluxNormalisation normalise = FluxNormalisation::None;
  int scale_input = -1;  // with normalise: the input row (raw units) holding the measured uptake
  // Weight w of the auxiliary head's loss (train/aux_head.hpp), predicting TrainingSet::aux_targets
  // from the hidden layer during training only; 0 = no head (training exactly as without it).
  double aux_weight = 0;
  // Data augmentation: Gaussian noise added to the network's inputs of every training batch, one
  // standard deviation per input in raw units (0: none; empty: no noise, training as without it).
  // For inputs a controller estimates with known noise (the growth rate from a biomass signal,
  // lib/minn/growth_rate.hpp), so the network learns to lean on the inputs it can trust.
  std::vector<double> input_noise_sd;
  // Per input: the split reactions a 1 on it closes (genotype inputs, data/input_set.hpp); empty =
  // none. With RidgeResidual the base adds each knockout's mechanistic response (train/linear_base.hpp).
  std::vector<std::vector<int>> input_closes;
  // The split reactions the inputs measure (the online rates), and their opposite split halves
  // (a measured rate is a net rate: the other direction carries nothing); may be empty.
  std::vector<int> input_reactions, input_reverse_reactions;
};

// Checks ranges; throws minn::Error naming the option.
void validate(const TrainOptions& options);

// The step size for these options (auto or fixed); computed once, reusable across trainings on
// the same GEM (e.g. every fold of a cross-validation).
StepChoice choose_step(const Mechanics& mech, const TrainOptions& options);

struct TrainingSet {
  Eigen::MatrixXd inputs;   // features x samples, raw units
  Eigen::MatrixXd targets;  // n_ref x samples (Pref order)
  Eigen::MatrixXd vin;      // n_in x samples (upper bounds of the Pin rows; +inf = none)
  Eigen::MatrixXd aux_targets;  // aux x samples, raw (e.g. the omics); empty = none. Used when aux_weight > 0

  int samples() const { return static_cast<int>(inputs.cols()); }
  TrainingSet subset(const std::vector<int>& columns) const;
};

struct EpochReport {
  int epoch = 0;      // 1-based
  double loss = 0;    // per-sample means over the epoch, training mode (dropout on)
  double data = 0;
  double mech = 0;
  double ne = 0;
  double aux = 0;     // the auxiliary head's weighted loss (0 without it)
};
using EpochCallback = std::function<void(const EpochReport&)>;

struct TrainedMinn {
  MinMaxScaler scaler;
  Network network;
  HeavyBall refinement;
  std::vector<EpochReport> history;
  int scale_input = -1;          // V0 = max(u, 0) * (network + yield_offset), u = raw input row; -1 none
  Eigen::VectorXd yield_offset;  // residual forms: n values; empty otherwise
  double ridge_lambda = 0;       // RidgeResidual: the base's regularisation (leave-one-out choice)
};

// Per-sample multipliers max(u, 0) of V0 for raw inputs (features x samples); empty without
// normalisation. The max keeps a faulty negative reading from flipping every flux's sign.
Eigen::VectorXd flux_scales(int scale_input, const Eigen::MatrixXd& raw_inputs);

TrainedMinn train_minn(const Mechanics& mech, const TrainingSet& data, const TrainOptions& options,
                       const StepChoice& step, const EpochCallback& on_epoch = {});

// Eval mode (no dropout), double: refined fluxes (n x samples); V0 receives the network output.
Eigen::MatrixXd predict_fluxes(const Mechanics& mech, const TrainedMinn& model, const Eigen::MatrixXd& raw_inputs,
                               const Eigen::MatrixXd& vin, Eigen::MatrixXd* V0 = nullptr);

}  // namespace minn::train
