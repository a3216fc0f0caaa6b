#!/usr/bin/env bash
# Quick start, command 1: set up, build, and run the main job.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
minnc=build/release/codegen/cli/minnc
for gem in models/gems/e_coli_core.xml.gz models/gems/iAF1260.xml.gz; do
  "$minnc" gem info "$gem"
  echo
done
