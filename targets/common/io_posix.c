/* hil_io over C stdio, for the native host harness and Linux on Cortex-A (under qemu-arm). */
#include <stdio.h>

#include "hil_io.h"

hil_file* hil_open_read(const char* path) { return (hil_file*)fopen(path, "rb"); }
hil_file* hil_open_write(const char* path) { return (hil_file*)fopen(path, "wb"); }
size_t hil_read(hil_file* f, void* buf, size_t len) { return fread(buf, 1, len, (FILE*)f); }
size_t hil_write(hil_file* f, const void* buf, size_t len) { return fwrite(buf, 1, len, (FILE*)f); }
void hil_close(hil_file* f) { fclose((FILE*)f); }
void hil_log(const char* text) { fputs(text, stderr); }
