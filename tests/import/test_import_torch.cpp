// `minnc import-torch`: a state_dict saved by PyTorch (published layer names, random weights) becomes a
// .minn model whose `minnc predict` reproduces PyTorch's outputs, refinement included (PyTorch's numbers
// are stored beside the fixture by make_torch_fixtures.py); shape mismatches name both shapes.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "cli_run.hpp"

namespace {

using minn::test::minnc;
using minn::test::read_file;

const std::string kFixtures = IMPORT_FIXTURES;
const std::string kGem = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";

std::string work_dir() {
  const auto dir = std::filesystem::temp_directory_path() / "minn_import_torch_test";
  std::filesystem::create_directories(dir);
  return dir.string();
}

std::vector<std::vector<std::string>> csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::stringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> cells;
    std::stringstream s(line);
    for (std::string cell; std::getline(s, cell, ',');) cells.push_back(cell);
    rows.push_back(cells);
  }
  return rows;
}

std::string import_command(const std::string& pth, const std::string& manifest, const std::string& out) {
  return "import-torch " + pth + " --gem " + kGem + " --manifest " + manifest + " -o " + out;
}

TEST(ImportTorch, PredictReproducesThePyTorchOutputs) {
  const std::string model = work_dir() + "/ecoli.minn", fluxes = work_dir() + "/fluxes.csv";
  auto r = minnc(import_command(kFixtures + "/ecoli_5_500.pth", kFixtures + "/manifest.json", model));
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(r.output.find("5 inputs -> 500 hidden -> 142 split reactions of e_coli_core"), std::string::npos)
      << r.output;
  r = minnc("predict " + model + " --data " + kFixtures + "/inputs.csv -o " + fluxes);
  ASSERT_EQ(r.status, 0) << r.output;

  const auto got = csv(read_file(fluxes)), want = csv(read_file(kFixtures + "/expected_fluxes.csv"));
  ASSERT_EQ(got.size(), 5u);  // header + 4 rows
  ASSERT_EQ(want.size(), got.size());
  // predict: experiment,status,<ids>; PyTorch: experiment,<ids>
  ASSERT_EQ(std::vector<std::string>(got[0].begin() + 2, got[0].end()),
            std::vector<std::string>(want[0].begin() + 1, want[0].end()));
  for (std::size_t row = 1; row < got.size(); ++row) {
    EXPECT_EQ(got[row][0], want[row][0]);
    EXPECT_EQ(got[row][1], "0");  // status ok: inside the envelope
    for (std::size_t k = 2; k < got[row].size(); ++k) {
      const double a = std::stod(got[row][k]), b = std::stod(want[row][k - 1]);
      // 1e-5 relative; fluxes below 0.01 in magnitude against 1e-7 absolute.
      EXPECT_LE(std::fabs(a - b), 1e-5 * std::max(std::fabs(b), 1e-2))
          << want[0][k - 1] << " in " << want[row][0] << ": minnc " << a << ", PyTorch " << b;
    }
  }
}

TEST(ImportTorch, PublishedShapeAgainstASmallerGemNamesBothShapes) {
  const auto r = minnc(import_command(kFixtures + "/published_5_500_587.pth", kFixtures + "/manifest.json",
                                      work_dir() + "/x.minn"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("published_5_500_587.pth: layers.3.weight is 587 x 500 (587 outputs), but the GEM "
                          "'e_coli_core'"),
            std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("has 142 split reactions: expected 142 x 500"), std::string::npos) << r.output;
  EXPECT_FALSE(std::filesystem::exists(work_dir() + "/x.minn"));
}

TEST(ImportTorch, ManifestInputCountMustMatchTheFirstLayer) {
  std::string manifest = read_file(kFixtures + "/manifest.json");
  const auto first = manifest.find("{", manifest.find("\"inputs\""));
  const auto second = manifest.find("{", first + 1);
  manifest.erase(first, second - first);  // drop the first input
  const std::string path = work_dir() + "/four_inputs.json";
  std::ofstream(path) << manifest;
  const auto r = minnc(import_command(kFixtures + "/ecoli_5_500.pth", path, work_dir() + "/y.minn"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("four_inputs.json: 'inputs' lists 4 inputs, but layers.0.weight of"), std::string::npos)
      << r.output;
  EXPECT_NE(r.output.find("is 500 x 5 (5 inputs)"), std::string::npos) << r.output;
}

TEST(ImportTorch, NotAPthOrTruncatedIsAClearError) {
  auto r = minnc(import_command(kFixtures + "/manifest.json", kFixtures + "/manifest.json", work_dir() + "/z.minn"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("manifest.json: cannot read as a PyTorch zip archive"), std::string::npos) << r.output;

  const std::string bytes = read_file(kFixtures + "/ecoli_5_500.pth");
  const std::string cut = work_dir() + "/cut.pth";
  std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  r = minnc(import_command(cut, kFixtures + "/manifest.json", work_dir() + "/z.minn"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("cut.pth: cannot read as a PyTorch zip archive"), std::string::npos) << r.output;
}

}  // namespace
