/* HIL harness: streams input vectors from a file through the generated model and writes statuses and
 * outputs back, in batches (each semihosting call costs a trap, so batching dominates throughput).
 *
 * Generic over the model: compile with -DMINN_HIL_MODEL_HEADER="NAME.h" -DMINN_HIL_PREFIX=NAME.
 * Each inference runs between minn_hil_mark_begin() and minn_hil_mark_end(), which the instruction-
 * counting TCG plugin (targets/qemu-plugin) uses as window markers. The first window is empty: its
 * count is the marker overhead, subtracted on the host. */
#include <stdint.h>
#include <string.h>

#include "hil_harness.h"
#include "hil_io.h"
#include "hil_protocol.h"
#include MINN_HIL_MODEL_HEADER

#define MINN_CAT2(a, b) a##b
#define MINN_CAT(a, b) MINN_CAT2(a, b)
#define MODEL(suffix) MINN_CAT(MINN_HIL_PREFIX, suffix)

#define NUM_IN MODEL(_NUM_INPUTS)
#define NUM_OUT MODEL(_NUM_OUTPUTS)

#ifndef MINN_HIL_BATCH
#define MINN_HIL_BATCH 16 /* vectors per semihosting read/write */
#endif

typedef struct {
  int32_t status;
  float out[NUM_OUT];
} result_record;

static MODEL(_workspace) workspace;
static float inputs[MINN_HIL_BATCH][NUM_IN];
static result_record results[MINN_HIL_BATCH];

int main(int argc, char** argv) {
  if (argc != 3) {
    hil_log("usage: hil <inputs.bin> <outputs.bin>\n");
    return MINN_HIL_EXIT_USAGE;
  }
  hil_file* in = hil_open_read(argv[1]);
  if (in == NULL) {
    hil_log("hil: cannot open the inputs file\n");
    return MINN_HIL_EXIT_BAD_INPUT;
  }
  uint32_t header[2];
  if (hil_read(in, header, sizeof header) != sizeof header) {
    hil_log("hil: inputs file shorter than its 8-byte header\n");
    hil_close(in);
    return MINN_HIL_EXIT_BAD_INPUT;
  }
  if (header[1] != (uint32_t)NUM_IN) {
    hil_log_uint("hil: inputs file has the wrong vector width; the model expects num_inputs=", NUM_IN);
    hil_close(in);
    return MINN_HIL_EXIT_BAD_INPUT;
  }
  const uint32_t count = header[0];
  hil_file* out = hil_open_write(argv[2]);
  if (out == NULL) {
    hil_log("hil: cannot create the outputs file\n");
    hil_close(in);
    return MINN_HIL_EXIT_IO;
  }
  const uint32_t out_header[2] = {count, (uint32_t)NUM_OUT};
  int rc = hil_write(out, out_header, sizeof out_header) == sizeof out_header ? MINN_HIL_EXIT_OK
                                                                              : MINN_HIL_EXIT_IO;
  minn_hil_mark_begin(); /* empty window: marker overhead */
  minn_hil_mark_end();

  for (uint32_t done = 0; rc == MINN_HIL_EXIT_OK && done < count;) {
    uint32_t batch = count - done < MINN_HIL_BATCH ? count - done : MINN_HIL_BATCH;
    if (hil_read(in, inputs, batch * sizeof inputs[0]) != batch * sizeof inputs[0]) {
      hil_log_uint("hil: inputs file truncated at vector ", done);
      rc = MINN_HIL_EXIT_BAD_INPUT;
      break;
    }
    for (uint32_t i = 0; i < batch; ++i) {
      /* Error statuses leave the outputs unchanged: start from zeros so the record is deterministic. */
      memset(results[i].out, 0, sizeof results[i].out);
      minn_hil_mark_begin();
      results[i].status = MODEL(_infer)(inputs[i], results[i].out, &workspace);
      minn_hil_mark_end();
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
