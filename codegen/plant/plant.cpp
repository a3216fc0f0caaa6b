// The plant's integration. Liquid-phase balances of a stirred tank with feed F (glucose S_f) and
// outflow F_out (Herbert, Elsworth & Telling, J. Gen. Microbiol. 14:601-622, 1956, chemostat;
// Yamane & Shimizu, Adv. Biochem. Eng. 30:147-194, 1984, fed-batch), amounts per vessel:
//   dV/dt      = F - F_out
//   d(X V)/dt  = mu X V - F_out X
//   d(S V)/dt  = F S_f - q_glc X V - F_out S
//   d(A V)/dt  = q_ac X V - F_out A
// mu, q_glc, q_ac come from the step's pFBA (dfba_lp.hpp) at the uptake bounds of that step.
//
// One step of length dt from t (the static optimisation approach, Mahadevan et al. 2002: rates
// frozen over the step):
//  - the cells' rates are explicit (the LP at the state at t) and the washout F_out dt and the
//    glucose uptake kinetics are backward Euler: V' = V + dt (F - F_out), and every concentration
//    C' solves C' (V' + dt F_out) = C V + dt (production - consumption) X V. Backward Euler because
//    the glucose balance is stiff: near S ~ Km its relaxation rate q_max X / Km is ~10^3 1/h at
//    X ~ 1 gDW/L, which explicit Euler would only follow with steps of seconds. The Michaelis-Menten
//    bound is therefore taken at S(t + dt): S' solves
//      S' (V' + dt F_out) + dt X V q_max S' / (Km + S') = S V + dt F S_f   (mm_uptake.hpp),
//    so the uptake can never take more glucose than the vessel holds and S never goes negative.
//  - biomass growth is explicit Euler, X'(V' + dt F_out) = X V (1 + mu dt): first order, local
//    relative error (mu dt)^2 / 2. The constructor requires mu_max dt <= kMaxGrowthPerStep, the
//    fastest growth the GEM allows at the scenario's uptake maxima. In a chemostat the fixed point is
//    exactly mu = D for any dt.
// Each step conserves glucose exactly (up to rounding): fed dt F S_f = consumed dt q_glc X V +
// washed out dt F_out S' + accumulated (V' S' - V S); tests/plant checks it.
#include "plant/plant.hpp"

#include <cmath>
#include <string>
#include <unordered_map>

#include "common/error.hpp"
#include "plant/dfba_lp.hpp"
#include "plant/feed_profile.hpp"
#include "plant/mm_uptake.hpp"
#include "plant/off_gas.hpp"
#include "plant/oxygen_transfer.hpp"
#include "plant/seeded_noise.hpp"
#include "plant/signal_faults.hpp"
#include "sbml/sbml_reader.hpp"

namespace minn::plant {
namespace {

// The largest relative biomass increase per step (mu_max dt): explicit Euler's local error is then
// at most 2e-4 in ln X per step.
constexpr double kMaxGrowthPerStep = 0.02;

Gem load_gem(const std::string& path) {
  Diagnostics ignored;  // COBRApy-level warnings (e.g. missing charges) do not matter here
  return read_sbml(path, &ignored);
}

// Per split-GEM reaction: the original reaction and which half (+1 _fwd, -1 _rev, 0 not split).
struct SplitHalf {
  int reaction = -1;
  int half = 0;
};

std::vector<SplitHalf> split_halves(const Gem& gem, const Gem& split) {
  std::unordered_map<std::string, SplitHalf> by_id;
  for (std::size_t j = 0; j < gem.reactions.size(); ++j) {
    const Reaction& r = gem.reactions[j];
    const int index = static_cast<int>(j);
    if (r.reversible) {
      by_id[r.id + "_fwd"] = {index, +1};
      by_id[r.id + "_rev"] = {index, -1};
    } else {
      by_id[r.id] = {index, 0};
    }
  }
  std::vector<SplitHalf> halves;
  for (const Reaction& r : split.reactions) {
    const auto it = by_id.find(r.id);
    if (it == by_id.end()) throw Error("model '" + gem.id + "': split reaction '" + r.id + "' has no origin");
    halves.push_back(it->second);
  }
  return halves;
}

std::string step_advice(const Scenario& s, double mu_max) {
  return s.source + ": step_h " + std::to_string(s.step_h) + " is too long for the fastest growth " +
         std::to_string(mu_max) + " 1/h the GEM allows at the uptake maxima (mu_max step_h > " +
         std::to_string(kMaxGrowthPerStep) + "); expected step_h <= " + std::to_string(kMaxGrowthPerStep / mu_max) +
         " dividing sample_period_h";
}

// What the parser guarantees, checked again for a Scenario built in code.
void check_runnable(const Scenario& s) {
  const double steps = s.step_h > 0.0 ? s.sample_period_h / s.step_h : 0.0;
  const bool ok = s.duration_h > 0.0 && s.sample_period_h > 0.0 && s.step_h > 0.0 && steps >= 1.0 - 1e-9 &&
                  std::abs(steps - std::round(steps)) <= 1e-6 * steps && !s.flow.empty() &&
                  s.biomass_gdw_per_l > 0.0 && s.volume_l > 0.0 && s.kla_per_h > 0.0 && s.gas_in_nl_per_min > 0.0 &&
                  s.glucose_km > 0.0 && s.o2_km > 0.0;
  if (!ok) {
    throw Error(s.source + ": scenario not runnable: expected duration, sample period, a step dividing it, a feed "
                "profile, biomass, volume, kLa, gas flow and Km values > 0");
  }
}

}  // namespace

struct Plant::Impl {
  Scenario scenario;
  Gem gem;
  std::vector<std::string> reaction_ids, split_ids;
  std::vector<SplitHalf> halves;
  DfbaLp cells;
  SignalFaults faults;
  GaussianStream biomass_noise, o2_noise, co2_noise;
  double o2_saturation = 0.0;  // c*, mmol/L
  int samples = 0, next_sample = 0, steps_per_sample = 0;
  PlantState state;

