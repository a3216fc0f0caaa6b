// Benchmark (not a test): median host latency of one inference of the generated e_coli_core code,
// next to the host reference (same kernels, runtime sizes) and a straightforward dynamic-size
// Eigen implementation with dense matrices (W and S), all measured in the same run, interleaved.
// The PyTorch computation of the same model (tests/bench/pytorch_minn.py, Debian's python3-torch,
// one thread) runs in the same process tree right after, when installed: the ratio is printed.
// Usage: bench_infer [out.json]. Goal: generated code <= 4 us per inference (H = 250), >= 70x PyTorch.
#include <Eigen/Dense>

#include <algorithm>
#include <time.h>

#include <cmath>
#include <cstdio>
#include <random>
#include <string>
#include <vector>

#include "bench_model.hpp"
#include "pytorch_side.hpp"
#include "emit/reference_predictor.hpp"
#include "model/model.hpp"

namespace {

#if defined(__AVX__)
const char* const kBuildFlavor = "host -O3 -march=native (AVX path); reference from minnc's build (SSE2 path)";
#else
const char* const kBuildFlavor = "host -O3, default x86-64 (SSE2 path)";
#endif

// The MINN written the obvious way with Eigen dynamic-size types (allocates per call).
class EigenDynamic {
 public:
  explicit EigenDynamic(const minn::MinnModel& m) : m_(m) {
    for (const auto& l : m.layers) {
      W_.push_back(Eigen::Map<const Eigen::Matrix<float, Eigen::Dynamic, Eigen::Dynamic,
                                                  Eigen::RowMajor>>(l.weights.data(), l.out, l.in));
      b_.push_back(Eigen::Map<const Eigen::VectorXf>(l.bias.data(), l.out));
    }
    S_ = Eigen::MatrixXf::Zero(m.S.rows, m.S.cols);
    for (int r = 0; r < m.S.rows; ++r) {
      for (int k = m.S.row_ptr[r]; k < m.S.row_ptr[r + 1]; ++k) S_(r, m.S.col_index[k]) = m.S.values[k];
    }
  }

  int infer(const float* in, float* out) const {
    const int n_in = m_.num_inputs();
    for (int i = 0; i < n_in; ++i) {
      if (!std::isfinite(in[i])) return -(1 + i);
    }
    Eigen::VectorXf a(n_in);
    for (int i = 0; i < n_in; ++i) a[i] = (in[i] - m_.scaler_min[i]) / m_.scaler_range[i];
    for (std::size_t k = 0; k < W_.size(); ++k) {
      a = W_[k] * a + b_[k];
      if (m_.layers[k].activation == minn::Activation::Relu) a = a.cwiseMax(0.0f);
    }
    Eigen::VectorXf v = a, d = Eigen::VectorXf::Zero(v.size());
    const float two_m = 2.0f / m_.S.rows, two_n = 2.0f / v.size();
    const float two_nin = m_.pin_reactions.empty() ? 0.0f : 2.0f / m_.pin_reactions.size();
    for (int step = 0; step < m_.refinement.steps; ++step) {
      Eigen::VectorXf g = two_m * (S_.transpose() * (S_ * v));
      for (std::size_t k = 0; k < m_.pin_reactions.size(); ++k) {
        const int c = m_.pin_reactions[k];
        g[c] += two_nin * std::max(v[c] - m_.default_vin[k], 0.0f);
      }
      g -= two_n * (-v).cwiseMax(0.0f);
      d = m_.refinement.momentum * d - m_.refinement.step_size * g;
      v += d;
    }
    Eigen::Map<Eigen::VectorXf> result(out, v.size());
    result = v;
    return 0;
  }

 private:
  const minn::MinnModel& m_;
  std::vector<Eigen::MatrixXf> W_;
  std::vector<Eigen::VectorXf> b_;
  Eigen::MatrixXf S_;
};

// Thread CPU time, not wall time: the machine is shared, and time spent descheduled is not the
// inference's latency.
double thread_cpu_us() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) * 1e6 + static_cast<double>(t.tv_nsec) * 1e-3;
}

