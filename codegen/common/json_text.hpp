// The one JSON string escaper every report and writer uses (RFC 8259: quote, backslash, the short
// escapes \n \t \r, and \u00XX for the other control characters; UTF-8 bytes pass through).
#pragma once
#include <string>

namespace minn {

std::string json_quote(const std::string& text);

}  // namespace minn
