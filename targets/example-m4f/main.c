/* The application: read the sensor values, estimate every flux of the model, act on one of them.
 * `ecoli.h` is generated at build time by minn_add_model (CMakeLists.txt). */
#include "ecoli.h"

static ecoli_workspace workspace; /* scratch of one inference: static, no heap */
static float inputs[ecoli_NUM_INPUTS];
static float fluxes[ecoli_NUM_OUTPUTS];
volatile float pgi_flux; /* where a controller would read its estimate */

/* Stand-in for the sensor front end (see lib/minn/rates.hpp): a constant, mid-range reading. */
static void read_sensors(float* raw) {
  for (int i = 0; i < ecoli_NUM_INPUTS; ++i) raw[i] = 1.0f;
}

int main(void) {
  read_sensors(inputs);
  const int status = ecoli_infer(inputs, fluxes, &workspace);
  if (status < 0) return 1; /* an input NaN or infinite: no estimate */
  const int pgi = ecoli_reaction_index("R_PGI_fwd");
  if (pgi < 0) return 2;
  pgi_flux = fluxes[pgi];
  if (pgi_flux != pgi_flux) return 3; /* NaN: never from finite inputs */
  return 0; /* status >= 1000: an input beyond the training envelope, fluxes still computed */
}
