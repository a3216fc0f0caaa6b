#!/bin/sh
# Builds arm_kernels_parity.cpp for armhf (Cortex-A, Thumb-2, VFPv3-D16 + DSP instructions: the
# same VLDM/VMLA/SMLAD/SXTB16 the Cortex-M4F/M7/M33/M55 kernels use) and runs it under qemu-arm.
# Usage: arm_kernels_parity_check.sh SOURCE LIB_DIR WORK_DIR
set -eu
src=$1 lib=$2 work=$3
mkdir -p "$work"
arm-linux-gnueabihf-g++ -mthumb -O2 -std=c++17 -ffp-contract=off -Wall -Wextra -Werror -I"$lib" \
  "$src" -o "$work/arm_kernels_parity"
qemu-arm -L /usr/arm-linux-gnueabihf "$work/arm_kernels_parity"
