#include "hil/hil_report.hpp"

#include <cstdio>
#include <sstream>

#include "common/error.hpp"
#include "common/file_bytes.hpp"
#include "common/json_text.hpp"

namespace minn::hil {
namespace {

std::string number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  std::string s = buf;
  return s == "inf" ? "\"inf\"" : s;
}

std::string string_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + json_quote(items[i]);
  return out + "]";
}

std::string insn_json(const InstructionStats& s) {
  if (!s.counted) return "null";
  std::ostringstream o;
  o << "{\"min\": " << s.min << ", \"max\": " << s.max
    << ", \"identical_across_runs\": " << (s.identical_across_runs ? "true" : "false")
    << ", \"identical_across_inputs\": " << (s.identical_across_inputs ? "true" : "false") << "}";
  return o.str();
}

std::string bound_json(const std::optional<StackBound>& b) {
  if (!b) return "null";
  std::ostringstream o;
  o << "{\"entry\": " << json_quote(b->entry) << ", \"bytes\": " << b->bytes << ", \"exact\": "
    << (b->exact() ? "true" : "false") << ", \"recursive\": " << (b->recursive ? "true" : "false")
    << ", \"path\": " << string_list(b->path) << ", \"unresolved_callees\": " << string_list(b->unresolved)
    << ", \"dynamic_frames\": " << string_list(b->dynamic) << "}";
  return o.str();
}

std::string kib(std::uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f KiB", static_cast<double>(bytes) / 1024.0);
  return buf;
}

double ratio(double before, double after) { return after > 0 ? before / after : 0; }

std::string baseline_json(const TargetResult& r) {
  if (!r.portable) return "null";
  const KernelBaseline& b = *r.portable;
  std::ostringstream o;
  o << "{\"vectors\": " << b.vectors << ", \"bit_identical\": " << b.bit_identical
    << ", \"instructions_per_inference\": " << insn_json(b.instructions)
    << ", \"dense_instructions_per_inference\": " << insn_json(b.dense_instructions)
    << ", \"instructions_per_mac\": " << number(b.insn_per_mac)
    << ", \"instructions_per_s_nonzero_per_step\": " << number(b.insn_per_nnz_step)
    << ", \"flash_bytes\": " << b.flash_bytes << ", \"ram_bytes\": " << b.ram_bytes
    << ", \"inference_ratio\": "
    << number(ratio(static_cast<double>(b.instructions.max), static_cast<double>(r.instructions.max)))
    << ", \"mac_ratio\": " << number(ratio(b.insn_per_mac, r.insn_per_mac))
    << ", \"s_nonzero_ratio\": " << number(ratio(b.insn_per_nnz_step, r.insn_per_nnz_step)) << "}";
  return o.str();
}

}  // namespace

std::string target_report_json(const TargetResult& r, const std::string& model, const std::string& data) {
  const Comparison& c = r.comparison;
  const Footprint& f = r.footprint;
  std::ostringstream o;
  o << "{\n"
    << "  \"target\": " << json_quote(r.target.name) << ",\n"
    << "  \"board\": " << json_quote(r.target.board) << ",\n"
    << "  \"core\": " << json_quote(r.core) << ",\n"
    << "  \"qemu_machine\": " << json_quote(r.machine) << ",\n"
    << "  \"kind\": " << json_quote(r.kind) << ",\n"
    << "  \"part_class\": " << json_quote(r.part) << ",\n"
    << "  \"fpu\": " << (r.fpu ? "true" : "false") << ",\n"
    << "  \"compiler\": " << json_quote(r.compiler) << ",\n"
    << "  \"model\": " << json_quote(model) << ",\n"
    << "  \"data\": " << json_quote(data) << ",\n"
    << "  \"vectors\": " << c.vectors << ",\n"
    << "  \"bit_identical\": " << c.bit_identical << ",\n"
    << "  \"status_mismatches\": " << c.status_mismatches << ",\n"
    << "  \"max_abs_diff\": " << number(c.max_abs_diff) << ",\n"
    << "  \"status\": {\"ok\": " << c.status_ok << ", \"envelope\": " << c.status_envelope
    << ", \"error\": " << c.status_error << "},\n"
    << "  \"instructions_per_inference\": " << insn_json(r.instructions) << ",\n"
    << "  \"dense_instructions_per_inference\": " << insn_json(r.dense_instructions) << ",\n"
    << "  \"instructions_per_mac\": " << number(r.insn_per_mac) << ",\n"
    << "  \"instructions_per_s_nonzero_per_step\": " << number(r.insn_per_nnz_step) << ",\n"
    << "  \"flash_bytes\": " << f.flash_bytes << ",\n"
    << "  \"flash_region_bytes\": " << f.flash_region << ",\n"
    << "  \"ram_bytes\": " << f.ram_bytes << ",\n"
    << "  \"ram_region_bytes\": " << f.ram_region << ",\n"
    << "  \"stack_reserved_bytes\": " << f.stack_reserved << ",\n"
    << "  \"workspace_bytes\": " << f.workspace_bytes << ",\n"
    << "  \"harness_buffer_bytes\": " << f.harness_buffer_bytes << ",\n"
    << "  \"heap_free\": " << (f.heap_free ? "true" : "false") << ",\n"
    << "  \"heap_symbols\": " << string_list(f.heap_symbols) << ",\n"
    << "  \"stack_bound\": " << bound_json(r.stack_entry) << ",\n"
    << "  \"stack_bound_infer\": " << bound_json(r.stack_infer) << ",\n"
    << "  \"stack_measured_bytes\": " << r.stack_measured << ",\n"
    << "  \"portable_kernels\": " << baseline_json(r) << "\n"
    << "}\n";
  return o.str();
}

