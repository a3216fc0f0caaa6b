#include "report/svg_charts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace minn::report {
namespace {

std::string num(double v) {
  char b[32];
  std::snprintf(b, sizeof b, "%.1f", v);
  return b;
}

std::string value_text(double v) {
  char b[32];
  if (!std::isfinite(v)) return "n/a";
  if (v == 0) return "0";
  std::snprintf(b, sizeof b, std::fabs(v) >= 100 ? "%.0f" : std::fabs(v) >= 1 ? "%.3g" : "%.3f", v);
  return b;
}

// A "nice" tick step (1, 2 or 5 times a power of ten) giving about `count` ticks up to `top`.
double tick_step(double top, int count) {
  const double raw = top / count;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0})
    if (m * power >= raw) return m * power;
  return 10 * power;
}

}  // namespace

std::string xml_escape(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string parity_svg(const std::vector<ParityPoint>& points, const std::string& title, int size) {
  const bool small = size < 200;
  const double margin_left = small ? 6 : 48, margin_bottom = small ? 6 : 40, margin_top = small ? 16 : 24,
               margin_right = 8;
  double top = 0;
  for (const ParityPoint& p : points) {
    if (std::isfinite(p.measured)) top = std::max(top, p.measured);
    if (std::isfinite(p.predicted)) top = std::max(top, p.predicted);
  }
  if (!(top > 0)) top = 1;
  top *= 1.05;
  const double plot = size - std::max(margin_left + margin_right, margin_top + margin_bottom);
  auto x = [&](double v) { return margin_left + v / top * plot; };
  auto y = [&](double v) { return margin_top + plot - v / top * plot; };
  std::string s = "<svg class=\"parity\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(size) +
                  "\" height=\"" + std::to_string(size) + "\" viewBox=\"0 0 " + std::to_string(size) + " " +
                  std::to_string(size) + "\" role=\"img\"><title>" + xml_escape(title) + "</title>";
  s += "<text x=\"" + num(margin_left) + "\" y=\"" + num(margin_top - 5) + "\" class=\"" +
       (small ? "tiny" : "label") + "\">" + xml_escape(title) + "</text>";
  s += "<rect x=\"" + num(margin_left) + "\" y=\"" + num(margin_top) + "\" width=\"" + num(plot) + "\" height=\"" +
       num(plot) + "\" class=\"frame\"/>";
  if (!small) {
    const double step = tick_step(top, 5);
    for (double t = 0; t <= top + 1e-12; t += step) {
      s += "<line x1=\"" + num(x(t)) + "\" y1=\"" + num(y(0)) + "\" x2=\"" + num(x(t)) + "\" y2=\"" + num(y(0) + 4) +
           "\" class=\"axis\"/><text x=\"" + num(x(t)) + "\" y=\"" + num(y(0) + 16) +
           "\" class=\"tick\" text-anchor=\"middle\">" + value_text(t) + "</text>";
      s += "<line x1=\"" + num(x(0) - 4) + "\" y1=\"" + num(y(t)) + "\" x2=\"" + num(x(0)) + "\" y2=\"" + num(y(t)) +
           "\" class=\"axis\"/><text x=\"" + num(x(0) - 6) + "\" y=\"" + num(y(t) + 4) +
           "\" class=\"tick\" text-anchor=\"end\">" + value_text(t) + "</text>";
    }
    s += "<text x=\"" + num(margin_left + plot / 2) + "\" y=\"" + num(size - 4.0) +
         "\" class=\"label\" text-anchor=\"middle\">measured (mmol/gDW/h)</text>";
    s += "<text transform=\"translate(12," + num(margin_top + plot / 2) +
         ") rotate(-90)\" class=\"label\" text-anchor=\"middle\">predicted</text>";
  }
  s += "<line x1=\"" + num(x(0)) + "\" y1=\"" + num(y(0)) + "\" x2=\"" + num(x(top)) + "\" y2=\"" + num(y(top)) +
       "\" class=\"diagonal\"/>";
  const std::string r = small ? "1.8" : "3";
  for (const ParityPoint& p : points) {
    if (!std::isfinite(p.measured) || !std::isfinite(p.predicted)) continue;
    s += "<circle cx=\"" + num(x(p.measured)) + "\" cy=\"" + num(y(p.predicted)) + "\" r=\"" + r +
         "\" class=\"point\"><title>" + xml_escape(p.label) + ": measured " + value_text(p.measured) +
         ", predicted " + value_text(p.predicted) + "</title></circle>";
  }
  return s + "</svg>";
}

std::string bar_svg(const std::vector<Bar>& bars, const std::string& axis_title, int width) {
  // Labels right-aligned before the bars: room for the longest (about 6 px per character at 10 px).
  std::size_t longest = 0;
  for (const Bar& b : bars) longest = std::max(longest, b.label.size());
  const int row = 16, value_width = 56, top = 22;
  const int label_width = static_cast<int>(std::min<std::size_t>(40 + 6 * longest, width / 2));
  const int height = top + row * static_cast<int>(bars.size()) + 8;
  double largest = 0;
  for (const Bar& b : bars)
    if (std::isfinite(b.value)) largest = std::max(largest, std::fabs(b.value));
  if (!(largest > 0)) largest = 1;
  const double span = width - label_width - value_width;
  std::string s = "<svg class=\"bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" + std::to_string(width) +
                  "\" height=\"" + std::to_string(height) + "\" viewBox=\"0 0 " + std::to_string(width) + " " +
                  std::to_string(height) + "\" role=\"img\"><title>" + xml_escape(axis_title) + "</title>";
  s += "<text x=\"" + std::to_string(label_width) + "\" y=\"14\" class=\"label\">" + xml_escape(axis_title) + "</text>";
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const Bar& b = bars[i];
    const int y = top + row * static_cast<int>(i);
    const std::string tip = b.tooltip.empty() ? b.label + ": " + value_text(b.value) : b.tooltip;
    s += "<g><title>" + xml_escape(tip) + "</title>";
    s += "<text x=\"" + std::to_string(label_width - 6) + "\" y=\"" + std::to_string(y + 12) +
         "\" class=\"tick\" text-anchor=\"end\">" + xml_escape(b.label) + "</text>";
    const double w = std::isfinite(b.value) ? std::fabs(b.value) / largest * span : 0;
    if (std::isfinite(b.value))
      s += "<rect x=\"" + std::to_string(label_width) + "\" y=\"" + std::to_string(y + 2) + "\" width=\"" + num(w) +
           "\" height=\"" + std::to_string(row - 4) + "\" class=\"" + (b.highlight ? "bar highlight" : "bar") + "\"/>";
    s += "<text x=\"" + num(label_width + w + 4) + "\" y=\"" + std::to_string(y + 12) + "\" class=\"tick\">" +
         value_text(b.value) + "</text></g>";
  }
  return s + "</svg>";
}

}  // namespace minn::report
