// What every fuzz target asserts about a rejected input: the reader threw minn::Error (never
// another exception, a crash or a hang -- libFuzzer and the sanitizers catch those) and the
// message names the input it came from, as the project's error standard asks.
#pragma once
#include <cstdio>
#include <cstdlib>
#include <string>

#include "common/error.hpp"

namespace minn::fuzz {

// Aborts (a libFuzzer finding) when a reader's error message does not name `origin`.
inline void expect_named(const Error& error, const std::string& origin) {
  const std::string message = error.what();
  if (message.find(origin) == std::string::npos) {
    std::fprintf(stderr, "error message does not name '%s': %s\n", origin.c_str(), message.c_str());
    std::abort();
  }
}

// Aborts with `what` (a broken property of an accepted input).
[[noreturn]] inline void fail(const std::string& what) {
  std::fprintf(stderr, "fuzz property violated: %s\n", what.c_str());
  std::abort();
}

}  // namespace minn::fuzz
