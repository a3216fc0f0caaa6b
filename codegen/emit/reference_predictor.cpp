#include "emit/reference_predictor.hpp"

#include "minn/fixed_point.hpp"
#include "minn/minn.hpp"

namespace minn::emit {
namespace {

// The fixed-point inference (q15/q7), step for step as the generated run() (emit/fixed_source.cpp).
template <typename W, typename A>
int infer_fixed(const LoweredModel& m, const float* in, float* out) {
  const FixedModel& f = m.fixed;
  const int code = minn::check_inputs(in, m.num_inputs, m.envelope_lo.data(), m.envelope_hi.data());
  if (code < 0) return code;
  std::vector<A> a(static_cast<std::size_t>(m.num_inputs + 1), A(0));
  minn::fx::quantize_inputs(in, m.num_inputs, m.scaler_min.data(), f.input_scale.data(), m.clip_inputs, f.amax,
                            a.data());
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const LoweredLayer& l = m.layers[k];
    const FixedLayer& fl = f.layers[k];
    std::vector<A> y(static_cast<std::size_t>(l.out + 1), A(0));
    const minn::fx::Requant rq{fl.mult.data(), fl.shift.data(), fl.bias.data(), f.amax};
    const W* w = nullptr;
    if constexpr (sizeof(W) == 2) w = fl.w16.data(); else w = fl.w8.data();
    minn::fx::dense_q(w, rq, l.in, l.out, l.act, a.data(), y.data());
    a = std::move(y);
  }
  const int n = m.num_outputs;
  std::vector<std::int32_t> v(static_cast<std::size_t>(n)), d(v.size()), pin_term(v.size()), u_st(v.size()),
      sv(static_cast<std::size_t>(m.s_rows));
  const float u = m.flux_scale_input >= 0 ? in[m.flux_scale_input] : 1.0f;
  minn::fx::start_fluxes(a.data(), n, f.v0_factor, u, f.refine.vlimit, v.data());
  if (m.refine.steps > 0) {
    const minn::fx::FixedCsr<std::int32_t, std::int32_t> s{m.s_rows, m.s_cols, m.s_row_ptr.data(),
                                                          m.s_col.data(), f.s_coef.data()};
    const minn::fx::FixedCsr<std::int32_t, std::int32_t> st{m.s_cols, m.s_rows, m.st_row_ptr.data(),
                                                           m.st_col.data(), f.st_coef.data()};
    minn::fx::fixed_refine(s, st, m.pin.data(), f.vin.data(), static_cast<int>(m.pin.size()), f.refine,
                           v.data(), d.data(), sv.data(), pin_term.data(), u_st.data());
  }
  minn::fx::to_float(v.data(), n, f.out_scale, out);
  return code;
}

}  // namespace

ReferencePredictor::ReferencePredictor(const MinnModel& model, Precision precision)
    : lowered_(lower(model, precision)),
      workspace_(static_cast<std::size_t>(lowered_.workspace.floats), 0.0f) {}

int ReferencePredictor::infer(const float* in, float* out) {
  const LoweredModel& m = lowered_;
  if (m.precision == Precision::Q15) return infer_fixed<std::int16_t, std::int16_t>(m, in, out);
  if (m.precision == Precision::Q7) return infer_fixed<std::int8_t, std::int8_t>(m, in, out);
  const int code = minn::check_inputs(in, m.num_inputs, m.envelope_lo.data(), m.envelope_hi.data());
  if (code < 0) return code;
  float* const buf = workspace_.data();
  const int* const offset = m.workspace.activation_offset;
  minn::scale_inputs(in, m.num_inputs, m.scaler_min.data(), m.scaler_range.data(), buf + offset[0]);
  if (m.clip_inputs)  // as the generated run()
    minn::clip_unit(buf + offset[0], m.num_inputs);
  else
    minn::saturate_scaled(buf + offset[0], m.num_inputs);
  for (std::size_t k = 0; k < m.layers.size(); ++k) {
    const LoweredLayer& l = m.layers[k];
    const float* x = buf + offset[k % 2];
    float* y = k + 1 == m.layers.size() ? out : buf + offset[(k + 1) % 2];
    if (m.precision == Precision::F32) {
      minn::dense_f32<kPanelRows>(l.weights.data(), l.bias.data(), l.in, l.out, l.act, x, y);
    } else {
      minn::dense_i8<kPanelRows>(l.qweights.data(), l.scale.data(), l.bias.data(), l.in, l.out,
                                 l.act, x, y);
    }
  }
  if (m.flux_scale_input >= 0) {  // as the generated run(): V0 = max(u, 0) * yields, u raw
    minn::scale_by_input(out, m.num_outputs, in[m.flux_scale_input]);
  }
  if (m.refine.steps > 0) {
    const minn::CsrView<std::int32_t, std::int32_t> s{m.s_rows, m.s_cols, m.s_row_ptr.data(),
                                                      m.s_col.data(), m.s_val.data()};
    const minn::CsrView<std::int32_t, std::int32_t> st{m.s_cols, m.s_rows, m.st_row_ptr.data(),
                                                       m.st_col.data(), m.st_val.data()};
    const float* vin = m.vin.data();
    if (!m.pin_switch.empty()) {  // as the generated run(): this strain's bounds from its genotype inputs
      minn::knockout_bounds(in, m.pin_switch.data(), m.vin.data(), static_cast<int>(m.pin.size()),
                            buf + m.workspace.vin_offset);
      vin = buf + m.workspace.vin_offset;
    }
    minn::refine(s, st, m.pin.data(), vin, static_cast<int>(m.pin.size()), m.refine, out,
                 buf + m.workspace.d_offset, buf + m.workspace.sv_offset,
                 buf + m.workspace.g_offset);
    if (m.zero_closed_rows) minn::zero_closed_rows(m.pin.data(), vin, static_cast<int>(m.pin.size()), out);
  }
  return code;
}

}  // namespace minn::emit
