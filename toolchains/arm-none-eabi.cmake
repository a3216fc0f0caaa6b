# Common bare-metal settings for arm-none-eabi (GCC 12 + newlib-nano). The per-core files set
# MINN_CPU_FLAGS and include this one. Consumers: targets/firmware (via targets/<board>/board.cmake).
#
# Why these flags:
#  -ffp-contract=off           no FMA contraction: float results bit-identical to the host reference
#  -ffunction/data-sections    + --gc-sections: only what is called is linked
#  --specs=nano.specs and NO nosys/rdimon specs: any malloc leaves _sbrk undefined, so the link
#                              fails if a heap function sneaks in (link-time heap-free proof)
#  -fno-exceptions/-fno-rtti/-fno-threadsafe-statics/-fno-use-cxa-atexit: no libstdc++ runtime
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_C_COMPILER arm-none-eabi-gcc)
set(CMAKE_CXX_COMPILER arm-none-eabi-g++)
set(CMAKE_ASM_COMPILER arm-none-eabi-gcc)
set(CMAKE_SIZE arm-none-eabi-size CACHE FILEPATH "size tool")
set(CMAKE_NM arm-none-eabi-nm CACHE FILEPATH "nm tool")
# Bare metal cannot link a test executable without a linker script.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

if(NOT DEFINED MINN_CPU_FLAGS)
  message(FATAL_ERROR "arm-none-eabi.cmake: include a per-core toolchain file (MINN_CPU_FLAGS unset)")
endif()
set(MINN_TARGET_KIND baremetal)

set(_minn_common "${MINN_CPU_FLAGS} -ffp-contract=off -ffunction-sections -fdata-sections")
set(CMAKE_C_FLAGS_INIT "${_minn_common}")
set(CMAKE_CXX_FLAGS_INIT
    "${_minn_common} -fno-exceptions -fno-rtti -fno-threadsafe-statics -fno-use-cxa-atexit")
set(CMAKE_ASM_FLAGS_INIT "${MINN_CPU_FLAGS}")
set(CMAKE_EXE_LINKER_FLAGS_INIT "${MINN_CPU_FLAGS} --specs=nano.specs -nostartfiles -Wl,--gc-sections")

# Host programs (cmake, qemu) stay on the host; headers and libraries come from the toolchain.
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