  Impl(Scenario s, Gem g)
      : scenario(std::move(s)),
        gem(std::move(g)),
        cells(gem, scenario.knockouts, scenario.knockout_lines, scenario.source),
        faults(scenario),
        biomass_noise(scenario.seed, NoiseSource::biomass),
        o2_noise(scenario.seed, NoiseSource::o2_out),
        co2_noise(scenario.seed, NoiseSource::co2_out) {
    check_runnable(scenario);
    const Gem split = split_reversible(gem);
    for (const Reaction& r : gem.reactions) reaction_ids.push_back(r.id);
    for (const Reaction& r : split.reactions) split_ids.push_back(r.id);
    halves = split_halves(gem, split);
    o2_saturation = o2_saturation_mmol_per_l(scenario.temperature_c, scenario.pressure_kpa, scenario.o2_in);
    samples = static_cast<int>(std::floor(scenario.duration_h / scenario.sample_period_h + 1e-9)) + 1;
    steps_per_sample = static_cast<int>(std::lround(scenario.sample_period_h / scenario.step_h));
    state.biomass_gdw_per_l = scenario.biomass_gdw_per_l;
    state.glucose_mmol_per_l = scenario.glucose_mmol_per_l;
    state.acetate_mmol_per_l = scenario.acetate_mmol_per_l;
    state.volume_l = scenario.volume_l;
    // The fastest growth: both uptakes at their maxima (DfbaLp keeps the LP warm for the run).
    const double mu_max = cells.solve(scenario.glucose_qmax, scenario.o2_qmax).growth_per_h;
    if (mu_max * scenario.step_h > kMaxGrowthPerStep) throw Error(step_advice(scenario, mu_max));
  }

  // What one step from `state` does: the flows, the cells' rates, and the state at its end.
  struct Step {
    Flows flows;
    CellRates rates;
    double q_glc = 0.0, q_o2 = 0.0, q_co2 = 0.0, q_ac = 0.0;
    double dissolved_o2 = 0.0;
    PlantState next;
  };

  Step integrate(double dt) {
    const PlantState& x = state;
    Step step;
    step.flows = scheduled_flows(scenario, x.time_h, x.volume_l);
    const double feed = step.flows.feed_l_per_h, out = step.flows.outflow_l_per_h;
    const double volume_next = x.volume_l + dt * (feed - out);
    const double retained = volume_next + dt * out;  // V' + dt F_out: the backward-Euler washout
    const double biomass_amount = x.biomass_gdw_per_l * x.volume_l;

    const double glucose_source = x.glucose_mmol_per_l * x.volume_l + dt * feed * scenario.feed_glucose_mmol_per_l;
    const double glucose_at_end = balanced_concentration(retained, dt * biomass_amount * scenario.glucose_qmax,
                                                         glucose_source, scenario.glucose_km);
    const double glucose_bound = michaelis_menten(scenario.glucose_qmax, scenario.glucose_km, glucose_at_end);
    const OxygenSupply o2 = oxygen_supply(scenario.kla_per_h, o2_saturation, scenario.o2_qmax, scenario.o2_km,
                                          x.biomass_gdw_per_l);

    step.rates = cells.solve(glucose_bound, o2.uptake_bound);
    const std::vector<double>& v = step.rates.fluxes;
    step.q_glc = -v[static_cast<std::size_t>(cells.glucose())];
    step.q_o2 = -v[static_cast<std::size_t>(cells.oxygen())];
    step.q_co2 = v[static_cast<std::size_t>(cells.co2())];
    step.q_ac = cells.acetate() >= 0 ? v[static_cast<std::size_t>(cells.acetate())] : 0.0;
    step.dissolved_o2 = dissolved_o2(scenario.kla_per_h, o2_saturation, step.q_o2 * x.biomass_gdw_per_l);

    PlantState& n = step.next;
    n.time_h = x.time_h + dt;
    n.volume_l = volume_next;
    n.biomass_gdw_per_l = biomass_amount * (1.0 + step.rates.growth_per_h * dt) / retained;
    // The LP may exceed the glucose bound by its tolerance (~1e-9): never below 0.
    n.glucose_mmol_per_l = std::max(glucose_source - dt * step.q_glc * biomass_amount, 0.0) / retained;
    n.acetate_mmol_per_l =
        std::max(x.acetate_mmol_per_l * x.volume_l + dt * step.q_ac * biomass_amount, 0.0) / retained;
    n.dissolved_o2_mmol_per_l = 0.0;  // set when n becomes the state of a sample
    return step;
  }

