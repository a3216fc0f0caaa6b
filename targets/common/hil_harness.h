/* What both HIL harnesses share (hil_main.c: vectors through NAME_infer; hil_sensor_main.c: signal
 * samples through NAME_sensor_step): the instruction-counting window markers and a number logger. */
#ifndef MINN_HIL_HARNESS_H
#define MINN_HIL_HARNESS_H
#include <stdint.h>

/* Each measured call runs between these; the TCG plugin (targets/qemu-plugin) counts the
 * instructions in between. The first window of a run is empty: its count is the marker overhead. */
void minn_hil_mark_begin(void);
void minn_hil_mark_end(void);

/* Logs `message` followed by `value` in decimal and a newline (no printf on bare metal). */
void hil_log_uint(const char* message, uint32_t value);

#endif
