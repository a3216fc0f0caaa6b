# Cortex-M3 (ARMv7-M, no FPU): soft float. Multilib thumb/v7-m/nofp.
set(MINN_CPU_FLAGS "-mcpu=cortex-m3 -mthumb -mfloat-abi=soft")
set(MINN_FLOAT_ABI soft)
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
