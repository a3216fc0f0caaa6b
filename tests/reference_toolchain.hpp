// Tests that compare trained bits with recorded ones (the shipped models, the regression digests of
// `minnc cv` outputs, training under qemu-x86_64) hold for the toolchain that recorded them: GCC 12
// and the release preset. Training is deterministic for a build, but another compiler may round the
// same float code differently (clang's ASan build trains other bytes, measured 2026-12-05), and
// ASan's shadow memory does not run under qemu-user. Such a test skips, saying so, elsewhere.
#pragma once
#include <gtest/gtest.h>

#if defined(__clang__) || !defined(__GNUC__)
#define MINN_REFERENCE_TOOLCHAIN 0
#else
#define MINN_REFERENCE_TOOLCHAIN 1
#endif

// In a test body: skip unless built by the reference toolchain (GCC).
#define MINN_SKIP_UNLESS_REFERENCE_TOOLCHAIN()                                                      \
  do {                                                                                              \
    if (!MINN_REFERENCE_TOOLCHAIN)                                                                  \
      GTEST_SKIP() << "compares bits recorded with GCC 12 (release preset); this build's compiler " \
                      "may round training differently (tests/reference_toolchain.hpp)";              \
  } while (0)
