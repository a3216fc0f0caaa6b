#include "emit/stoichiometry_source.hpp"

#include <cmath>
#include <sstream>

#include "emit/c_source.hpp"

namespace minn::emit {
namespace {

// A coefficient as C++: small integers as "2.0f" (exact), everything else as an exact hex literal.
std::string coefficient(float value) {
  const float magnitude = std::fabs(value);
  if (magnitude == std::floor(magnitude) && magnitude < 16777216.0f) {
    return std::to_string(static_cast<long long>(magnitude)) + ".0f";
  }
  return float_literal(magnitude);
}

// p0 + p1 + ... over x[index]: +-1 coefficients without a multiply (exact, see lib/minn/sparse.hpp).
std::string row_sum(const std::vector<std::int32_t>& ptr, const std::vector<std::int32_t>& col,
                    const std::vector<float>& val, int row, const char* x) {
  std::ostringstream s;
  if (ptr[row] == ptr[row + 1]) return "0.0f";
  for (std::int32_t e = ptr[row]; e < ptr[row + 1]; ++e) {
    const float v = val[e];
    const bool first = e == ptr[row];
    const bool negative = std::signbit(v);
    if (first) {
      s << (negative ? "-" : "");
    } else {
      s << (negative ? " - " : " + ");
    }
    if (std::fabs(v) != 1.0f) s << coefficient(v) << " * ";
    s << x << "[" << col[e] << "]";
  }
  return s.str();
}

// The same row over Q12 integer coefficients (exact integer sums: any order gives the same bits).
std::string fixed_row_sum(const std::vector<std::int32_t>& ptr, const std::vector<std::int32_t>& col,
                          const std::vector<std::int32_t>& coef, int row, const char* x) {
  std::ostringstream s;
  if (ptr[row] == ptr[row + 1]) return "0";
  for (std::int32_t e = ptr[row]; e < ptr[row + 1]; ++e) {
    const std::int32_t c = coef[e];
    const bool first = e == ptr[row];
    const std::string operand = std::string(x) + "[" + std::to_string(col[e]) + "]";
    if (c % 4096 != 0) {
      s << (first ? "" : " + ") << "minn::fx::coef_times(" << c << ", " << operand << ")";
      continue;
    }
    const std::int32_t k = c / 4096;
    s << (first ? (k < 0 ? "-" : "") : (k < 0 ? " - " : " + "));
    if (k != 1 && k != -1) s << (k < 0 ? -k : k) << " * ";
    s << operand;
  }
  return s.str();
}

std::string label(const std::vector<std::string>& names, int i) {
  if (i >= static_cast<int>(names.size())) return std::to_string(i);
  return is_c_identifier(names[i]) ? names[i] : c_string_literal(names[i]);
}

}  // namespace

std::string stoichiometry_source(const LoweredModel& m,
                                 const std::vector<std::string>& metabolite_ids) {
  std::ostringstream s;
  s << "\n// The refinement's products with S written out (minn::CsrProducts on the tables above,\n"
    << "// the host reference, computes the same sums in the same order: lib/minn/refine.hpp).\n"
    << "struct Stoichiometry {\n"
    << "  // sv = S V, one metabolite per line.\n"
    << "  MINN_NOINLINE void s_times(const float* v, float* sv) const {\n";
  for (int r = 0; r < m.s_rows; ++r) {
    s << "    sv[" << r << "] = " << row_sum(m.s_row_ptr, m.s_col, m.s_val, r, "v") << ";  // "
      << label(metabolite_ids, r) << "\n";
  }
  s << "  }\n"
    << "  // Per reaction: u = (S^T sv)[c], then the heavy-ball step of V[c] and d[c].\n"
    << "  // (v and d never alias: __restrict lets V[c] stay in a register across the store of d[c].)\n"
    << "  MINN_NOINLINE void update(const float* sv, const float* pin_term, const minn::RefineParams& p,\n"
    << "              float* __restrict v, float* __restrict d) const {\n"
    << "    const minn::RefineParams q = minn::keep_in_registers(p);\n";
  for (int c = 0; c < m.s_cols; ++c) {
    s << "    minn::heavy_ball_update(q, " << row_sum(m.st_row_ptr, m.st_col, m.st_val, c, "sv")
      << ", pin_term[" << c << "], v[" << c << "], d[" << c << "]);  // " << label(m.reaction_ids, c)
      << "\n";
  }
  s << "  }\n};\n";
  return s.str();
}

std::string fixed_stoichiometry_source(const LoweredModel& m,
                                       const std::vector<std::string>& metabolite_ids) {
  const FixedModel& f = m.fixed;
  std::ostringstream s;
  s << "\n// The int32 refinement's products with S written out (minn::fx::FixedCsrProducts on the\n"
    << "// tables above, the host reference, gives the same exact integer sums).\n"
    << "struct FixedStoichiometry {\n"
    << "  // sv = S V, one metabolite per line.\n"
    << "  MINN_NOINLINE void s_times(const int32_t* v, int32_t* sv) const {\n";
  for (int r = 0; r < m.s_rows; ++r) {
    s << "    sv[" << r << "] = " << fixed_row_sum(m.s_row_ptr, m.s_col, f.s_coef, r, "v") << ";  // "
      << label(metabolite_ids, r) << "\n";
  }
  s << "  }\n"
    << "  // u = S^T sv, one reaction per line.\n"
    << "  MINN_NOINLINE void st_times(const int32_t* sv, int32_t* u) const {\n";
  for (int c = 0; c < m.s_cols; ++c) {
    s << "    u[" << c << "] = " << fixed_row_sum(m.st_row_ptr, m.st_col, f.st_coef, c, "sv") << ";  // "
      << label(m.reaction_ids, c) << "\n";
  }
  s << "  }\n};\n";
  return s.str();
}

}  // namespace minn::emit
