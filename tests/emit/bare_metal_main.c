/* A minimal bare-metal program over a generated C API: the link proves that the generated code and
 * lib/ need no heap, no exit/abort and no syscalls (no nosys specs, so any such call fails the link),
 * on the ok path and on the NaN-input path. Built with -DMODEL_NAME=<name> -DMODEL_HEADER="<name>.h". */
#include MODEL_HEADER

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)
#define M(suffix) CAT(MODEL_NAME, suffix)

static M(_workspace) workspace;
static float inputs[M(_NUM_INPUTS)];
static float outputs[M(_NUM_OUTPUTS)];
volatile int sink_status[3];
volatile float sink_flux;

void _start(void);
void _start(void) {
  volatile float zero = 0.0f;
  int i;
  for (i = 0; i < M(_NUM_INPUTS); ++i) inputs[i] = 0.5f;
  sink_status[0] = M(_infer)(inputs, outputs, &workspace);
  inputs[0] = zero / zero; /* NaN: the error path */
  sink_status[1] = M(_infer)(inputs, outputs, &workspace);
  sink_status[2] = M(_reaction_index)(M(_reaction_ids)[M(_NUM_OUTPUTS) - 1]);
  sink_flux = outputs[0];
  for (;;) {
  }
}
