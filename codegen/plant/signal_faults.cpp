#include "plant/signal_faults.hpp"

#include <limits>

namespace minn::plant {
namespace {
constexpr double kTimeSlackH = 1e-9;
}

float* signal_field(minn_signals& s, const std::string& name) {
  if (name == "o2_in") return &s.o2_in;
  if (name == "co2_in") return &s.co2_in;
  if (name == "o2_out") return &s.o2_out;
  if (name == "co2_out") return &s.co2_out;
  if (name == "gas_in_nl_per_min") return &s.gas_in_nl_per_min;
  if (name == "volume_l") return &s.volume_l;
  if (name == "feed_l_per_h") return &s.feed_l_per_h;
  if (name == "feed_glucose_mmol_per_l") return &s.feed_glucose_mmol_per_l;
  if (name == "outflow_l_per_h") return &s.outflow_l_per_h;
  if (name == "biomass_gdw_per_l") return &s.biomass_gdw_per_l;
  return nullptr;
}

bool in_window(const TimeWindow& w, double t) {
  return t >= w.start_h - kTimeSlackH && t < w.end_h - kTimeSlackH;
}

SignalFaults::SignalFaults(const Scenario& scenario)
    : dropouts_(scenario.dropouts),
      spikes_(scenario.spikes),
      spike_done_(scenario.spikes.size(), false),
      stuck_(scenario.stuck_offgas) {}

std::vector<std::string> SignalFaults::apply(double t, minn_signals* s) {
  std::vector<std::string> active;
  bool stuck = false;
  for (const TimeWindow& w : stuck_) stuck = stuck || in_window(w, t);
  if (!have_held_ || !stuck) {  // the analyser's last good readings
    held_o2_out_ = s->o2_out;
    held_co2_out_ = s->co2_out;
    have_held_ = true;
  }
  if (stuck) {
    s->o2_out = held_o2_out_;
    s->co2_out = held_co2_out_;
    active.push_back("stuck_offgas");
  }
  for (std::size_t k = 0; k < spikes_.size(); ++k) {
    const SignalSpike& spike = spikes_[k];
    if (spike_done_[k] || t < spike.time_h - kTimeSlackH) continue;
    spike_done_[k] = true;
    float* field = signal_field(*s, spike.signal);
    const float value = static_cast<float>(spike.value);
    *field = spike.multiply ? *field * value : *field + value;
    active.push_back("spike:" + spike.signal);
  }
  for (const SignalDropout& d : dropouts_) {
    if (!in_window(d.window, t)) continue;
    *signal_field(*s, d.signal) = std::numeric_limits<float>::quiet_NaN();
    active.push_back("dropout:" + d.signal);
  }
  return active;
}

}  // namespace minn::plant
