/* The harness's only dependencies on the platform: whole-file-style binary I/O, a log line, an exit
 * code. Bare metal implements it over semihosting (io_semihost.c), Linux/host over stdio (io_posix.c). */
#ifndef MINN_HIL_IO_H
#define MINN_HIL_IO_H
#include <stddef.h>

typedef struct hil_file hil_file;

hil_file* hil_open_read(const char* path);
hil_file* hil_open_write(const char* path);
size_t hil_read(hil_file* f, void* buf, size_t len);
size_t hil_write(hil_file* f, const void* buf, size_t len);
void hil_close(hil_file* f);
void hil_log(const char* text);

#endif
