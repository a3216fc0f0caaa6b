#!/bin/sh
# Compiles generated sources for bare-metal Cortex-M (M4F hard float, M3 soft float) with
# -Wall -Wextra -Wpedantic -Werror, links them into bare_metal_main.c without nosys specs and
# checks with nm that no heap, abort or atexit function is linked.
# Usage: bare_metal_check.sh GEN_DIR NAME LIB_DIR WORK_DIR
set -eu
gen=$1 name=$2 lib=$3 work=$4
here=$(cd "$(dirname "$0")" && pwd)
mkdir -p "$work"
common="-O2 -ffp-contract=off -ffunction-sections -fdata-sections -Wall -Wextra -Wpedantic -Werror -I$gen -I$lib"
cxx="-std=c++17 -fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-use-cxa-atexit"
for core in m4f m3; do
  case $core in
    m4f) cpu="-mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard" ;;
    m3) cpu="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft" ;;
  esac
  out=$work/$core
  mkdir -p "$out"
  arm-none-eabi-g++ $cpu $common $cxx -c "$gen/$name.cpp" -o "$out/$name.o"
  arm-none-eabi-gcc $cpu $common -std=c99 "-DMODEL_NAME=$name" "-DMODEL_HEADER=\"$name.h\"" \
    -c "$here/bare_metal_main.c" -o "$out/main.o"
  arm-none-eabi-g++ $cpu -nostartfiles --specs=nano.specs -Wl,--gc-sections -Wl,-e,_start \
    "$out/main.o" "$out/$name.o" -o "$out/app.elf"
  syms=$(arm-none-eabi-nm "$out/app.elf")
  if ! echo "$syms" | grep -q " T ${name}_infer$"; then
    echo "FAIL $core: ${name}_infer is not in the linked program" >&2
    exit 1
  fi
  bad=$(echo "$syms" | grep -E ' (malloc|_malloc_r|free|_free_r|calloc|realloc|_sbrk|_sbrk_r|abort|exit|_exit|__cxa_atexit|atexit|printf|__cxa_guard_acquire)$' || true)
  if [ -n "$bad" ]; then
    echo "FAIL $core: forbidden symbols linked:" >&2
    echo "$bad" >&2
    exit 1
  fi
  echo "$core: ok ($(arm-none-eabi-size "$out/app.elf" | tail -1))"
done
