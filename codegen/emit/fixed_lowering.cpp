#include "emit/fixed_lowering.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <string>

#include "common/error.hpp"
#include "emit/lowered_model.hpp"
#include "emit/sensor_inputs.hpp"

namespace minn::emit {
namespace {

constexpr double kInt32Max = 2147483647.0;
// Calibration: activation scale = headroom x the largest |activation| over rows drawn uniformly
// inside the training envelope (deterministic: mt19937, seed 1). No extra headroom: a larger
// value saturates, and every bit matters in q7. Measured on e_coli_core (q7 NE change vs f32 on
// the 29 Ishii rows): x1.0 +0.0038, x1.5 +0.0042; rows at random corners of the envelope instead
// (activations spread far wider there than on real rows): x1.0 +0.0040, x2.0 +0.0108.
constexpr int kCalibrationRows = 2000;
constexpr double kHeadroom = 1.0;

std::int32_t round_to_int32(double v) {
  return static_cast<std::int32_t>(std::clamp(std::nearbyint(v), -kInt32Max, kInt32Max));
}

// Scaled inputs of the calibration rows (what the network sees after scale_inputs/clip_unit).
std::vector<std::vector<double>> calibration_inputs(const LoweredModel& m) {
  std::mt19937 rng(1);
  std::vector<std::vector<double>> rows;
  for (int k = 0; k < kCalibrationRows; ++k) {
    std::vector<double> x(static_cast<std::size_t>(m.num_inputs));
    for (int i = 0; i < m.num_inputs; ++i) {
      const double t = static_cast<double>(rng()) / 4294967296.0;
      const double raw = m.envelope_min[i] + t * (m.envelope_max[i] - m.envelope_min[i]);
      double v = (raw - m.scaler_min[i]) / m.scaler_range[i];
      if (m.clip_inputs) v = std::clamp(v, 0.0, 1.0);
      x[static_cast<std::size_t>(i)] = v;
    }
    rows.push_back(std::move(x));
  }
  return rows;
}

// Row-major weights of lowered layer k (the float lowering stores panels of kPanelRows).
double weight(const LoweredLayer& l, int r, int j) {
  const int p = r / kPanelRows, pr = r % kPanelRows;
  return l.weights[(static_cast<std::size_t>(p) * l.in + j) * kPanelRows + pr];
}

// Largest |activation| after each layer over the calibration rows (float forward pass in double).
std::vector<double> calibrate(const LoweredModel& m, std::vector<std::vector<double>> rows) {
  std::vector<double> max_abs;
  for (const LoweredLayer& l : m.layers) {
    double biggest = 0;
    for (auto& x : rows) {
      std::vector<double> y(static_cast<std::size_t>(l.out));
      for (int r = 0; r < l.out; ++r) {
        double acc = l.bias[r];
        for (int j = 0; j < l.in; ++j) acc += weight(l, r, j) * x[static_cast<std::size_t>(j)];
        if (l.act == minn::Act::Relu) acc = std::max(acc, 0.0);
        y[static_cast<std::size_t>(r)] = acc;
        biggest = std::max(biggest, std::fabs(acc));
      }
      x = std::move(y);
    }
    max_abs.push_back(biggest);
  }
  return max_abs;
}

double input_bound(const LoweredModel& m) {
  if (m.clip_inputs) return 1.0;
  double bound = 0;
  for (int i = 0; i < m.num_inputs; ++i) {
    const double lo = (static_cast<double>(m.envelope_lo[i]) - m.scaler_min[i]) / m.scaler_range[i];
    const double hi = (static_cast<double>(m.envelope_hi[i]) - m.scaler_min[i]) / m.scaler_range[i];
    bound = std::max({bound, std::fabs(lo), std::fabs(hi)});
  }
  return bound > 0 ? bound : 1.0;
}

template <typename W>
FixedLayer quantize_layer(const LoweredLayer& l, double s_x, double s_y, std::int32_t amax,
                          std::vector<W>& out_weights) {
  FixedLayer f;
  const int pairs = (l.in + 1) / 2;
  const int panels = (l.out + fx::kPanel - 1) / fx::kPanel;
  out_weights.assign(static_cast<std::size_t>(panels) * pairs * fx::kPanel * 2, W(0));
  for (int r = 0; r < l.out; ++r) {
    double max_w = 0, sum_w = 0;
    for (int j = 0; j < l.in; ++j) {
      max_w = std::max(max_w, std::fabs(weight(l, r, j)));
      sum_w += std::fabs(weight(l, r, j));
    }
    // |q| <= amax, and (sum |q|) * amax <= 2^31 - 1 whatever the rounding (+ 1/2 per weight).
    double s_w = 1.0;
    if (max_w > 0) {
      s_w = std::max(max_w / amax, sum_w / (kInt32Max / amax - 0.5 * l.in - 1.0));
    }
    for (int j = 0; j < l.in; ++j) {
      const double q = std::clamp(std::nearbyint(weight(l, r, j) / s_w), -double(amax), double(amax));
      out_weights[static_cast<std::size_t>(fx::weight_index<W>(r, j, pairs))] = static_cast<W>(q);
    }
    // M = s_w s_x / s_y = mult / 2^shift, mult < 2^31, shift in 1..62.
    const double multiplier = s_w * s_x / s_y;
    int e = 0;
    const double mantissa = std::frexp(multiplier, &e);  // multiplier = mantissa * 2^e
    int shift = 31 - e;
    double mult = std::nearbyint(mantissa * 2147483648.0);
    if (mult >= 2147483648.0) {
      mult /= 2;
      --shift;
    }
    if (shift > 62) {
      mult = std::nearbyint(multiplier * std::ldexp(1.0, 62));
      shift = 62;
    }
    if (shift < 1) throw Error("model: layer '" + l.name + "' cannot be requantised (scale ratio too large)");
    f.mult.push_back(static_cast<std::int32_t>(mult));
    f.shift.push_back(static_cast<std::int8_t>(shift));
    f.bias.push_back(round_to_int32(l.bias[r] / s_y));
  }
  return f;
}

// The largest int32 magnitude of S V and S^T (S V) rows for |V| <= 1, from the Q12 coefficients.
double refinement_gain(const LoweredModel& m, const std::vector<std::int32_t>& coef) {
  std::vector<double> row_gain(static_cast<std::size_t>(m.s_rows), 0.0);
  double gain = 1.0;
  for (int r = 0; r < m.s_rows; ++r) {
    for (std::int32_t e = m.s_row_ptr[r]; e < m.s_row_ptr[r + 1]; ++e) row_gain[r] += std::abs(coef[e]) / 4096.0 + 0.5;
    gain = std::max(gain, row_gain[r]);
  }
  std::vector<double> col_gain(static_cast<std::size_t>(m.s_cols), 0.0);
  for (int r = 0; r < m.s_rows; ++r) {
    for (std::int32_t e = m.s_row_ptr[r]; e < m.s_row_ptr[r + 1]; ++e) {
      col_gain[m.s_col[e]] += (std::abs(coef[e]) / 4096.0) * row_gain[r] + 0.5;
    }
  }
  for (double g : col_gain) gain = std::max(gain, g);
  return gain;
}

std::vector<std::int32_t> q12(const std::vector<float>& values) {
  std::vector<std::int32_t> q;
  for (float v : values) {
    if (std::fabs(v) >= 262144.0f) throw Error("model: S coefficient " + std::to_string(v) + " too large for Q12");
    q.push_back(static_cast<std::int32_t>(std::nearbyint(static_cast<double>(v) * 4096.0)));
  }
  return q;
}

std::int32_t q30(double v) { return round_to_int32(v * 1073741824.0); }

}  // namespace

FixedModel lower_fixed(const MinnModel& model, const LoweredModel& m, bool q15) {
  // Not yet in fixed point: the genotype knockout switches (per-strain Vin, closed rows) and the
  // streaming soft sensor (its state holds a float workspace).
  if (!m.pin_switch.empty() || !model.genotype_inputs.empty() || !sensor_input_sources(model).empty()) {
    throw Error("model: q15/q7 do not support genotype knockout switches or online sensor inputs yet; use f32 or int8w");
  }
  FixedModel f;
  f.amax = q15 ? 32767 : 127;
  const double amax = f.amax;
  const double bound = input_bound(m);
  f.act_scale.push_back(bound / amax);  // the scaled input x = q * bound / amax
  for (int i = 0; i < m.num_inputs; ++i) {
    f.input_scale.push_back(static_cast<float>(amax / (static_cast<double>(m.scaler_range[i]) * bound)));
  }
  const std::vector<double> max_abs = calibrate(m, calibration_inputs(m));
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const double y_max = max_abs[k] > 0 ? kHeadroom * max_abs[k] : 1.0;
    f.act_scale.push_back(y_max / amax);
    const double s_x = f.act_scale[k], s_y = f.act_scale[k + 1];
    FixedLayer layer;
    if (q15) {
      std::vector<std::int16_t> w;
      layer = quantize_layer(m.layers[k], s_x, s_y, f.amax, w);
      layer.w16 = std::move(w);
    } else {
      std::vector<std::int8_t> w;
      layer = quantize_layer(m.layers[k], s_x, s_y, f.amax, w);
      layer.w8 = std::move(w);
    }
    f.layers.push_back(std::move(layer));
  }
  // Refinement scale: |V| <= vmax = 2 x the largest V0 (headroom for the steps), every row sum
  // of S V and S^T S V below 2^31 at |V| <= vmax, and the Pin terms of a reaction below 2^31.
  const double y_bound = f.act_scale.back() * amax;
  const double u_bound =
      m.flux_scale_input >= 0 ? std::max(static_cast<double>(m.envelope_hi[m.flux_scale_input]), 1.0) : 1.0;
  const double vmax = 2.0 * y_bound * u_bound;
  f.s_coef = q12(m.s_val);
  f.st_coef = q12(m.st_val);
  std::vector<int> pins_per_reaction(static_cast<std::size_t>(m.num_outputs), 0);
  int max_pins = 1;
  for (std::int32_t c : m.pin) max_pins = std::max(max_pins, ++pins_per_reaction[static_cast<std::size_t>(c)]);
  const double gain = std::max(refinement_gain(m, f.s_coef), 4.0 * max_pins);
  const int frac_bits = static_cast<int>(std::floor(std::log2(kInt32Max / 2.0 / (gain * vmax))));
  f.frac_bits = std::clamp(frac_bits, 0, 24);
  const double unit = std::ldexp(1.0, f.frac_bits);
  f.refine.vlimit = static_cast<std::int32_t>(std::min(vmax * unit, 1073741823.0 / max_pins));
  f.v0_factor = static_cast<float>(f.act_scale.back() * unit);
  f.out_scale = static_cast<float>(1.0 / unit);
  for (float v : m.vin) {
    const double q = std::isinf(v) ? f.refine.vlimit : std::nearbyint(static_cast<double>(v) * unit);
    f.vin.push_back(static_cast<std::int32_t>(std::clamp(q, -double(f.refine.vlimit), double(f.refine.vlimit))));
  }
  const minn::RefineParams& p = m.refine;
  for (double k : {static_cast<double>(p.momentum), static_cast<double>(p.step_size) * p.two_over_m,
                   static_cast<double>(p.step_size) * p.two_over_nin, static_cast<double>(p.step_size) * p.two_over_n}) {
    if (!(std::fabs(k) <= 1.0)) {  // fixed_heavy_ball_update sums four Q30 products in 64 bits
      throw Error("model: refinement constant " + std::to_string(k) + " beyond [-1, 1]: no fixed-point refinement");
    }
  }
  f.refine.steps = p.steps;
  f.refine.beta = q30(p.momentum);
  f.refine.k_u = q30(static_cast<double>(p.step_size) * p.two_over_m);
  f.refine.k_pin = q30(static_cast<double>(p.step_size) * p.two_over_nin);
  f.refine.k_neg = q30(static_cast<double>(p.step_size) * p.two_over_n);
  return f;
}

}  // namespace minn::emit
