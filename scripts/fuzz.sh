#!/usr/bin/env bash
# Long fuzz runs over the libFuzzer targets (tests/fuzz, docs/fuzzing.md).
#   bash scripts/fuzz.sh [--preset asan|fuzz] [--runs N] [--seconds S] [--max-len N] [target...]
#                        [-- libFuzzer options...]
# Default: the asan preset, every target, 10M runs each. `--preset fuzz` is the UBSan-only build
# (no ASan: several times the executions per second, for the 10M-per-target campaigns); before its
# first run of a target, the asan corpus of that target is merged into its own (`-merge=1`).
# `--runs` and `--seconds` together: whichever comes first. `--max-len` overrides the target's
# -max_len (docs/fuzzing.md says which targets keep meaningful seeds under a smaller one). Options
# after `--` go to libFuzzer as they are (the 10M campaign used `-- -entropic=0`, docs/fuzzing.md).
# One target at a time, niced, with the options and corpora the CTest smoke runs use; the corpus in
# build/<preset>/tests/fuzz/corpus/<target> grows across runs. Prints executions, executions/s and
# corpus size per target and stops at the first finding (its reproducer lands in
# build/<preset>/tests/fuzz/artifacts/<target>/).
set -euo pipefail
cd "$(dirname "$0")/.."
preset=asan
runs=()
seconds=()
max_len=()
extra=()
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --preset) preset=$2; shift 2 ;;
    --runs) runs=("-runs=$2"); shift 2 ;;
    --seconds) seconds=("-max_total_time=$2"); shift 2 ;;
    --max-len) max_len=("-max_len=$2"); shift 2 ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "fuzz: unknown option $1" >&2; exit 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
case "$preset" in
  asan|fuzz) ;;
  *) echo "fuzz: --preset is asan or fuzz, not $preset" >&2; exit 2 ;;
esac
# Neither given: 10 million executions.
if [ ${#runs[@]} -eq 0 ] && [ ${#seconds[@]} -eq 0 ]; then runs=(-runs=10000000); fi
dir=build/$preset/tests/fuzz
if [ ! -d "$dir" ]; then
  bash scripts/bootstrap.sh
  cmake --preset "$preset" >/dev/null
fi
if [ ${#targets[@]} -eq 0 ]; then
  for args in "$dir"/*.args; do targets+=("$(basename "$args" .args)"); done
fi
nice -n 19 cmake --build "build/$preset" --target "${targets[@]}" minn_fuzz_seeds
mkdir -p "$dir/logs"
for t in "${targets[@]}"; do
  mapfile -t args < "$dir/$t.args"
  old=build/asan/tests/fuzz/corpus/$t
  if [ "$preset" != asan ] && [ -d "$old" ] && [ ! -e "$dir/logs/$t.merged-asan-corpus" ]; then
    log="$dir/logs/$t-merge-$(date -u +%Y%m%dT%H%M%SZ).log"
    echo "fuzz: $t: merging $old into $dir/corpus/$t (log: $log)"
    flags=()
    for a in "${args[@]}"; do case "$a" in -*) flags+=("$a") ;; esac; done
    nice -n 19 "$dir/$t" -merge=1 "${flags[@]}" "${max_len[@]}" "$dir/corpus/$t" "$old" >"$log" 2>&1
    touch "$dir/logs/$t.merged-asan-corpus"
  fi
  log="$dir/logs/$t-$(date -u +%Y%m%dT%H%M%SZ).log"
  echo "fuzz: $t ${runs[*]} ${seconds[*]} ${max_len[*]} ${extra[*]} (log: $log)"
  if ! nice -n 19 "$dir/$t" "${runs[@]}" "${seconds[@]}" "${args[@]}" "${max_len[@]}" "${extra[@]}" >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz: $t found a problem; reproducer in $dir/artifacts/$t/" >&2
    exit 1
  fi
  n=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  corpus=$(ls "$dir/corpus/$t" | wc -l)
  bytes=$(du -sb "$dir/corpus/$t" | cut -f1)
  echo "fuzz: $t ok: $n executions ($rate/s), corpus $corpus files ($bytes bytes)"
done
