# Cortex-M7 (ARMv7E-M, double-precision FPv5-D16), hard-float ABI. Multilib thumb/v7e-m+dp/hard.
# -mtune=cortex-m4: GCC's M7 tuning turns short conditional float sequences into branches (its
# branch predictor makes them cheap), so the instruction count of one inference depended on the
# data (412277-412453 for e_coli_core). The M4 tuning keeps them as IT blocks: one count for all
# inputs, same ISA, same results bit for bit.
set(MINN_CPU_FLAGS "-mcpu=cortex-m7 -mtune=cortex-m4 -mthumb -mfpu=fpv5-d16 -mfloat-abi=hard")
set(MINN_FLOAT_ABI hard)
include(${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake)
