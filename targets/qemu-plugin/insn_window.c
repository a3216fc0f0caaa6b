/* TCG plugin: exact count of guest instructions executed between two marker functions.
 *
 *   -plugin libinsn_window.so,begin=0x<addr>,end=0x<addr>,out=<file>
 *
 * Every executed instruction adds 1 to a counter (inline, no helper call). Entering the function at
 * `begin` opens a window; entering `end` closes it and appends the difference to <file>, one
 * decimal count per line. The count includes the markers' own call overhead, a constant that the
 * harness measures with an empty first window. Single vCPU only (the HIL boards have one core). */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qemu-plugin-7.2-subset.h"

QEMU_PLUGIN_EXPORT int qemu_plugin_version = QEMU_PLUGIN_VERSION;

static uint64_t executed;
static uint64_t window_start;
static int window_open;
static uint64_t begin_addr, end_addr;
static FILE* out;
static uint64_t windows;

static void on_begin(unsigned int vcpu, void* userdata) {
  (void)vcpu;
  (void)userdata;
  window_start = executed;
  window_open = 1;
}

static void on_end(unsigned int vcpu, void* userdata) {
  (void)vcpu;
  (void)userdata;
  if (!window_open) return;
  fprintf(out, "%" PRIu64 "\n", executed - window_start);
  window_open = 0;
  ++windows;
}

static void on_translate(qemu_plugin_id_t id, struct qemu_plugin_tb* tb) {
  (void)id;
  size_t n = qemu_plugin_tb_n_insns(tb);
  for (size_t i = 0; i < n; ++i) {
    struct qemu_plugin_insn* insn = qemu_plugin_tb_get_insn(tb, i);
    uint64_t pc = qemu_plugin_insn_vaddr(insn);
    /* The callback runs before the inline add of the same instruction on both markers, so the
     * window holds exactly the instructions from `begin`'s first to just before `end`'s first. */
    if (pc == begin_addr) qemu_plugin_register_vcpu_insn_exec_cb(insn, on_begin, QEMU_PLUGIN_CB_NO_REGS, NULL);
    if (pc == end_addr) qemu_plugin_register_vcpu_insn_exec_cb(insn, on_end, QEMU_PLUGIN_CB_NO_REGS, NULL);
    qemu_plugin_register_vcpu_insn_exec_inline(insn, QEMU_PLUGIN_INLINE_ADD_U64, &executed, 1);
  }
}

static void on_plugin_exit(qemu_plugin_id_t id, void* userdata) {
  (void)id;
  (void)userdata;
  char line[96];
  snprintf(line, sizeof line, "insn_window: %" PRIu64 " windows, %" PRIu64 " instructions in total\n",
           windows, executed);
  qemu_plugin_outs(line);
  fclose(out);
}

static int parse_address(const char* text, uint64_t* value) {
  char* end = NULL;
  unsigned long long v = strtoull(text, &end, 0);
  if (end == text || *end != '\0') return 0;
  *value = (uint64_t)v & ~(uint64_t)1; /* Thumb symbols carry bit 0; instruction addresses do not */
  return 1;
}

QEMU_PLUGIN_EXPORT int qemu_plugin_install(qemu_plugin_id_t id, const qemu_info_t* info, int argc,
                                           char** argv) {
  (void)info;
  const char* path = NULL;
  int have_begin = 0, have_end = 0;
  for (int i = 0; i < argc; ++i) {
    if (strncmp(argv[i], "begin=", 6) == 0) {
      have_begin = parse_address(argv[i] + 6, &begin_addr);
    } else if (strncmp(argv[i], "end=", 4) == 0) {
      have_end = parse_address(argv[i] + 4, &end_addr);
    } else if (strncmp(argv[i], "out=", 4) == 0) {
      path = argv[i] + 4;
    } else {
      fprintf(stderr, "insn_window: unknown argument '%s' (expected begin=, end=, out=)\n", argv[i]);
      return -1;
    }
  }
  if (!have_begin || !have_end || path == NULL) {
    fprintf(stderr, "insn_window: needs begin=<address>, end=<address> and out=<file>\n");
    return -1;
  }
  out = fopen(path, "w");
  if (out == NULL) {
    fprintf(stderr, "insn_window: cannot create '%s'\n", path);
    return -1;
  }
  qemu_plugin_register_vcpu_tb_trans_cb(id, on_translate);
  qemu_plugin_register_atexit_cb(id, on_plugin_exit, NULL);
  return 0;
}
