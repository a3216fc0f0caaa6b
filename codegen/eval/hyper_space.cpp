#include "eval/hyper_space.hpp"

#include <algorithm>
#include <numeric>

#include "common/error.hpp"
#include "train/rng.hpp"
#include "train/train_job.hpp"

namespace minn::eval {

std::size_t HyperSpace::grid_size() const {
  return hidden.size() * dropout.size() * lr.size() * weight_decay.size() * c.size();
}

std::vector<HyperPoint> sample_points(const HyperSpace& space, int trials, std::uint64_t seed) {
  const std::size_t size = space.grid_size();
  if (size == 0) throw Error("hyper-parameter search: empty grid");
  if (trials <= 0) throw Error("--trials must be positive, got " + std::to_string(trials));
  // A partial Fisher-Yates over the flat grid index gives distinct points in a seeded order.
  std::vector<std::size_t> flat(size);
  std::iota(flat.begin(), flat.end(), std::size_t{0});
  train::Rng rng(seed);
  const std::size_t count = std::min(size, static_cast<std::size_t>(trials));
  std::vector<HyperPoint> points;
  for (std::size_t i = 0; i < count; ++i) {
    std::swap(flat[i], flat[i + rng.below(size - i)]);
    std::size_t k = flat[i];
    HyperPoint p;
    p.hidden = space.hidden[k % space.hidden.size()];
    k /= space.hidden.size();
    p.dropout = space.dropout[k % space.dropout.size()];
    k /= space.dropout.size();
    p.lr = space.lr[k % space.lr.size()];
    k /= space.lr.size();
    p.weight_decay = space.weight_decay[k % space.weight_decay.size()];
    k /= space.weight_decay.size();
    p.c = space.c[k % space.c.size()];
    points.push_back(p);
  }
  // Drawn after the grid points, so switching it on does not move them.
  for (HyperPoint& p : points)
    p.data_weight = space.search_data_weight ? rng.uniform(space.data_weight_min, space.data_weight_max) : 1.0;
  return points;
}

std::string describe(const HyperPoint& p) {
  using train::shortest_double;
  return "hidden " + std::to_string(p.hidden) + ", dropout " + shortest_double(p.dropout) + ", lr " +
         shortest_double(p.lr) + ", weight decay " + shortest_double(p.weight_decay) + ", c " +
         shortest_double(p.c) + ", data weight " + shortest_double(p.data_weight);
}

}  // namespace minn::eval
