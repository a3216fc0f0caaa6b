#!/bin/sh
# Usage: example_m4f_test.sh MINN_BUILD_DIR MINN_SOURCE_DIR WORK_DIR
# 1. cmake --install to WORK/prefix; 2. the example project copied to WORK/src (outside the
# repository: it can only see the installed package); 3. configure with the installed M4F toolchain,
# build; 4. a second build does nothing; 5. after the model file changes, minnc compile reruns;
# 6. the firmware runs on QEMU's mps2-an386 (when qemu-system-arm is present) and exits 0.
set -eu
build=$1 source=$2 work=$3
rm -rf "$work"
mkdir -p "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }

cmake --install "$build" --prefix "$work/prefix" >"$work/install.log" || fail "cmake --install (see $work/install.log)"
for f in bin/minnc include/minn/minn.hpp include/minn/status.h share/cmake/minn/minnConfig.cmake \
         share/cmake/minn/minnConfigVersion.cmake share/minn/toolchains/arm-none-eabi-cortex-m4.cmake; do
  [ -f "$work/prefix/$f" ] || fail "the install lacks $f"
done

cp -r "$source/targets/example-m4f" "$work/src"
cp "$source/models/e_coli_core.minn" "$work/model.minn"
cmake -S "$work/src" -B "$work/fw" -G Ninja -DCMAKE_PREFIX_PATH="$work/prefix" \
  -DCMAKE_TOOLCHAIN_FILE="$work/prefix/share/minn/toolchains/arm-none-eabi-cortex-m4.cmake" \
  -DECOLI_MODEL="$work/model.minn" >"$work/configure.log" 2>&1 || { cat "$work/configure.log"; fail "configure"; }
grep -q "minn_DIR:PATH=$work/prefix/share/cmake/minn" "$work/fw/CMakeCache.txt" || fail "minn not found in the prefix"

cmake --build "$work/fw" >"$work/build1.log" 2>&1 || { cat "$work/build1.log"; fail "first build"; }
grep -q "minnc compile" "$work/build1.log" || fail "the first build did not run minnc compile"
[ -f "$work/fw/minn/ecoli/ecoli.cpp" ] || fail "no generated ecoli.cpp"
file_out=$(arm-none-eabi-readelf -h "$work/fw/firmware.elf") || fail "no firmware.elf"
echo "$file_out" | grep -q "Machine:.*ARM" || fail "firmware.elf is not an ARM ELF"
arm-none-eabi-readelf -A "$work/fw/firmware.elf" | grep -q "Tag_ABI_VFP_args: VFP registers" ||
  fail "firmware.elf is not hard-float (Cortex-M4F)"
arm-none-eabi-nm "$work/fw/firmware.elf" | grep -q " T ecoli_infer$" || fail "ecoli_infer is not linked in"

cmake --build "$work/fw" >"$work/build2.log" 2>&1 || fail "second build"
grep -q "no work to do" "$work/build2.log" || { cat "$work/build2.log"; fail "an unchanged model rebuilt"; }

sleep 1  # a coarse file-system clock must see a newer model
touch "$work/model.minn"
cmake --build "$work/fw" >"$work/build3.log" 2>&1 || fail "third build"
grep -q "minnc compile" "$work/build3.log" || { cat "$work/build3.log"; fail "a changed model did not rerun minnc compile"; }

if command -v qemu-system-arm >/dev/null 2>&1; then
  rc=0
  timeout 60 qemu-system-arm -M mps2-an386 -nographic -semihosting -monitor none -serial none \
    -kernel "$work/fw/firmware.elf" >"$work/qemu.log" 2>&1 || rc=$?
  [ "$rc" -eq 0 ] || { cat "$work/qemu.log"; fail "the firmware exited with $rc on qemu mps2-an386"; }
  echo "firmware ran on qemu mps2-an386: exit 0"
fi
arm-none-eabi-size "$work/fw/firmware.elf"
echo "PASS: example-m4f built out of tree through find_package(minn) + minn_add_model"