void write_target_report(const TargetResult& result, const std::string& model, const std::string& data,
                         const std::string& path) {
  replace_file_bytes(path, target_report_json(result, model, data));
}

void print_target_table(std::ostream& out, const std::vector<TargetResult>& results) {
  out << "| target | board | vectors | bit-identical | max abs diff | status ok/env/err | insn/inference"
         " | insn/MAC | insn/(nnz S * step) | flash | RAM (model workspace) | stack bound / measured |\n"
      << "|---|---|---|---|---|---|---|---|---|---|---|---|\n";
  for (const auto& r : results) {
    const Comparison& c = r.comparison;
    char diff[32];
    std::snprintf(diff, sizeof diff, "%.3g", c.max_abs_diff);
    std::string insn = "n/a";
    if (r.instructions.counted) {
      insn = std::to_string(r.instructions.min);
      if (r.instructions.max != r.instructions.min) insn += " - " + std::to_string(r.instructions.max);
      if (!r.instructions.identical_across_runs) insn += " (runs differ!)";
    }
    char per_mac[32] = "n/a", per_nnz[32] = "n/a";
    if (r.insn_per_mac > 0) std::snprintf(per_mac, sizeof per_mac, "%.2f", r.insn_per_mac);
    if (r.insn_per_nnz_step > 0) std::snprintf(per_nnz, sizeof per_nnz, "%.2f", r.insn_per_nnz_step);
    const Footprint& f = r.footprint;
    std::string flash = kib(f.flash_bytes) + (f.flash_region ? " / " + kib(f.flash_region) : "");
    std::string ram = kib(f.ram_bytes) + (f.ram_region ? " / " + kib(f.ram_region) : "") + " (" +
                      std::to_string(f.workspace_bytes) + " B)";
    std::string stack = r.stack_entry ? std::to_string(r.stack_entry->bytes) + " B" : "n/a";
    if (r.stack_entry && !r.stack_entry->exact()) stack += "*";
    stack += r.stack_measured >= 0 ? " / " + std::to_string(r.stack_measured) + " B" : " / n/a";
    out << "| " << r.target.name << " | " << r.target.board << " | " << c.vectors << " | " << c.bit_identical << "/"
        << c.vectors << " | " << diff << " | " << c.status_ok << "/" << c.status_envelope << "/" << c.status_error
        << " | " << insn << " | " << per_mac << " | " << per_nnz << " | " << flash << " | " << ram << " | " << stack
        << " |\n";
  }
}

void print_kernel_comparison(std::ostream& out, const std::vector<TargetResult>& results) {
  out << "| target | bit-identical (portable) | insn/inference portable -> fast | insn/MAC portable -> fast"
         " | insn/(nnz S * step) portable -> fast | flash portable -> fast |\n"
      << "|---|---|---|---|---|---|\n";
  for (const auto& r : results) {
    if (!r.portable || !r.instructions.counted) continue;  // no counts on the host
    const KernelBaseline& b = *r.portable;
    char line[512];
    std::snprintf(line, sizeof line,
                  "| %s | %d/%d | %llu -> %llu (%.2fx) | %.2f -> %.2f | %.2f -> %.2f | %s -> %s |\n",
                  r.target.name.c_str(), b.bit_identical, b.vectors,
                  static_cast<unsigned long long>(b.instructions.max),
                  static_cast<unsigned long long>(r.instructions.max),
                  ratio(static_cast<double>(b.instructions.max), static_cast<double>(r.instructions.max)),
                  b.insn_per_mac, r.insn_per_mac, b.insn_per_nnz_step, r.insn_per_nnz_step,
                  kib(b.flash_bytes).c_str(), kib(r.footprint.flash_bytes).c_str());
    out << line;
  }
}

}  // namespace minn::hil