  minn_signals signals(const PlantSample& s) {
    const Scenario& c = scenario;
    const OffGas gas = off_gas(s.our_mmol_per_l_h, s.cer_mmol_per_l_h, s.state.volume_l, c.gas_in_nl_per_min,
                               c.o2_in, c.co2_in);
    // One draw per stream and sample, used or not (seeded_noise.hpp).
    const double n_biomass = biomass_noise.next(), n_o2 = o2_noise.next(), n_co2 = co2_noise.next();
    minn_signals m{};
    m.time_h = static_cast<float>(s.state.time_h);
    m.o2_in = static_cast<float>(c.o2_in);
    m.co2_in = static_cast<float>(c.co2_in);
    m.o2_out = static_cast<float>(gas.o2_out + c.o2_out_abs_sd * n_o2);
    m.co2_out = static_cast<float>(gas.co2_out + c.co2_out_abs_sd * n_co2);
    m.gas_in_nl_per_min = static_cast<float>(c.gas_in_nl_per_min);
    m.volume_l = static_cast<float>(s.state.volume_l);
    m.feed_l_per_h = static_cast<float>(s.feed_l_per_h);
    m.feed_glucose_mmol_per_l = static_cast<float>(c.feed_glucose_mmol_per_l);
    m.outflow_l_per_h = static_cast<float>(s.outflow_l_per_h);
    m.biomass_gdw_per_l = static_cast<float>(s.state.biomass_gdw_per_l * (1.0 + c.biomass_rel_sd * n_biomass));
    return m;
  }

  PlantSample sample_from(const Step& step) {
    PlantSample s;
    s.state = state;
    s.state.dissolved_o2_mmol_per_l = step.dissolved_o2;
    s.growth_per_h = step.rates.growth_per_h;
    s.q_glc = step.q_glc;
    s.q_o2 = step.q_o2;
    s.q_co2 = step.q_co2;
    s.q_ac = step.q_ac;
    s.our_mmol_per_l_h = step.q_o2 * state.biomass_gdw_per_l;
    s.cer_mmol_per_l_h = step.q_co2 * state.biomass_gdw_per_l;
    s.feed_l_per_h = step.flows.feed_l_per_h;
    s.outflow_l_per_h = step.flows.outflow_l_per_h;
    s.maintenance_limited = step.rates.maintenance_limited;
    s.net_fluxes = step.rates.fluxes;
    s.split_fluxes.reserve(halves.size());
    for (const SplitHalf& h : halves) {
      const double v = step.rates.fluxes[static_cast<std::size_t>(h.reaction)];
      s.split_fluxes.push_back(h.half == 0 ? v : std::max(h.half * v, 0.0));
    }
    s.signals = signals(s);
    if (pump_stopped(scenario, state.time_h)) s.active_faults.push_back("pump_stop");
    for (std::string& name : faults.apply(state.time_h, &s.signals)) s.active_faults.push_back(std::move(name));
    return s;
  }
};

Plant::Plant(Scenario scenario, const std::string& gem_path) : Plant(std::move(scenario), load_gem(gem_path)) {}

Plant::Plant(Scenario scenario, Gem gem) : impl_(std::make_unique<Impl>(std::move(scenario), std::move(gem))) {}

Plant::~Plant() = default;

bool Plant::done() const { return impl_->next_sample >= impl_->samples; }

int Plant::sample_count() const { return impl_->samples; }

const Scenario& Plant::scenario() const { return impl_->scenario; }

const std::vector<std::string>& Plant::reaction_ids() const { return impl_->reaction_ids; }

const std::vector<std::string>& Plant::split_reaction_ids() const { return impl_->split_ids; }

PlantSample Plant::step() {
  Impl& p = *impl_;
  if (done()) throw Error(p.scenario.source + ": the plant was stepped past its last sample");
  const double sample_time = p.next_sample * p.scenario.sample_period_h;  // no drift from summing steps
  p.state.time_h = sample_time;
  const double dt = p.scenario.step_h;
  Impl::Step first = p.integrate(dt);
  PlantSample sample = p.sample_from(first);
  p.state = first.next;
  for (int k = 1; k < p.steps_per_sample; ++k) p.state = p.integrate(dt).next;
  ++p.next_sample;
  return sample;
}

}  // namespace minn::plant
