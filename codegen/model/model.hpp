// A trained MINN as one self-contained object: what the .minn file stores (schema in
// schema/minn.fbs), what the trainer produces and what the emitter and `minnc predict` read.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace minn {

enum class Activation : std::uint8_t { None = 0, Relu = 1 };

// y = act(W x + b), W row-major [out][in].
struct DenseLayer {
  std::string name;            // e.g. "hidden", "output"
  int in = 0;
  int out = 0;
  std::vector<float> weights;  // out * in
  std::vector<float> bias;     // out
  Activation activation = Activation::None;
};

// Compressed sparse rows of S (metabolites x reactions), float values.
struct SparseRows {
  int rows = 0;
  int cols = 0;
  std::vector<std::int32_t> row_ptr;    // rows + 1
  std::vector<std::int32_t> col_index;  // nnz, strictly increasing within a row
  std::vector<float> values;            // nnz
};

// The most refinement steps a model may ask for: infer() runs all K in bounded but linear time, and
// a corrupt count (2^31, found by fuzzing the loader) would stall a firmware for hours. The
// paper uses 8; training and the loader refuse more than this.
inline constexpr int kMaxRefinementSteps = 10000;

// K heavy-ball steps on L(V) = ||S V||^2/m + ||relu(Pin V - Vin)||^2/n_in + ||relu(-V)||^2/n.
struct Refinement {
  int steps = 8;                 // K (0 = pure neural network)
  float step_size = 0.01f;       // eta
  float momentum = 0.9f;         // beta
  double lambda_max = 0.0;       // of (2/m) S^T S, recorded when the step size was chosen
  std::string step_rule;         // "auto" or "fixed"
};

struct Provenance {
  std::string minn_version;
  std::string dataset_sha256;
  std::uint64_t seed = 0;
  std::string variant;                                   // e.g. "c-balanced"
  std::vector<std::pair<std::string, double>> hyper_parameters;
  std::vector<std::pair<std::string, double>> training_metrics;
  std::string command;                                   // the command line that trained it
};

// A genotype input (online models): 1 when the strain lacks one of `genes`, 0 for a strain that
// has them all. The genes are the GEM's names and ids whose single knockout disables the input's
// reactions through their GPR (e.g. "pgi", "b4025" for ko_R_PGI), so a host tool can set the input
// from a strain name; the firmware just receives the 0/1 value.
struct GenotypeInput {
  int input = -1;                  // index into the inputs
  std::vector<std::string> genes;  // names and ids, in the training experiments' order
};

struct MinnModel {
  // Inputs, in order: raw sensor values; the scaler maps them to [0, 1] over the training rows.
  // The network reads the first layers[0].in of them; any further inputs are genotype inputs that
  // only switch refinement bounds (a model trained without the genotype as a network input).
  std::vector<std::string> input_names;
  std::vector<std::string> input_units;
  std::vector<float> scaler_min;       // per input
  std::vector<float> scaler_range;     // per input (max - min; 1 where the range is 0)
  std::vector<float> envelope_min;     // per input, seen in training (raw units)
  std::vector<float> envelope_max;
  float envelope_margin = 0.1f;        // fraction of the range tolerated beyond the envelope
  // Scaled inputs are saturated to [0, 1] before the network: a reading beyond the training range
  // is treated as the nearest value trained on instead of being extrapolated (train/scaler.hpp).
  bool clip_inputs = false;

  std::vector<DenseLayer> layers;      // hidden (ReLU) then output (none)

  // Uptake normalisation (`--normalise glucose[-residual]`): in a substrate-limited culture most
  // fluxes scale with the substrate uptake, so the network predicts fluxes per unit of one raw
  // input u (the measured glucose uptake) and the refinement starts from
  //   V0 = max(u, 0) * (output layer + yield_offset)
  // S V = 0 is homogeneous, so scaling V0 keeps the mechanistic terms meaningful. -1: no scaling.
  int flux_scale_input = -1;           // index into the inputs (raw, unscaled value)
  // Residual form: the training rows' mean yield profile (flux per unit uptake, every output), so an
  // untrained network (zero output layer) predicts the uptake-scaled mean profile. Empty: none.
  std::vector<float> yield_offset;

  // Outputs: the split-GEM flux vector, in GEM order.
  std::vector<std::string> reaction_ids;
  std::vector<std::string> metabolite_ids;
  SparseRows S;
  Refinement refinement;
  std::vector<std::int32_t> pin_reactions;  // Pin rows: each selects one reaction (index into reaction_ids)
  std::vector<float> default_vin;           // upper bound per Pin row; +inf = no bound
  // Knockouts: per Pin row, the index of a genotype input that closes the row (upper bound 0
  // instead of default_vin) when its raw value is >= 0.5, or -1. Empty = no switches.
  std::vector<std::int32_t> pin_switch_input;
  std::vector<GenotypeInput> genotype_inputs;
  std::vector<std::string> pref_reactions;  // measured-flux ids (Pref rows), in dataset order

  std::string gem_id;
  std::string gem_sha256;
  Provenance provenance;

  int num_inputs() const { return static_cast<int>(input_names.size()); }
  int num_outputs() const { return static_cast<int>(reaction_ids.size()); }
};

}  // namespace minn
