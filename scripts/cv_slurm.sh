#!/usr/bin/env bash
# One `minnc cv` run spread over a Slurm job array: each array task runs one shard of the outer
# leave-one-out splits (`--outer-shard K/N`), a dependent job merges the N shard files into the files
# a single run writes (byte-identical). Submit from the repository root with minnc built:
#
#   sbatch --array=1-8 scripts/cv_slurm.sh          # N = 8 shards (29 outer splits: 3 or 4 each)
#   sbatch --dependency=afterok:<array job id> --export=ALL,MERGE=8 scripts/cv_slurm.sh
#
# Options of the run: CV_ARGS (the same for every shard and the merge), output directory OUT.
# A shard that is killed resumes from its shard file when resubmitted (sbatch --array=K ...).
# Without Slurm, the same with GNU parallel on one machine (N = 4, 1 thread per shard):
#
#   parallel minnc cv $CV_ARGS --threads 1 --outer-shard {}/4 -o out ::: 1 2 3 4 && minnc cv $CV_ARGS -o out merge --shards 4
#
#SBATCH --job-name=minn-cv
#SBATCH --cpus-per-task=2
#SBATCH --time=02:00:00
#SBATCH --output=minn-cv-%A_%a.log
set -euo pipefail

MINNC=${MINNC:-build/release/codegen/cli/minnc}
OUT=${OUT:-out}
CV_ARGS=${CV_ARGS:-"--gem models/gems/iAF1260.xml.gz --data models/ishii --variant c-balanced --reduce fva \
  --sampler tpe --precision f32 --clip-inputs --normalise glucose-residual --seed 0"}

if [ -n "${MERGE:-}" ]; then
  # shellcheck disable=SC2086
  exec "$MINNC" cv $CV_ARGS -o "$OUT" merge --shards "$MERGE"
fi
: "${SLURM_ARRAY_TASK_ID:?submit with sbatch --array=1-N (or set MERGE=N for the merge job)}"
: "${SLURM_ARRAY_TASK_COUNT:?submit with sbatch --array=1-N}"
# shellcheck disable=SC2086
exec "$MINNC" cv $CV_ARGS --threads "${SLURM_CPUS_PER_TASK:-1}" \
  --outer-shard "$SLURM_ARRAY_TASK_ID/$SLURM_ARRAY_TASK_COUNT" -o "$OUT"
