#include "plant/feed_profile.hpp"

#include <cmath>

#include "plant/signal_faults.hpp"

namespace minn::plant {
namespace {
constexpr double kTimeSlackH = 1e-9;
}

bool pump_stopped(const Scenario& scenario, double t) {
  for (const TimeWindow& w : scenario.pump_stops)
    if (in_window(w, t)) return true;
  return false;
}

Flows scheduled_flows(const Scenario& scenario, double t, double volume_l) {
  if (pump_stopped(scenario, t)) return {};
  const FlowSegment* segment = &scenario.flow.front();
  for (const FlowSegment& s : scenario.flow)
    if (s.start_h <= t + kTimeSlackH) segment = &s;
  if (scenario.mode == ReactorMode::chemostat) {
    const double flow = segment->rate * volume_l;
    return {flow, flow};
  }
  return {segment->rate * std::exp(segment->growth_per_h * (t - segment->start_h)), 0.0};
}

}  // namespace minn::plant
