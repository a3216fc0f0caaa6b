// Hardware-in-the-loop on every board with the hand-written TEST FIXTURE model (fixtures/): the
// harness cross-built per board, run under QEMU, compared bit for bit with the same C code built
// natively for this host. Brings the boards, harness, plugin, footprint and stack tools up
// independently of the emitter (the e_coli_core HIL tests use generated code).
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <random>

#include "fixtures/hil_fixture.h"
#include "hil/boards.hpp"
#include "common/error.hpp"
#include "hil/firmware_build.hpp"
#include "hil/harness_run.hpp"
#include "hil/hil_session.hpp"

namespace minn::hil {
namespace {

// Training envelope of the fixture (hil_fixture.c: kMin, kRange).
const float kMin[4] = {0.0f, -2.0f, 10.0f, 0.5f};
const float kRange[4] = {1.0f, 4.0f, 90.0f, 2.5f};

InputBatch fixture_inputs() {
  InputBatch batch;
  batch.num_inputs = hil_fixture_NUM_INPUTS;
  std::mt19937 rng(20251122);
  std::uniform_real_distribution<float> unit(0.0f, 1.0f);
  for (int i = 0; i < 1000; ++i)
    for (int k = 0; k < 4; ++k) batch.values.push_back(kMin[k] + unit(rng) * kRange[k]);
  const float inf = std::numeric_limits<float>::infinity();
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const std::vector<std::vector<float>> special = {
      {nan, 0.0f, 50.0f, 1.0f}, {0.5f, inf, 50.0f, 1.0f}, {0.5f, 0.0f, -inf, 1.0f}, {0.5f, 0.0f, 50.0f, nan},
      {0.5f, 0.0f, 500.0f, 1.0f} /* envelope */, {-1.0f, 0.0f, 50.0f, 1.0f} /* envelope */};
  for (const auto& row : special) batch.values.insert(batch.values.end(), row.begin(), row.end());
  return batch;
}

OutputBatch host_reference(const InputBatch& in) {
  OutputBatch out;
  out.num_outputs = hil_fixture_NUM_OUTPUTS;
  out.values.assign(static_cast<std::size_t>(in.count()) * hil_fixture_NUM_OUTPUTS, 0.0f);
  hil_fixture_workspace ws;
  for (int i = 0; i < in.count(); ++i)
    out.status.push_back(hil_fixture_infer(&in.values[static_cast<std::size_t>(i) * 4],
                                           &out.values[static_cast<std::size_t>(i) * 3], &ws));
  return out;
}

class FixtureHil : public ::testing::TestWithParam<std::string> {};

TEST_P(FixtureHil, BitIdenticalDeterministicAndWithinThePart) {
  const TargetName target = resolve_target(GetParam());
  const InputBatch inputs = fixture_inputs();
  const OutputBatch reference = host_reference(inputs);
  SessionOptions options;
  options.source_dir = default_source_dir();
  options.work_dir = MINN_HIL_WORK_DIR;
  options.plugin_path = default_plugin_path();
  ModelSources model{MINN_HIL_FIXTURE_DIR, "hil_fixture"};
  TargetResult r = run_target(target, model, nullptr, ModelCost{}, inputs, reference, options);

  const Comparison& c = r.comparison;
  EXPECT_EQ(c.vectors, 1006);
  EXPECT_EQ(c.bit_identical, 1006) << "first mismatch at vector "
                                   << (c.first_mismatches.empty() ? -1 : c.first_mismatches[0]);
  EXPECT_EQ(c.status_error, 4);     // NaN, +Inf, -Inf, NaN rows
  EXPECT_EQ(c.status_envelope, 2);  // 500 > 100 + 9, -1 < 0 - 0.1
  EXPECT_EQ(c.status_ok, 1000);

  if (r.kind != "host") {
    ASSERT_TRUE(r.instructions.counted);
    EXPECT_TRUE(r.instructions.identical_across_runs);
    EXPECT_GT(r.instructions.min, 100u);  // 24 + 18 MACs, 4 steps: far above the marker overhead
    // FPU cores: one count for every computed row. Soft-float routines branch on the operands,
    // so there only the run-to-run identity above is required.
    if (r.fpu) {
      EXPECT_TRUE(r.instructions.identical_across_inputs) << r.instructions.min << ".." << r.instructions.max;
    }
  }
  const Footprint& f = r.footprint;
  EXPECT_TRUE(f.heap_free) << "heap symbols linked: " << (f.heap_symbols.empty() ? "" : f.heap_symbols[0]);
  ASSERT_TRUE(r.stack_entry.has_value());
  ASSERT_TRUE(r.stack_infer.has_value());
  EXPECT_FALSE(r.stack_infer->recursive);
  EXPECT_GT(r.stack_entry->bytes, r.stack_infer->bytes);
  if (r.kind == "baremetal") {
    EXPECT_LE(f.flash_bytes, f.flash_region);
    EXPECT_LE(f.ram_bytes, f.ram_region);
    EXPECT_GT(f.stack_reserved, 0u);
    ASSERT_GT(r.stack_measured, 0);
    EXPECT_LE(r.stack_measured, static_cast<long long>(f.stack_reserved));
    // The static bound (call graph + library functions read from the binary) covers the
    // painted-stack high-water mark.
    EXPECT_GE(r.stack_entry->bytes, r.stack_measured);
  }
}

// Each test builds in its own folder: CTest runs them as parallel processes, and two CMake
// configures of one build tree collide.
Firmware build_fixture(const std::string& board, const std::string& test_name) {
  FirmwareRequest request;
  request.source_dir = default_source_dir();
  request.board = board;
  request.model_dir = MINN_HIL_FIXTURE_DIR;
  request.model_name = "hil_fixture";
  request.build_dir = std::string(MINN_HIL_WORK_DIR) + "/" + test_name + "-" + board;
  return build_firmware(request);
}

std::string run_error(const Firmware& fw, const InputBatch& inputs, const std::string& work) {
  HarnessOptions options;
  options.work_dir = std::string(MINN_HIL_WORK_DIR) + "/" + work;
  options.timeout_seconds = 30;
  try {
    run_harness(fw, inputs, options);
  } catch (const Error& e) {
    return e.what();
  }
  return "no error";
}

// A hard-float M4F image on the FPU-less M3 board: the first float instruction raises a UsageFault;
// the fault handler reports it and exits with code 3, which the host names.
TEST(FixtureHilErrors, FaultOnTheTargetIsReported) {
  Firmware fw = build_fixture("mps2-an386", "fault");
  fw.facts.values["machine"] = "mps2-an385";
  const std::string message = run_error(fw, fixture_inputs(), "fault");
  EXPECT_NE(message.find("3 (fault on the target)"), std::string::npos) << message;
  // UsageFault escalated to HardFault: UNDEFINSTR (QEMU's M3 decodes no FP at all) or NOCP.
  EXPECT_TRUE(message.find("CFSR=0x00010000") != std::string::npos ||
              message.find("CFSR=0x00080000") != std::string::npos)
      << message;
  EXPECT_NE(message.find("HFSR=0x40000000"), std::string::npos) << message;
}

TEST(FixtureHilErrors, WrongInputWidthIsRejectedByTheHarness) {
  Firmware fw = build_fixture("mps2-an386", "wide");
  InputBatch wide;
  wide.num_inputs = hil_fixture_NUM_INPUTS + 1;
  wide.values.assign(10, 0.5f);
  const std::string message = run_error(fw, wide, "wide");
  EXPECT_NE(message.find("4 (inputs file missing, truncated or of the wrong width)"), std::string::npos) << message;
  EXPECT_NE(message.find("num_inputs=4"), std::string::npos) << message;
}

INSTANTIATE_TEST_SUITE_P(Boards, FixtureHil,
                         ::testing::Values("cortex-m0", "cortex-m3", "cortex-m4", "cortex-m7", "cortex-m33",
                                           "cortex-m55", "linux-arm", "host"),
                         [](const auto& info) {
                           std::string name = info.param;
                           for (auto& ch : name)
                             if (ch == '-') ch = '_';
                           return name;
                         });

}  // namespace
}  // namespace minn::hil
