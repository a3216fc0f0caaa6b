# Cortex-M0 (ARMv6-M, no FPU): soft float. Multilib thumb/v6-m/nofp.
set(MINN_CPU_FLAGS "-mcpu=cortex-m0 -mthumb -mfloat-abi=soft")
set(MINN_FLOAT_ABI soft)
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
