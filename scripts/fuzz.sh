#!/usr/bin/env bash
# Long fuzz runs over the libFuzzer targets of the asan preset (tests/fuzz, docs/fuzzing.md).
#   bash scripts/fuzz.sh [--runs N | --seconds S] [target...]     (default: every target, 10M runs each)
# One target at a time, niced, with the options and corpora the CTest smoke runs use; the corpus in
# build/asan/tests/fuzz/corpus/<target> grows across runs. Prints executions and corpus size per
# target and stops at the first finding (its reproducer lands in build/asan/tests/fuzz/artifacts/).
set -euo pipefail
cd "$(dirname "$0")/.."
limit=(-runs=10000000)
targets=()
while [ $# -gt 0 ]; do
  case "$1" in
    --runs) limit=("-runs=$2"); shift 2 ;;
    --seconds) limit=("-max_total_time=$2"); shift 2 ;;
    *) targets+=("$1"); shift ;;
  esac
done
dir=build/asan/tests/fuzz
if [ ! -d "$dir" ]; then
  bash scripts/bootstrap.sh
  cmake --preset asan >/dev/null
fi
if [ ${#targets[@]} -eq 0 ]; then
  for args in "$dir"/*.args; do targets+=("$(basename "$args" .args)"); done
fi
cmake --build build/asan --target "${targets[@]}" minn_fuzz_seeds
mkdir -p "$dir/logs"
for t in "${targets[@]}"; do
  mapfile -t args < "$dir/$t.args"
  log="$dir/logs/$t-$(date -u +%Y%m%dT%H%M%SZ).log"
  echo "fuzz: $t ${limit[*]} (log: $log)"
  if ! nice -n 10 "$dir/$t" "${limit[@]}" "${args[@]}" >"$log" 2>&1; then
    tail -n 40 "$log"
    echo "fuzz: $t found a problem; reproducer in $dir/artifacts/$t/" >&2
    exit 1
  fi
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  corpus=$(ls "$dir/corpus/$t" | wc -l)
  bytes=$(du -sb "$dir/corpus/$t" | cut -f1)
  echo "fuzz: $t ok: $runs executions, corpus $corpus files ($bytes bytes)"
done
