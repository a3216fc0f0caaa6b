#include "hil_harness.h"

#include "hil_io.h"

/* noipa: keep every call, never fold or clone it; the plugin needs a real entry address. */
__attribute__((noipa)) void minn_hil_mark_begin(void) { __asm__ volatile(""); }
__attribute__((noipa)) void minn_hil_mark_end(void) { __asm__ volatile(""); }

void hil_log_uint(const char* message, uint32_t value) {
  char text[12];
  int n = 11;
  text[n--] = '\0';
  text[n--] = '\n';
  do {
    text[n--] = (char)('0' + value % 10u);
    value /= 10u;
  } while (value != 0u && n >= 0);
  hil_log(message);
  hil_log(&text[n + 1]);
}
