#!/usr/bin/env bash
# Quick start, command 1: set up, build, and run the main job: the trained e_coli_core MINN compiled
# for a Cortex-M4F, run on QEMU (mps2-an386) over the 29 Ishii experiments, its central fluxes
# printed for a few experiments, and the comparison with the host reference ("29/29 bit-identical").
# Builds only what the job needs (minnc and the instruction-counting QEMU plugin); scripts/test.sh
# builds everything.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/bootstrap.sh
cmake --preset release >/dev/null
cmake --build --preset release --target minnc minn_insn_window
minnc=build/release/codegen/cli/minnc
for gem in models/gems/e_coli_core.xml.gz models/gems/iAF1260.xml.gz; do
  "$minnc" gem info "$gem"
  echo
done

work=build/release/hil
"$minnc" hil models/e_coli_core.minn --target cortex-m4 --data models/ishii --show REF,WT_0.5h-1,pgi,zwf \
  --work-dir "$work" --report-dir "$work/reports"
