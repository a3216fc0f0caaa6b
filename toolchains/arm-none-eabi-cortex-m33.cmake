# Cortex-M33 (ARMv8-M Mainline, single-precision FPv5-SP-D16), hard-float ABI.
set(MINN_CPU_FLAGS "-mcpu=cortex-m33 -mthumb -mfpu=fpv5-sp-d16 -mfloat-abi=hard")
set(MINN_FLOAT_ABI hard)
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
