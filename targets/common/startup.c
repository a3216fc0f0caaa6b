/* Cortex-M reset, fault handling and exit for the HIL firmware (written in C: calling main() from
 * startup code is ill-formed in C++). Boots from the vector table at the start of FLASH. */
#include <stdint.h>
#include <string.h>

#include "hil_protocol.h"
#include "semihost.h"

extern uint32_t __data_load[], __data_start[], __data_end[];
extern uint32_t __bss_start[], __bss_end[];
extern uint32_t __stack_limit[], __stack_top[];
extern void (*__preinit_array_start[])(void), (*__preinit_array_end[])(void);
extern void (*__init_array_start[])(void), (*__init_array_end[])(void);

int main(int argc, char** argv);
void Reset_Handler(void) __attribute__((noreturn));
void Fault_Handler(void) __attribute__((noreturn));

#define STACK_PAINT 0xA5A5A5A5u
#define MAX_ARGS 8

static char cmdline[256];
static char* args[MAX_ARGS];

/* Splits the semihosting command line (QEMU joins its arg= values with spaces) into argv. */
static int split_cmdline(void) {
  if (sh_get_cmdline(cmdline, sizeof cmdline) != 0) return 0;
  int argc = 0;
  char* p = cmdline;
  while (*p != '\0' && argc < MAX_ARGS) {
    while (*p == ' ') *p++ = '\0';
    if (*p == '\0') break;
    args[argc++] = p;
    while (*p != '\0' && *p != ' ') ++p;
  }
  return argc;
}

/* Key then value, without memcpy/strlen: the fault path must not depend on library code that may
 * use FP registers (a hard-float image on an FPU-less core would fault again inside the handler). */
static void put_hex(const char* key, uint32_t value) {
  char text[12];
  text[0] = '0';
  text[1] = 'x';
  for (int i = 0; i < 8; ++i) text[2 + i] = "0123456789abcdef"[(value >> (28 - 4 * i)) & 0xFu];
  text[10] = '\n';
  text[11] = '\0';
  sh_write0(key);
  sh_write0(text);
}

static void put_dec(const char* key, uint32_t value) {
  char text[12];
  int n = 11;
  text[n--] = '\0';
  text[n--] = '\n';
  do {
    text[n--] = (char)('0' + value % 10u);
    value /= 10u;
  } while (value != 0u && n >= 0);
  sh_write0(key);
  sh_write0(&text[n + 1]);
}

/* Lowest painted word still intact bounds the deepest stack use (measured, next to the static bound). */
static uint32_t stack_high_water(void) {
  const uint32_t* p = __stack_limit;
  while (p < __stack_top && *p == STACK_PAINT) ++p;
  return (uint32_t)((uintptr_t)__stack_top - (uintptr_t)p);
}

void Reset_Handler(void) {
#if defined(__ARM_FP)
  /* CPACR: full access to CP10/CP11, before any float instruction runs. */
  volatile uint32_t* const cpacr = (volatile uint32_t*)0xE000ED88u;
  *cpacr |= 0xFu << 20;
  __asm__ volatile("dsb\n\tisb" ::: "memory");
#endif
  memcpy(__data_start, __data_load, (size_t)((uintptr_t)__data_end - (uintptr_t)__data_start));
  memset(__bss_start, 0, (size_t)((uintptr_t)__bss_end - (uintptr_t)__bss_start));
  {
    /* Up to the current SP: this frame is already allocated and the loop calls nothing. */
    uint32_t sp;
    __asm__ volatile("mov %0, sp" : "=r"(sp));
    for (uint32_t* p = __stack_limit; (uintptr_t)p < sp; ++p) *p = STACK_PAINT;
  }
  for (void (**f)(void) = __preinit_array_start; f < __preinit_array_end; ++f) (*f)();
  for (void (**f)(void) = __init_array_start; f < __init_array_end; ++f) (*f)();

  int argc = split_cmdline();
  int rc = main(argc, args);
  put_dec("stack_used=", stack_high_water());
  put_dec("stack_size=", (uint32_t)((uintptr_t)__stack_top - (uintptr_t)__stack_limit));
  sh_exit(rc);
}

void Fault_Handler(void) {
  sh_write0("FAULT\n");
  put_hex("ICSR=", *(volatile uint32_t*)0xE000ED04u);
#if !defined(__ARM_ARCH_6M__)
  put_hex("CFSR=", *(volatile uint32_t*)0xE000ED28u);
  put_hex("HFSR=", *(volatile uint32_t*)0xE000ED2Cu);
#endif
  sh_exit(MINN_HIL_EXIT_FAULT);
}

/* Core exceptions only: the harness uses no peripheral interrupts. Unused entries trap as faults. */
__attribute__((section(".vectors"), used)) void (*const vector_table[16])(void) = {
    (void (*)(void))(uintptr_t)__stack_top,
    Reset_Handler,
    Fault_Handler, /* NMI */
    Fault_Handler, /* HardFault */
    Fault_Handler, /* MemManage */
    Fault_Handler, /* BusFault */
    Fault_Handler, /* UsageFault */
    Fault_Handler, /* SecureFault (ARMv8-M) */
    0, 0, 0,
    Fault_Handler, /* SVCall */
    Fault_Handler, /* DebugMonitor */
    0,
    Fault_Handler, /* PendSV */
    Fault_Handler, /* SysTick */
};
