#!/usr/bin/env bash
# Quick start, command 2: set up, build, and run every test (CTest + GoogleTest).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
ctest --preset release "$@"
