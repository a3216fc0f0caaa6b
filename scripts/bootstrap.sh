#!/usr/bin/env bash
# Installs the Debian 12 packages minn needs. Idempotent: does nothing when
# everything is present, runs `apt-get update` only when a package is unknown
# to apt's cache. Works as root, uses sudo otherwise.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libeigen3-dev libtinyxml2-dev zlib1g-dev libssl-dev
  libflatbuffers-dev flatbuffers-compiler
  coinor-libclp-dev libcli11-dev
  libgtest-dev googletest
  libzip-dev nlohmann-json3-dev libpng-dev
  chromium
  gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib
  qemu-system-arm qemu-user
  g++-arm-linux-gnueabihf
  clang libclang-rt-14-dev valgrind
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    missing+=("$p")
  fi
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive

unknown=0
for p in "${missing[@]}"; do
  apt-cache show "$p" >/dev/null 2>&1 || unknown=1
done
if [ "$unknown" -eq 1 ]; then
  echo "bootstrap: updating the apt package lists" >&2
  "${sudo[@]}" apt-get update -q
fi
echo "bootstrap: installing ${missing[*]}" >&2
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
