/* hil_io over semihosting files; paths are relative to QEMU's working directory. */
#include "hil_io.h"
#include "semihost.h"

/* Handles are small integers; encode them as pointers offset by one so NULL means failure. */
static hil_file* to_file(int handle) { return handle < 0 ? NULL : (hil_file*)(uintptr_t)(handle + 1); }
static int to_handle(hil_file* f) { return (int)((uintptr_t)f - 1); }

hil_file* hil_open_read(const char* path) { return to_file(sh_open(path, SH_OPEN_READ_BINARY)); }
hil_file* hil_open_write(const char* path) { return to_file(sh_open(path, SH_OPEN_WRITE_BINARY)); }
size_t hil_read(hil_file* f, void* buf, size_t len) { return sh_read(to_handle(f), buf, len); }
size_t hil_write(hil_file* f, const void* buf, size_t len) { return sh_write(to_handle(f), buf, len); }
void hil_close(hil_file* f) { sh_close(to_handle(f)); }
void hil_log(const char* text) { sh_write0(text); }
