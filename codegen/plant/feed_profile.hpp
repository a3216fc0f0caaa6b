// The scenario's liquid flows at a time: feed in and outflow (L/h).
#pragma once
#include "plant/scenario.hpp"

namespace minn::plant {

struct Flows {
  double feed_l_per_h = 0.0;
  double outflow_l_per_h = 0.0;
};

// Chemostat: feed = outflow = D(t) V (constant volume, Herbert, Elsworth & Telling, J. Gen.
// Microbiol. 14:601-622, 1956). Fed-batch: feed F(t) = F0 exp(mu (t - t0)) of the segment in force
// (exponential feeding, Yamane & Shimizu, Adv. Biochem. Eng. 30:147-194, 1984; mu = 0: constant),
// no outflow. During a pump stop both are 0: a stopped feed pump starves the vessel, and a
// chemostat's effluent (overflow or level-controlled) stops with it, so the volume stays.
Flows scheduled_flows(const Scenario& scenario, double time_h, double volume_l);

// True when a pump stop of the scenario covers time_h.
bool pump_stopped(const Scenario& scenario, double time_h);

}  // namespace minn::plant
