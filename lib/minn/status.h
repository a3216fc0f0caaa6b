/* Status codes of generated inference functions, shared by C and C++ firmware.
 * The encoding is fixed (the hardware-in-the-loop harness and C firmware rely on it):
 *   0          every input finite and inside the training envelope; outputs computed
 *   1000 + i   input i is the first one beyond the training envelope (plus margin); outputs computed
 *              (for a model trained with clipped inputs, at the inputs saturated to the training
 *              range: minn::clip_unit)
 *   -(1 + i)   input i is the first one that is NaN or +-Inf; outputs left unchanged            */
#ifndef MINN_STATUS_H
#define MINN_STATUS_H

#define MINN_STATUS_OK 0
#define MINN_STATUS_ENVELOPE_BASE 1000

#define MINN_STATUS_IS_OK(code) ((code) == MINN_STATUS_OK)
#define MINN_STATUS_IS_WARNING(code) ((code) >= MINN_STATUS_ENVELOPE_BASE)
#define MINN_STATUS_IS_ERROR(code) ((code) < 0)
/* The input index a warning or an error names (meaningless for MINN_STATUS_OK). */
#define MINN_STATUS_INPUT(code) ((code) < 0 ? -(code) - 1 : (code) - MINN_STATUS_ENVELOPE_BASE)

#endif /* MINN_STATUS_H */
