// `minnc predict --format escher|cobra`: split R_fwd/R_rev pairs merged back to the net flux of R
// (checked against the split CSV of the same run), ids as COBRApy and Escher name them (no R_ prefix).
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "cli_run.hpp"

namespace {

using minn::test::minnc;

const std::string kModels = MINN_MODELS_DIR;
const std::string kPredict = "predict " + kModels + "/e_coli_core.minn --data " + kModels + "/ishii";

std::vector<std::string> split(const std::string& line, char sep) {
  std::vector<std::string> cells;
  std::stringstream s(line);
  for (std::string cell; std::getline(s, cell, sep);) cells.push_back(cell);
  return cells;
}

// experiment -> reaction id -> value, from a CSV with ids as columns (split format).
std::map<std::string, std::map<std::string, double>> split_csv() {
  const auto r = minnc(kPredict);
  EXPECT_EQ(r.status, 0) << r.output;
  std::stringstream in(r.output);
  std::string line;
  std::getline(in, line);
  const std::vector<std::string> header = split(line, ',');
  std::map<std::string, std::map<std::string, double>> out;
  while (std::getline(in, line)) {
    const auto cells = split(line, ',');
    for (std::size_t c = 2; c < cells.size(); ++c) out[cells[0]][header[c]] = std::stod(cells[c]);
  }
  return out;
}

TEST(ExchangeFormats, EscherReactionDataHoldsNetFluxesOfTheOriginalReactions) {
  const auto split_values = split_csv();
  const auto r = minnc(kPredict + " --format escher --experiment pgi");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string& json = r.output;
  EXPECT_EQ(json.front(), '{');
  EXPECT_EQ(json.find("_fwd\""), std::string::npos);
  EXPECT_EQ(json.find("\"R_"), std::string::npos);
  const auto& pgi = split_values.at("pgi");
  // "PGK": <value>: the net of R_PGK_fwd - R_PGK_rev; "PFK" (irreversible) as predicted.
  for (const auto& [id, expected] :
       {std::pair<std::string, double>{"PGK", pgi.at("R_PGK_fwd") - pgi.at("R_PGK_rev")},
        {"PFK", pgi.at("R_PFK")},
        {"EX_glc__D_e", pgi.at("R_EX_glc__D_e_fwd") - pgi.at("R_EX_glc__D_e_rev")}}) {
    const auto at = json.find("\"" + id + "\": ");
    ASSERT_NE(at, std::string::npos) << id << " missing in\n" << json;
    const double value = std::stod(json.substr(at + id.size() + 4));
    EXPECT_NEAR(value, expected, 1e-6 * std::max(1.0, std::fabs(expected))) << id;
  }
  EXPECT_LT(pgi.at("R_EX_glc__D_e_fwd") - pgi.at("R_EX_glc__D_e_rev"), 0);  // uptake: negative, as COBRApy
}

TEST(ExchangeFormats, CobraTableHasOneRowPerReactionOfTheUnsplitGem) {
  const auto r = minnc(kPredict + " --format cobra");
  ASSERT_EQ(r.status, 0) << r.output;
  std::stringstream in(r.output);
  std::string line;
  std::getline(in, line);
  const auto header = split(line, ',');
  ASSERT_EQ(header.size(), 1u + 29u);  // reaction + the 29 Ishii experiments
  EXPECT_EQ(header[0], "reaction");
  EXPECT_EQ(header[1], "REF");
  int rows = 0;
  bool pgi_seen = false;
  while (std::getline(in, line)) {
    ++rows;
    pgi_seen = pgi_seen || line.rfind("PGI,", 0) == 0;
  }
  EXPECT_EQ(rows, 95);  // e_coli_core has 95 reactions (BiGG)
  EXPECT_TRUE(pgi_seen);
}

TEST(ExchangeFormats, EscherNeedsOneExperiment) {
  auto r = minnc(kPredict + " --format escher");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("--format escher writes one experiment; choose one with --experiment (one of: REF,"),
            std::string::npos)
      << r.output;
  r = minnc(kPredict + " --format escher --experiment nope");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("no experiment 'nope'"), std::string::npos) << r.output;
}

}  // namespace
