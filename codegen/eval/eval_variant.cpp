#include "eval/eval_variant.hpp"

#include "common/error.hpp"
#include "train/loss_weighting.hpp"

namespace minn::eval {
namespace {

struct Entry {
  const char* name;
  EvalVariant id;
  bool search_c, search_data_weight, fit_targets;
  int trials, epochs;
};

// The trial budgets: 25 for c-balanced, 15 for the others.
const Entry kVariants[] = {
    {"mse-base", EvalVariant::MseBase, false, false, false, 15, 100},
    {"unbalanced", EvalVariant::Unbalanced, false, false, false, 15, 100},
    {"c-balanced", EvalVariant::CBalanced, true, false, false, 25, 100},
    {"divided-loss", EvalVariant::DividedLoss, false, false, false, 15, 100},
    {"bound", EvalVariant::Bound, true, false, false, 15, 100},
    {"balancing", EvalVariant::Balancing, false, false, false, 15, 100},
    {"scheduler", EvalVariant::Scheduler, false, true, false, 15, 150},
    {"scheduler-bound", EvalVariant::SchedulerBound, false, true, false, 15, 150},
    {"fba-fit", EvalVariant::FbaFit, true, false, true, 15, 100},
    {"pure-nn", EvalVariant::PureNn, false, false, false, 15, 100},
    {"reservoir", EvalVariant::Reservoir, false, false, false, 15, 100},
    {"mean-profile", EvalVariant::MeanProfile, false, false, false, 0, 0},
    {"scaled-profile", EvalVariant::ScaledProfile, false, false, false, 0, 0},
    {"ridge", EvalVariant::Ridge, false, false, false, 0, 0},
    {"ridge-loo", EvalVariant::RidgeLoo, false, false, false, 0, 0},
    {"pfba", EvalVariant::Pfba, false, false, false, 0, 0},
};

bool is_baseline(EvalVariant id) {
  return id == EvalVariant::MeanProfile || id == EvalVariant::ScaledProfile || id == EvalVariant::Ridge ||
         id == EvalVariant::RidgeLoo ||
         id == EvalVariant::Pfba;
}

}  // namespace

std::vector<std::string> variant_names() {
  std::vector<std::string> names;
  for (const Entry& e : kVariants) names.push_back(e.name);
  return names;
}

VariantSetup variant_setup(const std::string& name) {
  for (const Entry& e : kVariants)
    if (name == e.name)
      return {e.id, e.name, e.search_c, e.search_data_weight, e.fit_targets, e.trials, e.epochs, is_baseline(e.id)};
  std::string list;
  for (const std::string& n : variant_names()) list += (list.empty() ? "" : ", ") + n;
  throw Error("--variant '" + name + "': unknown variant (expected one of " + list + ")");
}

HyperSpace search_space(const VariantSetup& v) {
  HyperSpace space;
  if (!v.search_c) space.c = {1};
  space.search_data_weight = v.search_data_weight;
  return space;
}

train::TrainOptions training_options(const VariantSetup& v, const HyperPoint& p, const train::TrainOptions& base) {
  train::TrainOptions o = base;
  o.hidden = p.hidden;
  o.dropout = p.dropout;
  o.lr = p.lr;
  o.weight_decay = p.weight_decay;
  o.c = p.c;
  o.weighting = {};
  switch (v.id) {
    case EvalVariant::MseBase: o.variant = train::Variant::Mse; o.c = 1; break;
    case EvalVariant::Unbalanced: o.variant = train::Variant::Unbalanced; o.c = 1; break;
    case EvalVariant::CBalanced:
    case EvalVariant::FbaFit: o.variant = train::Variant::CBalanced; break;
    case EvalVariant::DividedLoss: o.variant = train::Variant::Divided; o.c = 1; break;
    case EvalVariant::PureNn: o.variant = train::Variant::Divided; o.c = 1; o.steps = 0; break;
    case EvalVariant::Reservoir: o.variant = train::Variant::Divided; o.c = 1; break;  // NE only (train/reservoir.hpp)
    case EvalVariant::Bound:
      o.variant = train::Variant::CBalanced;
      o.weighting = train::bound_weighting(p.c, kBoundThreshold, kBoundPenalty);
      break;
    case EvalVariant::Balancing:
      o.variant = train::Variant::CBalanced;
      o.c = 1;
      o.weighting = train::balancing_weighting(kBalancingDecay);
      break;
    case EvalVariant::Scheduler:
    case EvalVariant::SchedulerBound:
      o.variant = train::Variant::CBalanced;
      o.c = 1;
      o.weighting = v.id == EvalVariant::Scheduler
                        ? train::scheduler_weighting(o.epochs, p.data_weight)
                        : train::scheduler_weighting(o.epochs, p.data_weight, kBoundThreshold, kBoundPenalty);
      break;
    case EvalVariant::MeanProfile:
    case EvalVariant::ScaledProfile:
    case EvalVariant::Ridge:
    case EvalVariant::RidgeLoo:
    case EvalVariant::Pfba:
      throw Error("--variant " + v.name + " is a baseline: it trains no network");
  }
  return o;
}

}  // namespace minn::eval
