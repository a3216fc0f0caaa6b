#!/usr/bin/env bash
# Quick start, command 2: set up, build, and run every test (CTest + GoogleTest): the release
# preset (with the valgrind runs of minnc); with MINN_TEST_ASAN=1 also the asan preset (clang, ASan +
# UBSan, no cross-target builds): the same suite under the sanitizers plus the libFuzzer smoke runs.
# Arguments go to both CTest runs (e.g. -R sbml).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --preset release "$@"
# The ASan + UBSan stage (clang, fuzz smoke runs) has not yet run whole on a clean clone within the
# CI budget; it runs when MINN_TEST_ASAN=1 (docs/fuzzing.md) until it does.
if [ "${MINN_TEST_ASAN:-0}" = 1 ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan
  ctest --preset asan "$@"
fi
