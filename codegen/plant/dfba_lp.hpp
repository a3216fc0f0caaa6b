// The cells' side of one dynamic-FBA step (static optimisation approach, Mahadevan, Edwards & Doyle,
// Biophys. J. 83:1331-1340, 2002): the uptake bounds the medium allows this step -> maximal growth
// (FBA), then the least total flux at that growth (pFBA, COBRApy's pfba with
// fraction_of_optimum = 1; codegen/lp/fba.hpp) -> growth, exchanges, every intracellular flux.
#pragma once
#include <string>
#include <vector>

#include "gem/gem.hpp"
#include "lp/flux_lp.hpp"

namespace minn::plant {

// The BiGG exchange ids the plant bounds and reads (e_coli_core, iAF1260).
inline constexpr const char* kGlucoseExchange = "R_EX_glc__D_e";
inline constexpr const char* kOxygenExchange = "R_EX_o2_e";
inline constexpr const char* kCo2Exchange = "R_EX_co2_e";
inline constexpr const char* kAcetateExchange = "R_EX_ac_e";  // optional in the GEM

struct CellRates {
  double growth_per_h = 0.0;
  std::vector<double> fluxes;        // per GEM reaction (net, v), GEM order
  bool maintenance_limited = false;  // see DfbaLp::solve
};

class DfbaLp {
 public:
  // `gem` must outlive this. Knockouts (gene names or ids: "pgi", "b4025", "G_b4025") close every
  // reaction whose GPR fails without them (COBRApy's gene.knock_out(), lp/knockout.hpp); `source`
  // and `knockout_lines` (the scenario line of each, or empty) locate errors. Throws minn::Error for
  // an unknown gene or a missing exchange.
  DfbaLp(const Gem& gem, const std::vector<std::string>& knockouts, const std::vector<int>& knockout_lines,
         const std::string& source);

  // Glucose and O2 uptake at most the given bounds (mmol/gDW/h, >= 0; exchange lower bound = -bound),
  // acetate only secreted (its uptake, diauxie, is not modelled), every other bound the GEM's own.
  // When no flux can meet the non-growth ATP maintenance (a reaction with lower bound > 0, R_ATPM)
  // with growth >= 0, e.g. glucose exhausted, the cells neither grow nor die: growth is fixed at 0,
  // maintenance reactions may run below their lower bound, and pFBA maximises their flux instead
  // (maintenance_limited = true). Starvation death is not modelled.
  CellRates solve(double glucose_uptake_bound, double oxygen_uptake_bound);

  int glucose() const { return glucose_; }
  int oxygen() const { return oxygen_; }
  int co2() const { return co2_; }
  int acetate() const { return acetate_; }  // -1 when the GEM has no acetate exchange

 private:
  void bound_exchange(int reaction, double lower);

  const Gem& gem_;
  std::string source_;
  FluxLp lp_;
  LinearTerms growth_, maintenance_;
  std::vector<bool> knocked_out_;
  int glucose_ = -1, oxygen_ = -1, co2_ = -1, acetate_ = -1;
};

}  // namespace minn::plant
