# Cortex-M4F (ARMv7E-M, single-precision FPv4-SP-D16), hard-float ABI. Multilib thumb/v7e-m+fp/hard.
set(MINN_CPU_FLAGS "-mcpu=cortex-m4 -mthumb -mfpu=fpv4-sp-d16 -mfloat-abi=hard")
set(MINN_FLOAT_ABI hard)
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