template <typename F>
double time_batch_us(F&& f, int calls) {
  const double t0 = thread_cpu_us();
  for (int i = 0; i < calls; ++i) f(i);
  return (thread_cpu_us() - t0) / calls;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  const std::string json_path = argc > 1 ? argv[1] : "bench_infer.json";
  const minn::MinnModel model = bench::load_bench_model();
  const int n_in = model.num_inputs(), n_out = model.num_outputs();

  std::mt19937 engine(42);
  std::vector<std::vector<float>> rows(64);
  for (auto& row : rows) {
    for (int i = 0; i < n_in; ++i) {
      const double u = static_cast<double>(engine()) / 4294967296.0;
      row.push_back(static_cast<float>(model.envelope_min[i] +
                                       u * (model.envelope_max[i] - model.envelope_min[i])));
    }
  }
  minn::emit::ReferencePredictor reference(model, minn::emit::Precision::F32);
  minn::MinnModel dense_model = model;  // the same network without refinement: cost breakdown
  dense_model.refinement.steps = 0;
  minn::emit::ReferencePredictor reference_dense(dense_model, minn::emit::Precision::F32);
  EigenDynamic eigen(model);
  std::vector<float> out_gen(n_out), out_ref(n_out), out_eig(n_out);
  volatile float sink = 0.0f;

  // Agreement check (generated vs reference bit-exact; Eigen only close: other summation order).
  double max_rel_eigen = 0.0;
  int mismatches = 0;
  for (const auto& row : rows) {
    bench::generated_infer(row.data(), out_gen.data());
    reference.infer(row.data(), out_ref.data());
    eigen.infer(row.data(), out_eig.data());
    for (int k = 0; k < n_out; ++k) {
      mismatches += out_gen[k] != out_ref[k];
      max_rel_eigen = std::max(max_rel_eigen, std::fabs(double(out_eig[k]) - out_gen[k]) /
                                                  (1.0 + std::fabs(double(out_gen[k]))));
    }
  }

  const int batches = 301, calls = 64;
  std::vector<double> t_gen, t_ref, t_eig, t_dense;
  auto run_gen = [&](int i) { bench::generated_infer(rows[i % 64].data(), out_gen.data()); sink = sink + out_gen[0]; };
  auto run_ref = [&](int i) { reference.infer(rows[i % 64].data(), out_ref.data()); sink = sink + out_ref[0]; };
  auto run_dense = [&](int i) { reference_dense.infer(rows[i % 64].data(), out_ref.data()); sink = sink + out_ref[0]; };
  auto run_eig = [&](int i) { eigen.infer(rows[i % 64].data(), out_eig.data()); sink = sink + out_eig[0]; };
  for (int warm = 0; warm < 20; ++warm) {
    time_batch_us(run_gen, calls);
    time_batch_us(run_ref, calls);
    time_batch_us(run_eig, calls);
  }
  for (int b = 0; b < batches; ++b) {  // interleaved, so drift affects all three alike
    t_gen.push_back(time_batch_us(run_gen, calls));
    t_ref.push_back(time_batch_us(run_ref, calls));
    t_eig.push_back(time_batch_us(run_eig, calls));
    t_dense.push_back(time_batch_us(run_dense, calls));
  }
  const double gen = median(t_gen), ref = median(t_ref), eig = median(t_eig), dense = median(t_dense);
  std::printf("build: %s\n", kBuildFlavor);
  std::printf("model: %s (%d inputs, H = %d, %d outputs, %d refinement steps)\n",
              bench::kBenchModelName, n_in, model.layers[0].out, n_out, model.refinement.steps);
  std::printf("generated code   : %8.3f us/inference (median of %d batches of %d)\n", gen, batches, calls);
  std::printf("host reference   : %8.3f us/inference\n", ref);
  std::printf("  of which dense : %8.3f us (reference without refinement)\n", dense);
  std::printf("Eigen dynamic    : %8.3f us/inference\n", eig);
  std::printf("ratio Eigen/generated: %.2fx; goal <= 4 us: %s\n", eig / gen, gen <= 4.0 ? "met" : "NOT met");
  std::printf("generated vs reference mismatches: %d; Eigen max rel diff %.3g\n", mismatches, max_rel_eigen);
  // PyTorch, same model, same rows, one thread (optional).
  const std::string model_json = json_path + ".model.json", rows_json = json_path + ".rows.json";
  pytorch::write_model_json(model, model_json);
  pytorch::write_rows_json(rows, rows_json);
  std::string python;
  const std::optional<double> torch_us =
      pytorch::run_pytorch("infer " + model_json + " " + rows_json + " 64", "us_per_inference", python);
  if (torch_us) {
    std::printf("PyTorch (%s, 1 thread): %8.3f us/inference; PyTorch/generated: %.1fx (goal >= 70x: %s)\n",
                python.c_str(), *torch_us, *torch_us / gen, *torch_us / gen >= 70.0 ? "met" : "NOT met");
  } else {
    std::printf("PyTorch: not available (python3 with torch not found); no ratio\n");
  }
  if (FILE* f = std::fopen(json_path.c_str(), "w")) {
    std::fprintf(f,
                 "{\n  \"build\": \"%s\",\n  \"model\": \"%s\",\n  \"inputs\": %d,\n  \"hidden\": %d,\n  \"outputs\": %d,\n"
                 "  \"refinement_steps\": %d,\n  \"generated_us\": %.4f,\n  \"reference_us\": %.4f,\n"
                 "  \"reference_dense_only_us\": %.4f,\n  \"eigen_dynamic_us\": %.4f,\n  \"ratio_eigen_over_generated\": %.3f,\n"
                 "  \"goal_us\": 4.0,\n  \"goal_met\": %s,\n  \"bit_mismatches_vs_reference\": %d,\n"
                 "  \"pytorch_us\": %.4f,\n  \"ratio_pytorch_over_generated\": %.3f\n}\n",
                 kBuildFlavor, bench::kBenchModelName, n_in, model.layers[0].out, n_out,
                 model.refinement.steps, gen, ref, dense, eig, eig / gen, gen <= 4.0 ? "true" : "false", mismatches,
                 torch_us ? *torch_us : 0.0, torch_us ? *torch_us / gen : 0.0);
    std::fclose(f);
    std::printf("wrote %s\n", json_path.c_str());
  }
  return mismatches == 0 ? 0 : 1;
}
