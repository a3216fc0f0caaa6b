#!/usr/bin/env bash
# Installs what is missing, configures and builds the host release preset (tools, tests, firmware).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
cmake --preset release >/dev/null
cmake --build --preset release
