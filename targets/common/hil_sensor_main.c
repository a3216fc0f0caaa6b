/* HIL harness of the streaming soft sensor: reads raw signal samples (minn_signals, in time order)
 * from a file, runs NAME_sensor_step on each with one state carried from sample to sample, and
 * writes per sample the quality word (in the status field of the HIL wire format, hil_protocol.h)
 * and the NAME_NUM_OUTPUTS fluxes the sensor holds after the step.
 *
 * The sensor configuration and the strain's genotype come from minn_sensor_setup.h in the model
 * directory (written by `minnc hil --plant`). Each step runs between minn_hil_mark_begin() and
 * minn_hil_mark_end() (instruction counting, as in hil_main.c; the first window is empty). */
#include <stdint.h>
#include <string.h>

#include "hil_harness.h"
#include "hil_io.h"
#include "hil_protocol.h"
#include "minn_sensor_setup.h"
#include MINN_HIL_MODEL_HEADER

#define MINN_CAT2(a, b) a##b
#define MINN_CAT(a, b) MINN_CAT2(a, b)
#define MODEL(suffix) MINN_CAT(MINN_HIL_PREFIX, suffix)

#define NUM_OUT MODEL(_NUM_OUTPUTS)

#ifndef MINN_HIL_BATCH
#define MINN_HIL_BATCH 16
#endif

typedef struct {
  int32_t status;
  float out[NUM_OUT];
} result_record;

/* minn_signals is MINN_SIGNAL_COUNT floats in a row: the file's vectors map onto it field by field. */
typedef char signals_are_packed_floats[sizeof(minn_signals) == MINN_SIGNAL_COUNT * sizeof(float) ? 1 : -1];

static MODEL(_sensor_state) state;
static minn_signals samples[MINN_HIL_BATCH];
static result_record results[MINN_HIL_BATCH];
static float fluxes[NUM_OUT]; /* the sensor's estimate, kept across samples (0 before the first) */

int main(int argc, char** argv) {
  if (argc != 3) {
    hil_log("usage: hil <signals.bin> <outputs.bin>\n");
    return MINN_HIL_EXIT_USAGE;
  }
  hil_file* in = hil_open_read(argv[1]);
  if (in == NULL) {
    hil_log("hil: cannot open the signals file\n");
    return MINN_HIL_EXIT_BAD_INPUT;
  }
  uint32_t header[2];
  if (hil_read(in, header, sizeof header) != sizeof header || header[1] != (uint32_t)MINN_SIGNAL_COUNT) {
    hil_log_uint("hil: the signals file needs an 8-byte header with width ", MINN_SIGNAL_COUNT);
    hil_close(in);
    return MINN_HIL_EXIT_BAD_INPUT;
  }
  const uint32_t count = header[0];
  hil_file* out = hil_open_write(argv[2]);
  if (out == NULL) {
    hil_close(in);
    return MINN_HIL_EXIT_IO;
  }
  const uint32_t out_header[2] = {count, (uint32_t)NUM_OUT};
  int rc = hil_write(out, out_header, sizeof out_header) == sizeof out_header ? MINN_HIL_EXIT_OK : MINN_HIL_EXIT_IO;
  const minn_sensor_config config = MINN_SENSOR_CONFIG;
  MODEL(_sensor_init)(&state, &config, minn_sensor_genotype);
  minn_hil_mark_begin(); /* empty window: marker overhead */
  minn_hil_mark_end();

  for (uint32_t done = 0; rc == MINN_HIL_EXIT_OK && done < count;) {
    uint32_t batch = count - done < MINN_HIL_BATCH ? count - done : MINN_HIL_BATCH;
    if (hil_read(in, samples, batch * sizeof samples[0]) != batch * sizeof samples[0]) {
      hil_log_uint("hil: signals file truncated at sample ", done);
      rc = MINN_HIL_EXIT_BAD_INPUT;
      break;
    }
    for (uint32_t i = 0; i < batch; ++i) {
      minn_hil_mark_begin();
      const unsigned word = MODEL(_sensor_step)(&state, &samples[i], fluxes, NULL);
      minn_hil_mark_end();
      results[i].status = (int32_t)word;
      memcpy(results[i].out, fluxes, sizeof fluxes);
    }
    if (hil_write(out, results, batch * sizeof results[0]) != batch * sizeof results[0]) {
      rc = MINN_HIL_EXIT_IO;
      break;
    }
    done += batch;
  }
  hil_close(out);
  hil_close(in);
  if (rc == MINN_HIL_EXIT_OK) hil_log_uint("vectors=", count);
  return rc;
}
