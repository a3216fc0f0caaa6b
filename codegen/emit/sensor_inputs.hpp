// Which model inputs the streaming soft sensor (lib/minn/soft_sensor.hpp) can feed: an online
// model reads the four online rates (by their split-GEM ids and units, as `--inputs online` names
// them) and its genotype inputs. Any other input (a transcript, a protein) has no online source, so
// such a model gets no NAME_sensor_step.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace minn::emit {

// One minn::RateSource per model input, or empty when some input has no online source.
std::vector<std::int8_t> sensor_input_sources(const MinnModel& model);

// A readable name of a source ("glucose uptake q_glc", "genotype ko_R_PGI", ...).
std::string sensor_source_name(const MinnModel& model, int input, std::int8_t source);

}  // namespace minn::emit
