#!/bin/sh
# Seed corpora for the fuzz targets, one directory per target, from the files minn ships and
# tests with. Usage: make_seeds.sh SOURCE_DIR OUT_DIR EMIT_FIXTURE_MINN_TOOL
set -eu
src=$1 out=$2 fixture_tool=$3
rm -rf "$out"
mkdir -p "$out/fuzz_sbml" "$out/fuzz_sbml_gzip" "$out/fuzz_dataset_csv" "$out/fuzz_minn_file" \
         "$out/fuzz_minn_fields" "$out/fuzz_infer" "$out/fuzz_sensor_step"

# SBML: the valid and malformed test documents, and e_coli_core as the reader sees it (inflated).
for f in "$src"/tests/data/sbml/valid/*.xml "$src"/tests/data/sbml/malformed/*.xml; do
  cp "$f" "$out/fuzz_sbml/$(basename "$(dirname "$f")")_$(basename "$f")"
done
gzip -dc "$src/models/gems/e_coli_core.xml.gz" > "$out/fuzz_sbml/e_coli_core.xml"

# gzip: the small valid documents compressed, the corrupt test file, the shipped e_coli_core.
for f in "$src"/tests/data/sbml/valid/*.xml; do gzip -9nc "$f" > "$out/fuzz_sbml_gzip/$(basename "$f").gz"; done
cp "$src/tests/data/sbml/malformed/corrupt.xml.gz" "$src/models/gems/e_coli_core.xml.gz" "$out/fuzz_sbml_gzip/"

# Datasets: transcriptomics, proteomics, fluxomics and KOs_Vin.csv joined by NUL bytes.
for dir in "$src/models/ishii" "$src"/tests/data/ishii_bad/*/; do
  dir=${dir%/}
  {
    cat "$dir/transcriptomics.csv"; printf '\000'
    cat "$dir/proteomics.csv"; printf '\000'
    cat "$dir/fluxomics.csv"; printf '\000'
    if [ -f "$dir/KOs_Vin.csv" ]; then cat "$dir/KOs_Vin.csv"; fi
  } > "$out/fuzz_dataset_csv/$(basename "$dir")"
done

# Models: the shipped one and the small random fixtures (plain and uptake-normalised).
cp "$src"/models/*.minn "$out/fuzz_minn_file/"
"$fixture_tool" "$out/fuzz_minn_file/fixture.minn" >/dev/null
"$fixture_tool" "$out/fuzz_minn_file/fixture_normalised.minn" normalised >/dev/null

# Field choices: any bytes are a valid choice sequence; a few fixed ones.
printf '\000\000\000\000\000\000\000\000' > "$out/fuzz_minn_fields/zeros"
printf '\377\377\377\377\377\377\377\377\377\377\377\377' > "$out/fuzz_minn_fields/ones"
head -c 2048 "$out/fuzz_minn_file/fixture.minn" > "$out/fuzz_minn_fields/fixture_prefix"

# Raw inputs: records (input index, float little-endian) at input 0 and at the glucose uptake
# (139, the flux-scaling input): the documented edge cases of the generated code.
f=$out/fuzz_infer
: > "$f/midpoints"
for at in '\000' '\213' '\214'; do
  name=$(printf "$at" | od -An -tu1 | tr -d ' ')
  printf "$at"'\000\000\300\177' > "$f/nan_$name"
  printf "$at"'\000\000\200\177' > "$f/plus_inf_$name"
  printf "$at"'\000\000\200\377' > "$f/minus_inf_$name"
  printf "$at"'\001\000\000\000' > "$f/denormal_$name"
  printf "$at"'\377\377\177\177' > "$f/flt_max_$name"
  printf "$at"'\377\377\177\377' > "$f/minus_flt_max_$name"
  printf "$at"'\312\362\111\161' > "$f/1e30_$name"
  printf "$at"'\312\362\111\361' > "$f/minus_1e30_$name"
done

# Sensor samples: policy bytes, then 12 samples of 11 fields (mode byte + 4 float bytes): all
# plausible; a NaN biomass in sample 4; a stuck off-gas O2 (same bits); a 1e30 feed in sample 9.
s=$out/fuzz_sensor_step
plausible() { printf '\140\000\000\000\000'; }
raw() { printf '\377'"$1"; }
sample() {  # $1: field index to replace with raw bytes $2 (or none)
  for i in 0 1 2 3 4 5 6 7 8 9 10; do
    if [ "$i" = "$1" ]; then raw "$2"; else plausible; fi
  done
}
{ printf '\006\004\005\000'; for k in 0 1 2 3 4 5 6 7 8 9 10 11; do sample none; done; } > "$s/plausible"
{ printf '\006\004\005\001'; for k in 0 1 2 3 4 5 6 7 8 9 10 11; do
    if [ $k = 4 ]; then sample 10 '\000\000\300\177'; elif [ $k = 9 ]; then sample 7 '\312\362\111\161'; else sample none; fi
  done; } > "$s/nan_biomass_big_feed"
{ printf '\002\002\000\000'; for k in 0 1 2 3 4 5 6 7 8 9 10 11; do sample 3 '\000\000\100\076'; done; } > "$s/stuck_o2"
