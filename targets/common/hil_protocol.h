/* The HIL wire format between the host (codegen/hil) and every harness. Shared by both sides.
 *
 * inputs file : u32 count, u32 num_inputs, then count x num_inputs f32           (little endian)
 * outputs file: u32 count, u32 num_outputs, then per vector: i32 status, num_outputs f32
 * status      : the model's NAME_infer return code (0 ok, 1000+i envelope, -(1+i) NaN/Inf input)
 *
 * The harness reports itself on its log channel with lines "key=value" (stack_used=, vectors=). */
#ifndef MINN_HIL_PROTOCOL_H
#define MINN_HIL_PROTOCOL_H

/* Exit codes of a harness run (QEMU passes them on through SYS_EXIT_EXTENDED). */
enum {
  MINN_HIL_EXIT_OK = 0,
  MINN_HIL_EXIT_USAGE = 2,        /* wrong arguments */
  MINN_HIL_EXIT_FAULT = 3,        /* HardFault / UsageFault on the target */
  MINN_HIL_EXIT_BAD_INPUT = 4,    /* input file missing, truncated or of the wrong width */
  MINN_HIL_EXIT_IO = 5,           /* output file could not be written */
};

#endif
