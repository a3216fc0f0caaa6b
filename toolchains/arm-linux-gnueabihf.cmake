# Cortex-A Linux, 32-bit hard-float (Debian's g++-arm-linux-gnueabihf). Runs under qemu-arm; binfmt_misc
# is not assumed, so the emulator is always named explicitly.
set(CMAKE_SYSTEM_NAME Linux)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-linux-gnueabihf-gcc)
set(CMAKE_CXX_COMPILER arm-linux-gnueabihf-g++)
set(CMAKE_SIZE arm-linux-gnueabihf-size CACHE FILEPATH "size tool")
set(CMAKE_NM arm-linux-gnueabihf-nm CACHE FILEPATH "nm tool")
set(MINN_TARGET_KIND linux)
set(MINN_FLOAT_ABI hard)
set(MINN_SYSROOT /usr/arm-linux-gnueabihf)
set(CMAKE_FIND_ROOT_PATH ${MINN_SYSROOT})
set(CMAKE_CROSSCOMPILING_EMULATOR qemu-arm -L ${MINN_SYSROOT})
# -ffp-contract=off: bit-identical floats with the host reference (GCC contracts to VFMA by default).
set(CMAKE_C_FLAGS_INIT "-ffp-contract=off")
set(CMAKE_CXX_FLAGS_INIT "-ffp-contract=off")
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
# Pitfall (notes §7.5): with ONLY, find_package(Eigen3) fails here because Eigen lives on the host
# only. Consumers get Eigen's include dir passed down (MINN_EIGEN_INCLUDE_DIR) instead.
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
