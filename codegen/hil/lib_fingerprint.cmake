# Writes OUT: a header with the SHA-256 of the runtime headers under LIB_DIR, in the layout
# lib_fingerprint.cpp recomputes at run time (for each file, sorted by relative path:
# "<relative path>\n<content>\n"). minnc compares both before building firmware, so a minnc built
# against another lib/ than the one the firmware compiles is caught instead of giving mismatches.
file(GLOB_RECURSE files RELATIVE ${LIB_DIR} ${LIB_DIR}/*.h ${LIB_DIR}/*.hpp)
list(SORT files)
set(text "")
foreach(f IN LISTS files)
  file(READ ${LIB_DIR}/${f} content)
  string(APPEND text "${f}\n${content}\n")
endforeach()
string(SHA256 digest "${text}")
file(WRITE ${OUT}.tmp "#pragma once\n#define MINN_LIB_FINGERPRINT \"${digest}\"\n")
file(COPY_FILE ${OUT}.tmp ${OUT} ONLY_IF_DIFFERENT)
