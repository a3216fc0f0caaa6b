#!/usr/bin/env bash
# Quick start, command 1: set up, build, and run the main job:
#  1. the trained e_coli_core MINN compiled for a Cortex-M4F, run on QEMU (mps2-an386) over the 29
#     Ishii experiments, its central fluxes printed for a few experiments, and the comparison with
#     the host reference ("29/29 bit-identical");
#  2. the shipped online soft sensor (e_coli_core_surrogate_optimal.minn: glucose and O2 uptake, CO2
#     evolution, growth rate) on the same emulated Cortex-M4F following a simulated 24 h fed-batch
#     (dynamic FBA, sensor noise and faults): raw signals in, estimated vs true fluxes out every
#     hour, bit-identity with the host at every sample, the quality words each fault raised.
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
echo
"$minnc" hil models/e_coli_core_surrogate_optimal.minn --plant models/scenarios/fed_batch.txt --target cortex-m4 \
  --trace 1 --plot R_PGI_fwd,R_CS,R_G6PDH2r_fwd,R_PTAr_fwd --work-dir "$work/plant" --report-dir "$work/reports"
