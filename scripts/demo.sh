#!/usr/bin/env bash
# Quick start, command 1: set up, build, and run the main job: the trained e_coli_core MINN compiled
# for a Cortex-M4F, run on QEMU (mps2-an386) over the 29 Ishii experiments, its central fluxes
# printed for a few experiments, and the comparison with the host reference ("29/29 bit-identical").
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh
minnc=build/release/codegen/cli/minnc
for gem in models/gems/e_coli_core.xml.gz models/gems/iAF1260.xml.gz; do
  "$minnc" gem info "$gem"
  echo
done

work=build/release/hil
model=models/e_coli_core.minn
if [ -f "$model" ]; then
  "$minnc" hil "$model" --target cortex-m4 --data models/ishii --show REF,WT_0.5h-1,pgi,zwf \
    --work-dir "$work" --report-dir "$work/reports"
else
  # Until the trained model ships: the same HIL job on a small synthetic model (no data rows).
  echo "$model is not shipped yet: running the HIL job on a synthetic model instead"
  mkdir -p "$work"
  build/release/tests/hil/make_synthetic_minn "$work/synthetic.minn"
  "$minnc" hil "$work/synthetic.minn" --target cortex-m4 --work-dir "$work" --report-dir "$work/reports"
fi
