# Cortex-M7 (ARMv7E-M, double-precision FPv5-D16), hard-float ABI. Multilib thumb/v7e-m+dp/hard.
set(MINN_CPU_FLAGS "-mcpu=cortex-m7 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard")
set(MINN_FLOAT_ABI hard)
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
