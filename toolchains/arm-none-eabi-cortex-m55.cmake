# Cortex-M55 (ARMv8.1-M, FPv5 + MVE), hard-float ABI. GCC 12 emits scalar FP here (no MVE reductions without -ffast-math).
set(MINN_CPU_FLAGS "-mcpu=cortex-m55 -mthumb -mfloat-abi=hard")
set(MINN_FLOAT_ABI hard)
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
