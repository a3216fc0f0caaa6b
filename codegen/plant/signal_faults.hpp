// The scenario's signal faults applied to one sample's readings. Only what the controller reads
// changes; the plant's truth does not (the pump stop, which does change the plant, is applied by the
// plant itself: plant.cpp).
#pragma once
#include <string>
#include <vector>

#include "minn/sensor_signals.h"
#include "plant/scenario.hpp"

namespace minn::plant {

// The field of `signals` called `name` (fault_signal_names()), or nullptr.
float* signal_field(minn_signals& signals, const std::string& name);

// A sample at time t is inside a window when start <= t < end (with 1e-9 h of slack for the
// rounding of sample times).
bool in_window(const TimeWindow& window, double time_h);

class SignalFaults {
 public:
  explicit SignalFaults(const Scenario& scenario);

  // Applies every fault active at the sample at `time_h` to `signals` (the readings with noise,
  // before any fault), in this order, and returns their names:
  //  1. stuck off-gas analyser ("stuck_offgas"): o2_out and co2_out read the values of the last
  //     sample before the window (its readings with noise; the window's first sample itself when
  //     the window starts at the first sample);
  //  2. spikes ("spike:<signal>"): the first sample at or after the spike time reads
  //     reading * value or reading + value, in float arithmetic;
  //  3. dropouts ("dropout:<signal>"): the signal reads NaN.
  // Samples must come in time order, one call each (the analyser hold and the spikes keep state).
  std::vector<std::string> apply(double time_h, minn_signals* signals);

 private:
  std::vector<SignalDropout> dropouts_;
  std::vector<SignalSpike> spikes_;
  std::vector<bool> spike_done_;
  std::vector<TimeWindow> stuck_;
  bool have_held_ = false;
  float held_o2_out_ = 0.0f, held_co2_out_ = 0.0f;
};

}  // namespace minn::plant
