// Compiler attributes the generated code uses.
#pragma once

// Keeps a large generated function (the written-out S products) out of its caller: inlined into
// run(), its one huge block made GCC spill across the whole inference (measured stack frame of
// run(): 2008 B on Cortex-M0 in q7, 528 B on the M4F in f32; with the products apart 248 B and
// 160 B). One call per product and step.
#if defined(__GNUC__)
#define MINN_NOINLINE __attribute__((noinline))
#else
#define MINN_NOINLINE
#endif
