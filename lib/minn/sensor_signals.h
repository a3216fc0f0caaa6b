/* One sample of the raw signals a bioreactor controller reads, as the streaming soft sensor
 * (NAME_sensor_step) takes them and the simulated plant (codegen/plant) writes them. C-compatible
 * (firmware and host share it); float32, SI-adjacent process units as the rate front end documents
 * (lib/minn/rates.hpp). A missing or failed reading is NaN: the sensor step applies its hold
 * policy, never undefined behaviour. */
#ifndef MINN_SENSOR_SIGNALS_H
#define MINN_SENSOR_SIGNALS_H

#ifdef __cplusplus
extern "C" {
#endif

typedef struct minn_signals {
  float time_h;                  /* sample time, h (informational; the step assumes a fixed period) */
  float o2_in;                   /* dry inlet O2 mole fraction, mol/mol (air 0.2095) */
  float co2_in;                  /* dry inlet CO2 mole fraction, mol/mol (air 0.0004) */
  float o2_out;                  /* dry off-gas O2 mole fraction, mol/mol */
  float co2_out;                 /* dry off-gas CO2 mole fraction, mol/mol */
  float gas_in_nl_per_min;       /* inlet gas flow, NL/min (0 degC, 1 atm) */
  float volume_l;                /* liquid volume, L */
  float feed_l_per_h;            /* feed pump rate, L/h (0 = pump stopped) */
  float feed_glucose_mmol_per_l; /* glucose in the feed, mmol/L */
  float outflow_l_per_h;         /* liquid outflow, L/h (chemostat; 0 in fed-batch) */
  float biomass_gdw_per_l;       /* biomass signal, gDW/L (calibrated OD or capacitance) */
} minn_signals;

#define MINN_SIGNAL_COUNT 11 /* fields of minn_signals, in order */

/* How the streaming soft sensor treats the signals (lib/minn/soft_sensor.hpp). */
typedef struct minn_sensor_config {
  float sample_period_h;   /* fixed sample period, h (> 0) */
  int max_hold_samples;    /* T: a bad reading is replaced by the last good one for at most T
                            * consecutive samples; after that the estimate stops (input missing) */
  int stuck_samples;       /* an off-gas fraction repeating the same bits this many samples in a row
                            * is a stuck analyser (0: no check; real analysers carry noise) */
  float spike_fraction;    /* a biomass or off-gas reading that jumps by more than this fraction of
                            * its last good value is a spike, unless the next reading confirms the
                            * new level (a real step); 0: no check */
  int chemostat;           /* 1: growth rate = dilution rate D = F/V (a chemostat near steady state,
                            * where mu = D and the biomass slope is only noise); 0: the least-squares
                            * slope of ln X over 8 samples plus D (batch, fed-batch, transients) */
} minn_sensor_config;

/* The quality word of each output: 0 = ok, else a combination of these bits. */
#define MINN_QUALITY_OK 0u
#define MINN_QUALITY_OUT_OF_ENVELOPE 1u /* a model input beyond the training envelope (+ margin) */
#define MINN_QUALITY_HELD 2u            /* computed from at least one held (last good) reading */
#define MINN_QUALITY_INPUT_MISSING 4u   /* no estimate this sample: a signal missing for more than
                                         * T samples, or the growth filter warming up; the outputs
                                         * keep the last estimate (or their initial values) */

#ifdef __cplusplus
}
#endif

#endif /* MINN_SENSOR_SIGNALS_H */
