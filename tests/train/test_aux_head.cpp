// The training-only auxiliary omics head (train/aux_head.hpp): its loss and its gradient towards the
// hidden layer against central finite differences, the network's backward with the extra hidden-layer
// gradient against finite differences, and at job level: w = 0 trains exactly as before, w > 0 changes
// the training but not what the model file holds.
#include <gtest/gtest.h>

#include <cmath>

#include "common/error.hpp"
#include "model/model_file.hpp"
#include "train/aux_head.hpp"
#include "train/network.hpp"
#include "train/train_job.hpp"

namespace minn::train {
namespace {

Eigen::MatrixXd random_matrix(int rows, int cols, Rng& rng) {
  Eigen::MatrixXd m(rows, cols);
  for (Eigen::Index i = 0; i < m.size(); ++i) m(i) = rng.uniform(-1, 1);
  return m;
}

// The loss a freshly initialised head (seed 7) reports for A1: the value before its first step.
double fresh_loss(const Eigen::MatrixXd& A1, const Eigen::MatrixXd& Y, double w, Eigen::MatrixXd* grad = nullptr) {
  Rng rng(7);
  AuxHeadT<double> head(static_cast<int>(A1.rows()), static_cast<int>(Y.rows()), w, AdamOptions{}, rng);
  Eigen::MatrixXd g;
  const double loss = head.train_step(A1, Y, g);
  if (grad) *grad = g;
  return loss;
}

TEST(AuxHead, LossAndHiddenGradientMatchFiniteDifferences) {
  Rng rng(3);
  const Eigen::MatrixXd A1 = random_matrix(6, 3, rng), Y = random_matrix(4, 3, rng);
  Eigen::MatrixXd grad;
  const double w = 0.7;
  const double loss = fresh_loss(A1, Y, w, &grad);
  // By hand: the head's prediction from the same seed-7 weights.
  Rng init(7);
  Eigen::VectorXd p(4 * 6 + 4);
  for (Eigen::Index i = 0; i < p.size(); ++i) p(i) = init.uniform(-1 / std::sqrt(6.0), 1 / std::sqrt(6.0));
  const Eigen::MatrixXd W = Eigen::Map<Eigen::MatrixXd>(p.data(), 4, 6);
  const Eigen::MatrixXd prediction = (W * A1).colwise() + p.tail(4);
  EXPECT_NEAR(loss, w * (prediction - Y).squaredNorm() / 4, 1e-12);
  ASSERT_EQ(grad.rows(), 6);
  for (Eigen::Index i = 0; i < A1.size(); ++i) {
    Eigen::MatrixXd up = A1, down = A1;
    up(i) += 1e-6;
    down(i) -= 1e-6;
    EXPECT_NEAR(grad(i), (fresh_loss(up, Y, w) - fresh_loss(down, Y, w)) / 2e-6, 1e-6) << i;
  }
}

TEST(AuxHead, NetworkBackwardAddsTheExtraHiddenGradient) {
  Rng rng(5);
  Network net(3, 5, 2);
  net.init_pytorch_default(rng);
  const Eigen::MatrixXd X = random_matrix(3, 4, rng), G = random_matrix(2, 4, rng), E = random_matrix(5, 4, rng);
  // L(params) = sum(G .* V0) + sum(E .* A1), without dropout.
  const auto functional = [&](Network& n) {
    Eigen::MatrixXd V0;
    n.forward(X, 0.0, nullptr, V0);
    return (G.array() * V0.array()).sum() + (E.array() * n.hidden_activations().array()).sum();
  };
  Eigen::MatrixXd V0;
  net.forward(X, 0.0, nullptr, V0);
  LayerGradient layers[2];
  net.backward(X, G, E, layers);
  Eigen::VectorXd grad = Eigen::VectorXd::Zero(net.parameters().size());
  materialize(layers[0], grad);
  materialize(layers[1], grad);
  for (Eigen::Index i = 0; i < grad.size(); ++i) {
    Network up = net, down = net;
    up.parameters()(i) += 1e-6;
    down.parameters()(i) -= 1e-6;
    EXPECT_NEAR(grad(i), (functional(up) - functional(down)) / 2e-6, 1e-6) << i;
  }
  // A zero extra gradient gives the bits of the plain backward.
  Eigen::VectorXd plain, with_zero = Eigen::VectorXd::Zero(grad.size());
  net.forward(X, 0.0, nullptr, V0);
  net.backward(X, G, plain);
  net.backward(X, G, Eigen::MatrixXd::Zero(5, 4), layers);
  materialize(layers[0], with_zero);
  materialize(layers[1], with_zero);
  EXPECT_EQ(plain, with_zero);
}

TrainJob online_job(double aux_weight) {
  TrainJob job;
  job.gem_path = std::string(MINN_MODELS_DIR) + "/gems/e_coli_core.xml.gz";
  job.data_dir = std::string(MINN_MODELS_DIR) + "/ishii";
  job.output_path = "core.minn";
  job.options.epochs = 3;
  job.options.seed = 2;
  job.inputs = InputSet::Online;
  job.options.aux_weight = aux_weight;
  return job;
}

TEST(AuxHead, ShapesTrainingButNotTheModelFile) {
  const TrainJobResult off = run_train_job(online_job(0));
  const TrainJobResult on = run_train_job(online_job(1));
  // Same layers, inputs and outputs: the head is not stored.
  ASSERT_EQ(on.model.layers.size(), 2u);
  EXPECT_EQ(on.model.layers[0].in, 4);
  EXPECT_EQ(on.model.layers[1].out, off.model.layers[1].out);
  EXPECT_EQ(on.model.input_names, off.model.input_names);
  EXPECT_NE(on.model.layers[0].weights, off.model.layers[0].weights);  // its gradient reached the hidden layer
  EXPECT_NE(on.model.provenance.command.find(" --inputs online --aux-omics-weight 1 -o core.minn"), std::string::npos);
  // w = 0 is the training without a head, bit for bit.
  EXPECT_EQ(serialize_model(off.model), serialize_model(run_train_job(online_job(0)).model));
  TrainJob bad = online_job(-1);
  EXPECT_THROW(run_train_job(bad), Error);
}

}  // namespace
}  // namespace minn::train
