#include "semihost.h"

enum {
  SYS_OPEN = 0x01, SYS_CLOSE = 0x02, SYS_WRITE0 = 0x04, SYS_WRITE = 0x05, SYS_READ = 0x06,
  SYS_GET_CMDLINE = 0x15, SYS_EXIT_EXTENDED = 0x20,
};
#define ADP_STOPPED_APPLICATION_EXIT 0x20026u

static int sh_call(int op, const void* arg) {
  register int r0 __asm__("r0") = op;
  register const void* r1 __asm__("r1") = arg;
  __asm__ volatile("bkpt 0xAB" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

static size_t length(const char* s) {
  size_t n = 0;
  while (s[n] != '\0') ++n;
  return n;
}

int sh_open(const char* path, int mode) {
  uintptr_t block[3] = {(uintptr_t)path, (uintptr_t)mode, (uintptr_t)length(path)};
  return sh_call(SYS_OPEN, block);
}

int sh_close(int handle) {
  uintptr_t block[1] = {(uintptr_t)handle};
  return sh_call(SYS_CLOSE, block);
}

/* SYS_READ/SYS_WRITE return the number of bytes NOT transferred. */
size_t sh_read(int handle, void* buf, size_t len) {
  uintptr_t block[3] = {(uintptr_t)handle, (uintptr_t)buf, len};
  return len - (size_t)sh_call(SYS_READ, block);
}

size_t sh_write(int handle, const void* buf, size_t len) {
  uintptr_t block[3] = {(uintptr_t)handle, (uintptr_t)buf, len};
  return len - (size_t)sh_call(SYS_WRITE, block);
}

void sh_write0(const char* text) { sh_call(SYS_WRITE0, text); }

int sh_get_cmdline(char* buf, size_t len) {
  uintptr_t block[2] = {(uintptr_t)buf, len};
  return sh_call(SYS_GET_CMDLINE, block);
}

void sh_exit(int code) {
  uintptr_t block[2] = {ADP_STOPPED_APPLICATION_EXIT, (uintptr_t)code};
  sh_call(SYS_EXIT_EXTENDED, block);
  for (;;) {
  }
}
