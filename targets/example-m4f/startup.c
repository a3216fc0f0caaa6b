/* Minimal Cortex-M reset for the example: enable the FPU, copy .data, zero .bss, run main, then report
 * main's return value to the debugger or QEMU through semihosting (SYS_EXIT_EXTENDED). A product
 * would use its vendor's startup file instead; the symbols come from the board's linker script. */
#include <stdint.h>
#include <string.h>

extern uint32_t __data_load[], __data_start[], __data_end[], __bss_start[], __bss_end[], __stack_top[];
int main(void);
void Reset_Handler(void) __attribute__((noreturn));
static void Fault_Handler(void) __attribute__((noreturn));

static void semihost_exit(int code) __attribute__((noreturn));
static void semihost_exit(int code) {
  /* SYS_EXIT_EXTENDED (0x20) with {ADP_Stopped_ApplicationExit, code}: QEMU exits with `code`. */
  uint32_t block[2] = {0x20026u, (uint32_t)code};
  register uint32_t r0 __asm__("r0") = 0x20u;
  register uint32_t* r1 __asm__("r1") = block;
  __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  for (;;) {
  }
}

void Reset_Handler(void) {
  volatile uint32_t* const cpacr = (volatile uint32_t*)0xE000ED88u; /* CP10/CP11 full access */
  *cpacr |= 0xFu << 20;
  __asm__ volatile("dsb\n\tisb" ::: "memory");
  memcpy(__data_start, __data_load, (size_t)((uintptr_t)__data_end - (uintptr_t)__data_start));
  memset(__bss_start, 0, (size_t)((uintptr_t)__bss_end - (uintptr_t)__bss_start));
  semihost_exit(main());
}

static void Fault_Handler(void) { semihost_exit(99); }

__attribute__((section(".vectors"), used)) void (*const vector_table[16])(void) = {
    (void (*)(void))(uintptr_t)__stack_top, Reset_Handler, Fault_Handler, Fault_Handler, Fault_Handler,
    Fault_Handler, Fault_Handler, 0, 0, 0, 0, Fault_Handler, Fault_Handler, 0, Fault_Handler, Fault_Handler,
};
