// The paper's hyper-parameter grid and a seeded random-search sampler over it.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace minn::eval {

// One point of the search. data_weight is used only by the scheduler variants (the data weight
// of the final phase); c only by the variants that weight the data term.
struct HyperPoint {
  int hidden = 250;
  double dropout = 0.25;
  double lr = 5e-4;
  double weight_decay = 1e-4;
  double c = 1;
  double data_weight = 1;

  bool operator==(const HyperPoint& o) const {
    return hidden == o.hidden && dropout == o.dropout && lr == o.lr && weight_decay == o.weight_decay &&
           c == o.c && data_weight == o.data_weight;
  }
};

struct HyperSpace {
  std::vector<int> hidden{200, 250, 300};
  std::vector<double> dropout{0.1, 0.25, 0.5};
  std::vector<double> lr{2e-4, 5e-4, 7e-4};
  std::vector<double> weight_decay{0, 1e-4, 1e-3};
  std::vector<double> c{10, 20, 30, 40, 50};  // {1} for the variants without a searched c
  bool search_data_weight = false;            // scheduler: data weight ~ U[0.8, 1]
  double data_weight_min = 0.8, data_weight_max = 1.0;

  std::size_t grid_size() const;
};

// `trials` points, distinct on the grid (without replacement; capped at the grid size), drawn with
// the trainer's own generator so a seed gives the same points on every platform.
std::vector<HyperPoint> sample_points(const HyperSpace& space, int trials, std::uint64_t seed);

std::string describe(const HyperPoint& p);  // "hidden 250, dropout 0.25, lr 0.0005, ..."

}  // namespace minn::eval
