#!/bin/sh
# Compiles the rate front end (lib/minn/rates.hpp, instantiated by rates_bare_metal.cpp) for
# bare-metal Cortex-M0, M3 (soft float), M4F, M7 (hard float), M33 and M55 with -Wall -Wextra
# -Wpedantic -Werror, no exceptions and no RTTI, then checks with nm that the object calls nothing
# but the compiler's soft-float helpers (__aeabi_*): no libm, no heap, no libc.
# Usage: rates_bare_metal_check.sh SOURCE LIB_DIR WORK_DIR
set -eu
src=$1 lib=$2 work=$3
mkdir -p "$work"
flags="-O2 -ffp-contract=off -ffunction-sections -fdata-sections -Wall -Wextra -Wpedantic -Werror
  -std=c++17 -fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-use-cxa-atexit -I$lib"
for core in m0 m3 m4f m7 m33 m55; do
  case $core in
    m0) cpu="-mcpu=cortex-m0 -mthumb -mfloat-abi=soft" ;;
    m3) cpu="-mcpu=cortex-m3 -mthumb -mfloat-abi=soft" ;;
    m4f) cpu="-mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard" ;;
    m7) cpu="-mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard" ;;
    m33) cpu="-mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard" ;;
    m55) cpu="-mcpu=cortex-m55 -mthumb -mfloat-abi=hard" ;;
  esac
  obj=$work/rates_$core.o
  # shellcheck disable=SC2086
  arm-none-eabi-g++ $cpu $flags -c "$src" -o "$obj"
  if ! arm-none-eabi-nm "$obj" | grep -q " T check_growth_rate$"; then
    echo "FAIL $core: check_growth_rate is not in the object" >&2
    exit 1
  fi
  calls=$(arm-none-eabi-nm -u "$obj" | awk '{print $NF}' | grep -v '^__aeabi_' || true)
  if [ -n "$calls" ]; then
    echo "FAIL $core: the front end calls outside functions:" >&2
    echo "$calls" >&2
    exit 1
  fi
  echo "$core: ok ($(arm-none-eabi-size "$obj" | tail -1 | awk '{print $1}') bytes of code)"
done
