#include "lp/coupled_columns.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "common/error.hpp"

namespace minn {
namespace {

// Coefficients this small relative to the entries they came from are cancellation noise.
constexpr double kCancel = 1e-12;

}  // namespace

CoupledColumns merge_coupled_reactions(const Gem& gem) {
  const int n = static_cast<int>(gem.reactions.size());
  const int m = static_cast<int>(gem.metabolites.size());
  std::vector<std::map<int, double>> col(n);   // column -> (row, coef)
  std::vector<std::set<int>> row(m);           // row -> columns
  std::vector<double> lo(n), hi(n), obj(n);
  std::vector<char> alive(n, 1);
  std::vector<std::vector<int>> members(n);    // column -> input reactions folded into it
  std::vector<double> factor(n, 1.0);
  for (int j = 0; j < n; ++j) {
    const Reaction& r = gem.reactions[j];
    for (const auto& [i, c] : r.stoichiometry) col[j][i] += c;
    for (auto it = col[j].begin(); it != col[j].end();) {
      if (it->second == 0.0) {
        it = col[j].erase(it);
      } else {
        row[it->first].insert(j);
        ++it;
      }
    }
    lo[j] = r.lower_bound;
    hi[j] = r.upper_bound;
    obj[j] = r.objective_coefficient;
    members[j] = {j};
  }

  std::vector<int> queue;
  for (int i = 0; i < m; ++i) queue.push_back(i);
  while (!queue.empty()) {
    const int i = queue.back();
    queue.pop_back();
    if (row[i].size() != 2) continue;
    // Fold the column with fewer entries into the other (less fill-in); ties by index, so the
    // result is deterministic.
    int p = *row[i].begin(), q = *std::next(row[i].begin());
    if (col[q].size() > col[p].size()) std::swap(p, q);
    const double kq = -col[p].at(i) / col[q].at(i);  // a w_p + b w_q = 0  ->  w_q = kq w_p
    // Bounds of q as bounds on w_p: lo_q <= kq w_p <= hi_q.
    double qlo = lo[q] / kq, qhi = hi[q] / kq;
    if (kq < 0) std::swap(qlo, qhi);
    lo[p] = std::max(lo[p], qlo);
    hi[p] = std::min(hi[p], qhi);
    if (lo[p] > hi[p]) {
      if (lo[p] - hi[p] > 1e-9 * std::max(1.0, std::fabs(lo[p]))) {
        throw Error("model '" + gem.id + "': reactions '" + gem.reactions[p].id + "' and '" +
                    gem.reactions[q].id + "' are fully coupled through metabolite '" +
                    gem.metabolites[i].id + "' and their bounds leave no feasible flux (infeasible)");
      }
      hi[p] = lo[p];  // rounding of the bound transfer
    }
    obj[p] += obj[q] * kq;
    for (const auto& [r, c] : col[q]) {
      row[r].erase(q);
      const double before = col[p].count(r) ? col[p][r] : 0.0;
      const double after = before + c * kq;
      if (std::fabs(after) <= kCancel * std::max(std::fabs(before), std::fabs(c * kq))) {
        col[p].erase(r);
        row[r].erase(p);
      } else {
        col[p][r] = after;
        row[r].insert(p);
      }
      queue.push_back(r);
    }
    for (int j : members[q]) {
      factor[j] *= kq;
      members[p].push_back(j);
    }
    members[q].clear();
    col[q].clear();
    alive[q] = 0;
  }

  CoupledColumns out;
  out.lp_gem.id = gem.id;
  out.lp_gem.objective_maximize = gem.objective_maximize;
  out.lp_gem.metabolites = gem.metabolites;
  out.column.assign(n, -1);
  out.factor = factor;
  for (int j = 0; j < n; ++j) {
    if (!alive[j]) continue;
    Reaction r;
    r.id = gem.reactions[j].id;
    r.lower_bound = lo[j];
    r.upper_bound = hi[j];
    r.objective_coefficient = obj[j];
    for (const auto& [i, c] : col[j]) r.stoichiometry.emplace_back(i, c);
    const int c = static_cast<int>(out.lp_gem.reactions.size());
    for (int member : members[j]) out.column[member] = c;
    out.lp_gem.reactions.push_back(std::move(r));
  }
  return out;
}

}  // namespace minn
