// Static SVG charts for the HTML report: plain <svg> elements with text labels and <title> tooltips,
// no script, no external resource, so the file renders the same offline in any browser.
#pragma once
#include <string>
#include <vector>

namespace minn::report {

// Text for HTML/SVG content and attribute values (& < > " ').
std::string xml_escape(const std::string& text);

struct ParityPoint {
  double measured = 0, predicted = 0;
  std::string label;  // tooltip, e.g. "glk R_PGI_fwd"
};

// Scatter of predicted against measured on equal axes from 0 to the largest value, with the y = x line.
// `size` is the square's side in pixels; small sizes (small multiples) drop the tick labels.
std::string parity_svg(const std::vector<ParityPoint>& points, const std::string& title, int size);

struct Bar {
  std::string label;
  double value = 0;
  std::string tooltip;  // empty: label and value
  bool highlight = false;
};

// Horizontal bars, one row per entry in the given order, value labels at the bar ends; `unit` follows
// the axis title. Non-finite values are drawn as "n/a" without a bar.
std::string bar_svg(const std::vector<Bar>& bars, const std::string& axis_title, int width);

}  // namespace minn::report
