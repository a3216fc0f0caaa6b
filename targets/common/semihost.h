/* Arm semihosting (BKPT 0xAB on M-profile): file I/O and exit through QEMU, test builds only.
 * On real silicon without a debugger BKPT faults, so production firmware must not link this. */
#ifndef MINN_SEMIHOST_H
#define MINN_SEMIHOST_H
#include <stddef.h>
#include <stdint.h>

enum {
  SH_OPEN_READ_BINARY = 1,   /* "rb" */
  SH_OPEN_WRITE_BINARY = 5,  /* "wb" */
};

int sh_open(const char* path, int mode);             /* handle, or -1 */
int sh_close(int handle);
size_t sh_read(int handle, void* buf, size_t len);   /* bytes read */
size_t sh_write(int handle, const void* buf, size_t len); /* bytes written */
void sh_write0(const char* text);                    /* to QEMU's stderr (or the semihosting chardev) */
int sh_get_cmdline(char* buf, size_t len);           /* 0 on success */
/* SYS_EXIT_EXTENDED: QEMU exits with `code` (plain SYS_EXIT can only report 0 or 1 on A32/T32). */
void sh_exit(int code) __attribute__((noreturn));

#endif
