#include "lp/zero_flux.hpp"

#include <deque>

namespace minn {

std::vector<char> structurally_zero_reactions(const Gem& gem, const std::vector<double>& lower,
                                              const std::vector<double>& upper) {
  const int n = static_cast<int>(gem.reactions.size());
  const int m = static_cast<int>(gem.metabolites.size());
  std::vector<char> zero(n, 0);
  std::vector<std::vector<std::pair<int, double>>> uses(m);  // metabolite -> (reaction, coef)
  for (int j = 0; j < n; ++j) {
    for (const auto& [met, coef] : gem.reactions[j].stoichiometry) {
      if (coef != 0.0 && met >= 0 && met < m) uses[met].emplace_back(j, coef);
    }
    if (lower[j] == 0.0 && upper[j] == 0.0) zero[j] = 1;
  }
  auto can_be_zero = [&](int j) { return lower[j] <= 0.0 && upper[j] >= 0.0; };
  std::deque<int> queue;
  for (int i = 0; i < m; ++i) queue.push_back(i);
  std::vector<char> queued(m, 1);
  while (!queue.empty()) {
    const int i = queue.front();
    queue.pop_front();
    queued[i] = 0;
    bool produced = false, consumed = false, all_can_be_zero = true;
    for (const auto& [j, coef] : uses[i]) {
      if (zero[j]) continue;
      // coef * v > 0 is possible when v can take the sign of coef.
      if ((coef > 0 && upper[j] > 0) || (coef < 0 && lower[j] < 0)) produced = true;
      if ((coef < 0 && upper[j] > 0) || (coef > 0 && lower[j] < 0)) consumed = true;
      all_can_be_zero = all_can_be_zero && can_be_zero(j);
    }
    if ((produced && consumed) || !all_can_be_zero) continue;
    for (const auto& [j, coef] : uses[i]) {
      if (zero[j]) continue;
      zero[j] = 1;
      for (const auto& [other, c] : gem.reactions[j].stoichiometry) {
        if (other >= 0 && other < m && !queued[other]) {
          queued[other] = 1;
          queue.push_back(other);
        }
      }
    }
  }
  return zero;
}

}  // namespace minn
