// `minnc report`: a self-contained HTML file (no script, no fetched resource) for a predict run and a
// cv output, and its rendering in headless Chromium (skipped, saying so, when Chromium is absent).
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "cli_run.hpp"
#include "png_pixels.hpp"

namespace {

using minn::test::minnc;
using minn::test::read_file;

const std::string kModels = MINN_MODELS_DIR;

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

std::string fresh_dir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

// The shipped model on the 29 Ishii experiments, written once per test process (CTest runs each test in
// its own process, possibly at the same time: one directory per test).
const std::string& predict_report() {
  static const std::string path = [] {
    const std::string p =
        fresh_dir(std::string("minn_report_predict_") + ::testing::UnitTest::GetInstance()->current_test_info()->name()) +
        "/report.html";
    const auto r = minnc("report --model " + kModels + "/e_coli_core.minn --data " + kModels + "/ishii -o " + p);
    EXPECT_EQ(r.status, 0) << r.output;
    return p;
  }();
  return path;
}

void expect_self_contained(const std::string& html) {
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_EQ(count(html, "<script"), 0u);
  EXPECT_EQ(count(html, " src="), 0u);
  EXPECT_EQ(count(html, "href="), 0u);
  EXPECT_EQ(count(html, "url("), 0u);
  // The only URI is the SVG namespace name, which no browser fetches.
  EXPECT_EQ(count(html, "http"), count(html, "xmlns=\"http://www.w3.org/2000/svg\""));
}

TEST(ReportHtml, PredictRunHasEveryChartAndNothingExternal) {
  const std::string html = read_file(predict_report());
  expect_self_contained(html);
  EXPECT_NE(html.find("29 experiments, 45 scored fluxes"), std::string::npos);
  // Comparison, overall parity, 45 per-flux parity plots, NE per flux, per experiment, |S v|.
  EXPECT_EQ(count(html, "<svg"), 45u + 5u);
  EXPECT_EQ(count(html, "class=\"parity\""), 46u);
  EXPECT_NE(html.find("MINN-c-balanced (paper, Table 2)"), std::string::npos);
  EXPECT_NE(html.find("Steady state |S v|"), std::string::npos);
  EXPECT_NE(html.find("M_atp_c"), std::string::npos);  // a metabolite among the largest |S v| (e_coli_core)
}

TEST(ReportHtml, CvOutputComparesWithTheBaselinesBesideIt) {
  const std::string dir = fresh_dir("minn_report_cv");
  const std::string common = "cv --gem " + kModels + "/gems/e_coli_core.xml.gz --data " + kModels + "/ishii -o " + dir;
  auto r = minnc(common + " --variant c-balanced --trials 1 --folds 2 --epochs 2 --threads 2 --holdout glk "
                 "--holdout pgi --holdout REF");
  ASSERT_EQ(r.status, 0) << r.output;
  r = minnc(common + " --variant mean-profile");
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string out = dir + "/report.html";
  r = minnc("report " + dir + "/e_coli_core-c-balanced-seed0.metrics.json --data " + kModels + "/ishii --gem " +
            kModels + "/gems/e_coli_core.xml.gz -o " + out);
  ASSERT_EQ(r.status, 0) << r.output;
  const std::string html = read_file(out);
  expect_self_contained(html);
  EXPECT_NE(html.find("3 experiments, 45 scored fluxes"), std::string::npos);
  EXPECT_NE(html.find("c-balanced seed 0 (this report)"), std::string::npos);
  EXPECT_NE(html.find("mean-profile seed 0"), std::string::npos);
  EXPECT_NE(html.find("pFBA (paper, Table 2)"), std::string::npos);
  EXPECT_EQ(count(html, "<svg"), 45u + 5u);

  // A baseline predicts only the scored fluxes: no S v, said so.
  r = minnc("report " + dir + "/e_coli_core-mean-profile-seed0.metrics.json --data " + kModels + "/ishii --gem " +
            kModels + "/gems/e_coli_core.xml.gz -o " + dir + "/baseline.html");
  ASSERT_EQ(r.status, 0) << r.output;
  EXPECT_NE(read_file(dir + "/baseline.html").find("Not available: these predictions hold only the scored"),
            std::string::npos);
}

TEST(ReportHtml, BadArgumentsAreClearErrors) {
  auto r = minnc("report " + kModels + "/e_coli_core.minn --data " + kModels + "/ishii --gem x -o /tmp/x.html");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("expected the <stem>.metrics.json file of a minnc cv output"), std::string::npos) << r.output;
  r = minnc("report --data " + kModels + "/ishii -o /tmp/x.html");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.output.find("give either a cv output's <stem>.metrics.json or --model M.minn"), std::string::npos)
      << r.output;
}

TEST(ReportHtml, RendersInHeadlessChromium) {
  const std::string chromium = CHROMIUM_PATH;
  if (chromium.empty() || chromium.find("NOTFOUND") != std::string::npos)
    GTEST_SKIP() << "chromium is not installed (Debian package chromium; scripts/bootstrap.sh installs it)";
  const std::string profile = fresh_dir("minn_report_chromium_profile");
  const std::string png = std::string(REPORT_ARTIFACT_DIR) + "/report_screenshot.png";
  std::filesystem::remove(png);
  const std::string flags = " --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking "
                            "--disable-component-update --disable-sync --user-data-dir=" + profile +
                            " --hide-scrollbars --window-size=1200,2200 ";
  const std::string url = "file://" + std::filesystem::absolute(predict_report()).string();
  const auto shot = minn::test::run_command("timeout 120 " + chromium + flags + "--screenshot=" + png + " " + url);
  ASSERT_TRUE(std::filesystem::exists(png)) << shot.output;

  const minn::test::Rgba image = minn::test::read_png(png);
  ASSERT_EQ(image.width, 1200) << png;
  ASSERT_EQ(image.height, 2200) << png;
  std::size_t ink = 0, chart_blue = 0;
  for (std::size_t i = 0; i + 3 < image.pixels.size(); i += 4) {
    const int r = image.pixels[i], g = image.pixels[i + 1], b = image.pixels[i + 2];
    if (r < 230 || g < 230 || b < 230) ++ink;
    // The bars and points (#1f6fb2, partly transparent over white): blue well above red.
    if (b > 150 && b - r > 60) ++chart_blue;
  }
  const double pixels = static_cast<double>(image.width) * image.height;
  EXPECT_GT(ink / pixels, 0.02) << "the screenshot is (nearly) blank: " << png;
  EXPECT_GT(chart_blue, 2000u) << "no chart drawn in " << png;

  // The page as the browser parsed it holds every SVG.
  const auto dom = minn::test::run_command("timeout 120 " + chromium + flags + "--dump-dom " + url, false);
  EXPECT_EQ(count(dom.output, "<svg"), 45u + 5u);
  std::printf("screenshot kept: %s\n", png.c_str());
}

}  // namespace
