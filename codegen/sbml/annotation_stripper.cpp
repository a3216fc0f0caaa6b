#include "sbml/annotation_stripper.hpp"

#include <algorithm>
#include <cstring>
#include <string_view>

namespace minn::sbml {
namespace {

constexpr std::size_t npos = std::string::npos;

bool is_name_end(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '>' || c == '/'; }

// Skips a comment, CDATA section, processing instruction or DOCTYPE starting at `lt` ('<').
// Returns the index after it, `lt` when the markup there is a tag, npos when it is unterminated.
std::size_t skip_special(std::string_view s, std::size_t lt) {
  auto skip_to = [&](std::string_view terminator) {
    const std::size_t end = s.find(terminator, lt);
    return end == npos ? npos : end + terminator.size();
  };
  const std::string_view rest = s.substr(lt);
  if (rest.substr(0, 4) == "<!--") return skip_to("-->");
  if (rest.substr(0, 9) == "<![CDATA[") return skip_to("]]>");
  if (rest.substr(0, 2) == "<?") return skip_to("?>");
  if (rest.substr(0, 2) == "<!") return skip_to(">");
  return lt;
}

// Index just past the '>' ending the tag that starts at `lt` ('>' in quoted values does not count).
std::size_t tag_end(std::string_view s, std::size_t lt) {
  char quote = 0;
  for (std::size_t i = lt + 1; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return npos;
}

std::string_view tag_name(std::string_view s, std::size_t name_start) {
  std::size_t i = name_start;
  while (i < s.size() && !is_name_end(s[i])) ++i;
  return s.substr(name_start, i - name_start);
}

bool is_annotation(std::string_view qualified) {
  const std::size_t colon = qualified.find(':');
  return (colon == std::string_view::npos ? qualified : qualified.substr(colon + 1)) == "annotation";
}

// Careful scan, tag by tag: the end tag closing `name` whose content starts at `from` (nested
// elements of the same name counted). Index of its '<', or npos.
std::size_t matching_end_tag_slow(std::string_view s, std::size_t from, std::string_view name) {
  int depth = 1;
  std::size_t i = from;
  while (true) {
    const std::size_t lt = s.find('<', i);
    if (lt == npos) return npos;
    const std::size_t special = skip_special(s, lt);
    if (special == npos) return npos;
    if (special != lt) {
      i = special;
      continue;
    }
    const std::size_t end = tag_end(s, lt);
    if (end == npos) return npos;
    const bool closing = lt + 1 < s.size() && s[lt + 1] == '/';
    if (tag_name(s, lt + (closing ? 2 : 1)) == name) {
      if (closing) {
        if (--depth == 0) return lt;
      } else if (s[end - 2] != '/') {
        ++depth;
      }
    }
    i = end;
  }
}

// Fast path: the first "</name" after `from`, valid when the content in between holds no comment,
// CDATA section or nested element of the same name (true of RDF annotations); otherwise the careful
// scan decides.
std::size_t matching_end_tag(std::string_view s, std::size_t from, std::string_view name) {
  const std::string closing = "</" + std::string(name);
  const std::size_t close = s.find(closing, from);
  if (close == npos) return npos;
  const std::string_view content = s.substr(from, close - from);
  const std::string opening = "<" + std::string(name);
  bool simple = content.find("<!") == npos;
  for (std::size_t at = content.find(opening); simple && at != npos; at = content.find(opening, at + 1)) {
    if (at + opening.size() >= content.size() || is_name_end(content[at + opening.size()])) simple = false;
  }
  return simple ? close : matching_end_tag_slow(s, from, name);
}

}  // namespace

std::string strip_annotations(const std::string& xml) {
  const std::string_view s = xml;
  std::string out;
  out.reserve(xml.size());
  std::size_t copied = 0;  // s[0, copied) is already in `out`
  std::size_t i = 0;
  while (true) {
    const std::size_t lt = s.find('<', i);
    if (lt == npos || lt + 1 >= s.size()) break;
    const std::size_t special = skip_special(s, lt);
    if (special == npos) break;
    if (special != lt) {
      i = special;
      continue;
    }
    const std::size_t end = tag_end(s, lt);
    if (end == npos) break;
    i = end;
    if (s[lt + 1] == '/' || s[end - 2] == '/') continue;  // end tag or empty element
    const std::string_view name = tag_name(s, lt + 1);
    if (!is_annotation(name)) continue;
    const std::size_t close = matching_end_tag(s, end, name);
    if (close == npos) break;
    out.append(s.data() + copied, end - copied);
    out.append(static_cast<std::size_t>(std::count(s.begin() + static_cast<std::ptrdiff_t>(end),
                                                   s.begin() + static_cast<std::ptrdiff_t>(close), '\n')),
               '\n');
    copied = close;
    i = close;
  }
  out.append(s.data() + copied, s.size() - copied);
  return out;
}

}  // namespace minn::sbml
